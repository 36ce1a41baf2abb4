namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// Where the client reports what it does. Implementations may be called from any thread; the PowerShell layer
    /// queues the messages and writes them on the pipeline thread. Messages never contain a secret.
    /// </summary>
    public interface IApiLog
    {
        /// <summary>False when nobody reads Verbose output: callers skip building the message.</summary>
        bool VerboseEnabled { get; }

        /// <summary>False when nobody reads Debug output.</summary>
        bool DebugEnabled { get; }

        void Verbose(string message);
        void Debug(string message);

        /// <summary>Something the user should know though the call went on (a listing shorter than its count).</summary>
        void Warning(string message);
    }

    internal sealed class NullLog : IApiLog
    {
        internal static readonly NullLog Instance = new NullLog();
        public bool VerboseEnabled => false;
        public bool DebugEnabled => false;
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
