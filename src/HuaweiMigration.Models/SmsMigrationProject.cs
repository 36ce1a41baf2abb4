using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// An SMS migration project: the defaults a wave's tasks take (target region, migration type, network and start
    /// settings, bandwidth). New agents register into the account's default project (<see cref="IsDefault"/>). Read
    /// from a listing row or by id (whose answer has no id: the module fills it in).
    /// </summary>
    public class SmsMigrationProject : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>The target region (ap-southeast-1, …).</summary>
        public string? Region { get; set; }
        /// <summary>MIGRATE_BLOCK or MIGRATE_FILE.</summary>
        public string? Type { get; set; }
        /// <summary>True for the account's default project, into which new agents register.</summary>
        [ApiField("isdefault")] public bool? IsDefault { get; set; }
        public string? Description { get; set; }
        /// <summary>The enterprise project the project's servers go into.</summary>
        public string? EnterpriseProject { get; set; }
        /// <summary>True: migrate onto existing servers; false: create target servers.</summary>
        [ApiField("exist_server")] public bool? UseExistingServer { get; set; }
        public bool? UsePublicIp { get; set; }
        /// <summary>Keep synchronizing after the first full copy.</summary>
        public bool? Syncing { get; set; }
        public bool? StartTargetServer { get; set; }
        public bool? StartNetworkCheck { get; set; }
        /// <summary>Bandwidth limit in Mbit/s; 0 is no limit.</summary>
        public int? SpeedLimit { get; set; }

        /// <summary>The project's id, as the project cmdlets take it.</summary>
        public string? MigrationProjectId => Id;

        public override string ToString() => (Name ?? Id ?? "?") + (IsDefault == true ? " (default)" : string.Empty);
    }
}
