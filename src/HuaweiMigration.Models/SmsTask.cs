using System;
using System.Collections.Generic;
using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// States of an SMS migration task. Members are spelled as the API spells them, so <c>-State MIGRATE_FAIL</c>
    /// binds directly; <see cref="Unknown"/> stands for a state this version does not know (the raw string is kept
    /// in <see cref="SmsTask.RawState"/>).
    /// </summary>
    public enum SmsTaskState
    {
        Unknown = 0,
        READY,
        RUNNING,
        SYNCING,
        MIGRATE_SUCCESS,
        SYNC_SUCCESS,
        MIGRATE_FAIL,
        SYNC_FAIL,
        ABORTING,
        ABORT,
        SKIPPING,
        DELETING,
        RESETING,
        SYNC_F_ROLLBACKING,
        SYNC_F_ROLLBACK_SUCCESS,
    }

    /// <summary>An SMS (Server Migration Service) migration task.</summary>
    public class SmsTask : ApiObject
    {
        /// <summary>Task id.</summary>
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        /// <summary>MIGRATE_FILE or MIGRATE_BLOCK.</summary>
        public string? Type { get; set; }
        public string? OsType { get; set; }

        /// <summary>The state as the API sent it.</summary>
        [ApiField("state")]
        public string? RawState { get; set; }

        /// <summary>The state; <c>Unknown</c> when the API sent a value this version does not know (see <see cref="RawState"/>).</summary>
        public SmsTaskState State => StateText.Parse(RawState, SmsTaskState.Unknown);

        [EpochMilliseconds] public DateTime? EstimateCompleteTime { get; set; }
        [EpochMilliseconds] public DateTime? CreateDate { get; set; }
        [EpochMilliseconds] public DateTime? StartDate { get; set; }
        [EpochMilliseconds] public DateTime? FinishDate { get; set; }
        /// <summary>0 low, 1 standard, 2 high.</summary>
        public int? Priority { get; set; }
        public int? SpeedLimit { get; set; }
        /// <summary>Migration speed in Mbit/s.</summary>
        public double? MigrateSpeed { get; set; }
        public double? CompressRate { get; set; }
        public bool? StartTargetServer { get; set; }
        [LooseText] public string? ErrorJson { get; set; }
        public long? TotalTime { get; set; }
        public string? MigrationIp { get; set; }
        public string? EnterpriseProjectId { get; set; }
        [LooseText] public string? LogCollectStatus { get; set; }
        public bool? Syncing { get; set; }
        public double? TotalCpuUsage { get; set; }
        public double? AgentCpuUsage { get; set; }
        public double? TotalMemUsage { get; set; }
        public double? AgentMemUsage { get; set; }
        public double? TotalDiskIo { get; set; }
        public double? AgentDiskIo { get; set; }
        public bool? NeedMigrationTest { get; set; }
        public string? FloatIp { get; set; }
        public string? RegionId { get; set; }
        public string? RegionName { get; set; }
        public string? ProjectId { get; set; }
        public string? ProjectName { get; set; }
        public string? VmTemplateId { get; set; }
        public bool? Connected { get; set; }
        public long? RemainSeconds { get; set; }
        public string? TargetSnapshotId { get; set; }

        public SmsSubTaskList SubTasks { get; set; } = new SmsSubTaskList();
        public SmsSourceServer? SourceServer { get; set; }
        public SmsTargetServer? TargetServer { get; set; }
        public SmsCloneServer? CloneServer { get; set; }

        /// <summary>The result of the task's last network check (delay, jitter, loss, speed, evaluation).</summary>
        public SmsNetworkCheckInfo? NetworkCheckInfo { get; set; }

        /// <summary>Advanced settings of the task (excluded paths and the like); in list answers only.</summary>
        public ApiList<SmsConfigItem> SpecialConfig { get; set; } = new ApiList<SmsConfigItem>();

        /// <summary>The service's sub-task summary, as the text it sends.</summary>
        [LooseText] public string? SubtaskInfo { get; set; }

        /// <summary>The sub-task currently in progress (the first one not at 100%), if any.</summary>
        public SmsSubTask? CurrentSubTask
        {
            get
            {
                foreach (var s in SubTasks)
                {
                    if ((s.Progress ?? 0) < 100) return s;
                }
                return null;
            }
        }

        /// <summary>Overall progress in percent: the average of the sub-tasks' progress (0 before any sub-task).</summary>
        public int Progress
        {
            get
            {
                if (SubTasks.Count == 0) return 0;
                var sum = 0;
                foreach (var s in SubTasks) sum += Math.Max(0, Math.Min(100, s.Progress ?? 0));
                return sum / SubTasks.Count;
            }
        }

        /// <summary>Name of the source server, for tables.</summary>
        public string? SourceServerName => SourceServer?.Name;

        public override string ToString() => (Name ?? Id) + " (" + (RawState ?? "?") + ")";
    }

    /// <summary>One step of an SMS task.</summary>
    public class SmsSubTask : ApiObject
    {
        public long? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>0–100.</summary>
        public int? Progress { get; set; }
        [EpochMilliseconds] public DateTime? StartDate { get; set; }
        [EpochMilliseconds] public DateTime? EndDate { get; set; }
        [LooseText] public string? ProcessTrace { get; set; }
        public string? UserOp { get; set; }
        /// <summary>Speed of this step in Mbit/s (show answers only).</summary>
        public double? MigrateSpeed { get; set; }

        public override string ToString() => (Name ?? "?") + " " + (Progress ?? 0) + "%";
    }

    /// <summary>The cloud server the source is migrated to.</summary>
    public class SmsTargetServer : ApiObject
    {
        public string? Id { get; set; }
        public string? VmId { get; set; }
        public string? Name { get; set; }
        public string? Ip { get; set; }
        public string? OsType { get; set; }
        public string? OsVersion { get; set; }
        /// <summary>Disks with their physical volumes (show answers only).</summary>
        public ApiList<SmsTargetDisk> Disks { get; set; } = new ApiList<SmsTargetDisk>();
        /// <summary>LVM volume groups with their logical volumes (show answers only).</summary>
        public ApiList<SmsVolumeGroup> VolumeGroups { get; set; } = new ApiList<SmsVolumeGroup>();
        public ApiList<string> BtrfsList { get; set; } = new ApiList<string>();
        public string? CutoveredSnapshotIds { get; set; }
        public string? ImageDiskId { get; set; }
        public string? SystemDir { get; set; }

        public override string ToString() => (Name ?? VmId ?? Id ?? "?") + (Ip is null ? string.Empty : " (" + Ip + ")");
    }

    /// <summary>The clone server of a migration test.</summary>
    public class SmsCloneServer : ApiObject
    {
        public string? VmId { get; set; }
        public string? Name { get; set; }
        /// <summary>State of the clone (show answers only).</summary>
        public string? CloneState { get; set; }
        public string? CloneError { get; set; }
        public string? ErrorMsg { get; set; }

        public override string ToString() => Name ?? VmId ?? "?";
    }
}
