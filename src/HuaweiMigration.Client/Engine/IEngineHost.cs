using System;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>
    /// Everything the engine needs of its caller, and all it may do to it: the engine acts on tasks and waits for
    /// them, and says what happened only through this seam. A cmdlet implements it over its streams; a test records
    /// what it is told. Every call but <see cref="Log"/> comes on the thread that runs the engine.
    /// </summary>
    public interface IEngineHost
    {
        /// <summary>Cancelled when the user stops the command (Ctrl+C): every request and delay ends at once.</summary>
        CancellationToken Cancellation { get; }

        /// <summary>Verbose, debug and warning lines; may be written from any thread.</summary>
        IApiLog Log { get; }

        /// <summary>True when the user asked only to be told what would happen (-WhatIf): nothing may be sent, not even a read.</summary>
        bool WhatIf { get; }

        /// <summary>Whether to go on with <paramref name="action"/> on <paramref name="target"/> (-WhatIf, -Confirm); <paramref name="force"/> skips the prompt but never -WhatIf.</summary>
        bool ShouldProcess(string target, string action, bool force = false);

        /// <summary>Writes one object of output.</summary>
        void WriteObject(object item);

        /// <summary>Writes one error; the others go on.</summary>
        void WriteError(TaskError error);

        /// <summary>Shows how a wait is going.</summary>
        void WriteProgress(WaitProgress progress);

        /// <summary>
        /// Blocks until <paramref name="task"/> completes, doing the host's work meanwhile (writing the log). A
        /// cancellation by <see cref="Cancellation"/> ends the command.
        /// </summary>
        T Await<T>(Task<T> task);
    }

    /// <summary>Helpers over <see cref="IEngineHost"/>.</summary>
    internal static class EngineHostExtensions
    {
        /// <summary>Blocks until a task without a result completes; see <see cref="IEngineHost.Await{T}"/>.</summary>
        public static void Await(this IEngineHost host, Task task) => host.Await(AsBool(task));

        private static async Task<bool> AsBool(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }
    }
}
