using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using HuaweiMigration.Models;

namespace HuaweiMigration.Internal
{
    /// <summary>
    /// The default context of each runspace (what Connect-HuaweiCloud sets). Kept per runspace so parallel runspaces
    /// in one process — Pester, runbook workers, ForEach-Object -Parallel — never see each other's connection.
    /// </summary>
    internal static class SessionContext
    {
        private sealed class Holder
        {
            public HuaweiCloudContext? Context;
        }

        private static readonly ConditionalWeakTable<Runspace, Holder> ByRunspace = new ConditionalWeakTable<Runspace, Holder>();
        private static readonly Holder NoRunspace = new Holder();

        private static Holder Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace is null ? NoRunspace : ByRunspace.GetValue(runspace, _ => new Holder());
            }
        }

        public static HuaweiCloudContext? Get() => Current.Context;

        public static void Set(HuaweiCloudContext? context) => Current.Context = context;
    }
}
