using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using HuaweiMigration.Models;

namespace HuaweiMigration.Internal
{
    /// <summary>
    /// The default context, as Az keeps it: it belongs to the process, so every runspace (ForEach-Object -Parallel,
    /// Start-ThreadJob, a hosted runspace) uses the last connection made in the process, unless that runspace
    /// connected itself (its own connection wins there) or disconnected (it then has none until it connects).
    /// </summary>
    internal static class SessionContext
    {
        private sealed class Holder
        {
            /// <summary>This runspace's own connection, if it connected.</summary>
            public HuaweiCloudContext? Own;

            /// <summary>True after Disconnect-HuaweiCloud here: no fallback to the process's connection.</summary>
            public bool Disconnected;
        }

        private static readonly ConditionalWeakTable<Runspace, Holder> ByRunspace = new ConditionalWeakTable<Runspace, Holder>();
        private static readonly Holder NoRunspace = new Holder();
        private static HuaweiCloudContext? _process;

        private static Holder Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace is null ? NoRunspace : ByRunspace.GetValue(runspace, _ => new Holder());
            }
        }

        /// <summary>The context an API cmdlet uses without -Context: this runspace's own, else the process's.</summary>
        public static HuaweiCloudContext? Get()
        {
            var holder = Current;
            if (holder.Own != null) return holder.Own;
            return holder.Disconnected ? null : System.Threading.Volatile.Read(ref _process);
        }

        /// <summary>
        /// Connect-HuaweiCloud: the runspace's own connection and, unless <paramref name="runspaceOnly"/>, the
        /// process's default from now on.
        /// </summary>
        public static void Set(HuaweiCloudContext context, bool runspaceOnly = false)
        {
            var holder = Current;
            holder.Own = context;
            holder.Disconnected = false;
            if (!runspaceOnly) System.Threading.Volatile.Write(ref _process, context);
        }

        /// <summary>Disconnect-HuaweiCloud -Scope Runspace: this runspace has no connection; the process's stays as it is.</summary>
        public static void ForgetHere()
        {
            var holder = Current;
            holder.Own = null;
            holder.Disconnected = true;
        }

        /// <summary>
        /// Disconnect-HuaweiCloud: this runspace has no connection any more, and the process forgets it too when it
        /// was the process's default. (The caller disposes its secrets, so a copy kept elsewhere stops working.)
        /// </summary>
        public static void Forget(HuaweiCloudContext context)
        {
            var holder = Current;
            holder.Own = null;
            holder.Disconnected = true;
            System.Threading.Interlocked.CompareExchange(ref _process, null, context);
        }
    }
}
