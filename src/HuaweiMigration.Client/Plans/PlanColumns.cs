using System;
using System.Collections.Generic;
using System.Linq;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>The columns of a wave plan (SPEC "Migration plans and reports"): one place for their names and which kind of row uses them.</summary>
    public static class PlanColumns
    {
        public const string Kind = "Kind";
        public const string Name = "Name";

        // Server rows.
        public const string SourceServer = "SourceServer";
        public const string TargetServerId = "TargetServerId";
        public const string Template = "Template";
        public const string MigrationProject = "MigrationProject";
        public const string Type = "Type";
        public const string Priority = "Priority";
        public const string SpeedLimit = "SpeedLimit";
        public const string Syncing = "Syncing";
        public const string StartTargetServer = "StartTargetServer";

        // Redis rows.
        public const string SourceAddress = "SourceAddress";
        public const string SourceInstanceId = "SourceInstanceId";
        public const string TargetInstanceId = "TargetInstanceId";
        public const string Method = "Method";
        public const string VpcId = "VpcId";
        public const string SubnetId = "SubnetId";
        public const string SecurityGroupId = "SecurityGroupId";
        public const string BandwidthLimitMB = "BandwidthLimitMB";

        /// <summary>Columns every row may have.</summary>
        public static IReadOnlyList<string> Common { get; } = new[] { Kind, Name };

        /// <summary>Columns of server rows.</summary>
        public static IReadOnlyList<string> Server { get; } = new[] { SourceServer, TargetServerId, Template, MigrationProject, Type, Priority, SpeedLimit, Syncing, StartTargetServer };

        /// <summary>Columns of Redis rows.</summary>
        public static IReadOnlyList<string> Redis { get; } = new[] { SourceAddress, SourceInstanceId, TargetInstanceId, Method, VpcId, SubnetId, SecurityGroupId, BandwidthLimitMB };

        /// <summary>Every column a plan may have (a plan mixes both kinds, so a server row may carry blank Redis columns).</summary>
        public static IReadOnlyList<string> All { get; } = Common.Concat(Server).Concat(Redis).ToArray();

        /// <summary>True when <paramref name="column"/> is a plan column (any case).</summary>
        public static bool IsKnown(string column) => All.Contains(column, StringComparer.OrdinalIgnoreCase);
    }
}
