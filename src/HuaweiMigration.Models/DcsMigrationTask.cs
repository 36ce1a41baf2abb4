using System.Collections.Generic;
using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// Statuses of a DCS data-migration task, spelled as the API spells them (including its <c>INCRMIGEATING</c>);
    /// <see cref="Unknown"/> stands for a status this version does not know (see <see cref="DcsMigrationTask.RawStatus"/>).
    /// </summary>
    public enum DcsMigrationTaskStatus
    {
        Unknown = 0,
        CREATING,
        RUNNING,
        MIGRATING,
        FULLMIGRATING,
        INCRMIGEATING,
        TERMINATING,
        TERMINATED,
        SUCCESS,
        FAILED,
        MIGRATION_SUCCESS,
        MIGRATION_FAILED,
        ERROR,
        DELETED,
        RELEASED,
    }

    /// <summary>
    /// A DCS (Distributed Cache Service) data-migration task. The API returns the Redis passwords of the source and
    /// target instances; they are never read into this object, so no view, log or serialization can show them.
    /// </summary>
    public class DcsMigrationTask : ApiObject
    {
        /// <summary>Task id.</summary>
        public string TaskId { get; set; } = string.Empty;
        public string? TaskName { get; set; }
        [LooseText] public string? Description { get; set; }

        /// <summary>The status as the API sent it.</summary>
        [ApiField("status")]
        public string? RawStatus { get; set; }

        /// <summary>The status; <c>Unknown</c> for a value this version does not know (see <see cref="RawStatus"/>).</summary>
        public DcsMigrationTaskStatus Status => StateText.Parse(RawStatus, DcsMigrationTaskStatus.Unknown);

        /// <summary>backupfile_import or online_migration.</summary>
        public string? MigrationType { get; set; }
        /// <summary>full_amount_migration or incremental_migration.</summary>
        public string? MigrationMethod { get; set; }
        public string? EcsTenantPrivateIp { get; set; }
        /// <summary>vpc or vpn.</summary>
        public string? NetworkType { get; set; }
        /// <summary>The source: <c>source_instance</c> in show answers, the flat <c>source_instance_*</c> fields in list rows.</summary>
        [Flattened("source_instance_")] public DcsInstance? SourceInstance { get; set; }
        /// <summary>The target: <c>target_instance</c> in show answers, the flat <c>target_instance_*</c> fields in list rows.</summary>
        [Flattened("target_instance_")] public DcsInstance? TargetInstance { get; set; }
        /// <summary>Where the data comes from: <c>ip:port</c> of the source, or a bucket name (list rows).</summary>
        public string? DataSource { get; set; }
        /// <summary>The backup files of a backupfile_import task (show answers).</summary>
        public DcsBackupFiles? BackupFiles { get; set; }
        [SlashDate] public System.DateTime? CreatedAt { get; set; }
        [SlashDate] public System.DateTime? UpdatedAt { get; set; }
        [SlashDate] public System.DateTime? ReleasedAt { get; set; }
        public string? Version { get; set; }
        public string? ResumeMode { get; set; }
        public ApiList<string> SupportedFeatures { get; set; } = new ApiList<string>();
        public string? TenantVpcId { get; set; }
        public string? TenantSubnetId { get; set; }
        public string? TenantSecurityGroupId { get; set; }
        public string? BandwidthLimitMb { get; set; }
        /// <summary>Sub-status, e.g. EXCHANGING.</summary>
        public string? TaskStatus { get; set; }
        /// <summary>Why the task failed, when the list answer says.</summary>
        [LooseText] public string? ErrorMessage { get; set; }

        /// <summary>So DCS tasks bind to <c>-Id</c> by property name as well as to <c>-TaskId</c>.</summary>
        public string Id => TaskId;


        /// <summary>The source instance's name, for tables.</summary>
        public string? SourceName => SourceInstance?.Name;

        /// <summary>The target instance's name, for tables.</summary>
        public string? TargetName => TargetInstance?.Name;

        public override string ToString() => (TaskName ?? TaskId) + " (" + (RawStatus ?? "?") + ")";
    }

    /// <summary>A Redis instance of a DCS migration, without its password.</summary>
    public class DcsInstance : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>host:port.</summary>
        public string? Addrs { get; set; }
        public string? Ip { get; set; }
        public string? Port { get; set; }
        public string? Db { get; set; }
        public bool? ProxyMultiDb { get; set; }
        public string? TaskStatus { get; set; }
        /// <summary>The instance's own status (list rows).</summary>
        public string? Status { get; set; }
        /// <summary>The instance's flavour (list rows).</summary>
        public string? SpecCode { get; set; }
        public string? SubnetId { get; set; }

        public override string ToString() => (Name ?? Id ?? "?") + (Addrs is null ? string.Empty : " (" + Addrs + ")");
    }

    /// <summary>The backup files a backupfile_import task imports.</summary>
    public class DcsBackupFiles : ApiObject
    {
        /// <summary>self_build_obs or backup_record.</summary>
        public string? FileSource { get; set; }
        public string? BucketName { get; set; }
        public string? BackupId { get; set; }
        public ApiList<DcsBackupFile> Files { get; set; } = new ApiList<DcsBackupFile>();

        public override string ToString() => Files.Count + " file(s)" + (BucketName is null ? string.Empty : " in " + BucketName);
    }

    /// <summary>One backup file.</summary>
    public class DcsBackupFile : ApiObject
    {
        public string? FileName { get; set; }
        /// <summary>Size as the API reports it (a string of bytes).</summary>
        public string? Size { get; set; }
        /// <summary>Last update as the API reports it.</summary>
        public string? UpdateAt { get; set; }

        public override string ToString() => FileName ?? "?";
    }

    /// <summary>Groups of DCS statuses the stop rules are written in.</summary>
    public static class DcsMigrationTaskStatuses
    {
        /// <summary>Finished: there is nothing left to stop.</summary>
        public static readonly IReadOnlyCollection<DcsMigrationTaskStatus> Finished = new HashSet<DcsMigrationTaskStatus>
        {
            DcsMigrationTaskStatus.SUCCESS, DcsMigrationTaskStatus.MIGRATION_SUCCESS, DcsMigrationTaskStatus.RELEASED, DcsMigrationTaskStatus.DELETED,
        };

        /// <summary>Moving data: a restart has taken effect once the task is in one of these.</summary>
        public static readonly IReadOnlyCollection<DcsMigrationTaskStatus> Migrating = new HashSet<DcsMigrationTaskStatus>
        {
            DcsMigrationTaskStatus.MIGRATING, DcsMigrationTaskStatus.FULLMIGRATING, DcsMigrationTaskStatus.INCRMIGEATING,
        };

        /// <summary>Busy: a task in one of these must be stopped before it can be deleted.</summary>
        public static readonly IReadOnlyCollection<DcsMigrationTaskStatus> Busy = new HashSet<DcsMigrationTaskStatus>
        {
            DcsMigrationTaskStatus.CREATING, DcsMigrationTaskStatus.RUNNING, DcsMigrationTaskStatus.MIGRATING,
            DcsMigrationTaskStatus.FULLMIGRATING, DcsMigrationTaskStatus.INCRMIGEATING, DcsMigrationTaskStatus.TERMINATING,
        };

        /// <summary>Settled: the default targets of Wait-DcsMigrationTask.</summary>
        public static readonly IReadOnlyCollection<DcsMigrationTaskStatus> Settled = new HashSet<DcsMigrationTaskStatus>
        {
            DcsMigrationTaskStatus.TERMINATED, DcsMigrationTaskStatus.SUCCESS, DcsMigrationTaskStatus.FAILED,
            DcsMigrationTaskStatus.MIGRATION_SUCCESS, DcsMigrationTaskStatus.MIGRATION_FAILED, DcsMigrationTaskStatus.ERROR,
        };

        /// <summary>Failed.</summary>
        public static readonly IReadOnlyCollection<DcsMigrationTaskStatus> Failed = new HashSet<DcsMigrationTaskStatus>
        {
            DcsMigrationTaskStatus.FAILED, DcsMigrationTaskStatus.MIGRATION_FAILED, DcsMigrationTaskStatus.ERROR,
        };
    }
}
