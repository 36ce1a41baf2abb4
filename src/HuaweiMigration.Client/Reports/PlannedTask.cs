using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>A plan row the report shows: its task is found by name (and kind) in the account's listing.</summary>
    public sealed class PlannedTask
    {
        public PlannedTask(string name, string kind)
        {
            Name = name;
            Kind = kind;
        }

        public string Name { get; }

        /// <summary>Server or Redis (<see cref="MigrationPlanKinds"/>).</summary>
        public string Kind { get; }
    }
}
