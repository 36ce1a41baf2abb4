using System;
using System.Collections.Generic;
using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// A server an SMS agent runs on: as a task names it (a few fields), as <c>Get-SmsSourceServer</c> lists it
    /// (with its current task, checks and sizes) and as it shows one by id (adding disks, networks, volume groups).
    /// Its Id pipes into <c>Get-SmsTask</c> as <c>-SourceServerId</c>.
    /// </summary>
    public class SmsSourceServer : ApiObject
    {
        public string? Id { get; set; }
        public string? Ip { get; set; }
        public string? Name { get; set; }
        public string? Hostname { get; set; }
        /// <summary>WINDOWS or LINUX.</summary>
        public string? OsType { get; set; }
        public string? OsVersion { get; set; }
        public bool? OemSystem { get; set; }
        /// <summary>unavailable, waiting, initialize, replicate, syncing, stopping, stopped, … finished, error.</summary>
        public string? State { get; set; }
        /// <summary>checking, setting, replicating, syncing, cutovering or cutovered.</summary>
        public string? MigrationCycle { get; set; }
        /// <summary>True while the agent is online.</summary>
        public bool? Connected { get; set; }
        public string? AgentVersion { get; set; }
        public string? EnterpriseProjectId { get; set; }
        [EpochMilliseconds] public DateTime? AddDate { get; set; }
        [EpochMilliseconds] public DateTime? LastVisitTime { get; set; }
        [EpochMilliseconds] public DateTime? StateActionTime { get; set; }
        [EpochMilliseconds] public DateTime? StageActionTime { get; set; }
        public int? CpuQuantity { get; set; }
        /// <summary>Memory: bytes in a listing, MB when shown by id (as the API sends it).</summary>
        public long? Memory { get; set; }
        /// <summary>Bytes replicated so far.</summary>
        [ApiField("replicatesize")] public long? ReplicateSize { get; set; }
        /// <summary>Bytes to replicate in all.</summary>
        [ApiField("totalsize")] public long? TotalSize { get; set; }
        /// <summary>MANUAL or AUTO.</summary>
        public string? StartType { get; set; }
        /// <summary>BIOS or UEFI.</summary>
        public string? Firmware { get; set; }
        public bool? HasTc { get; set; }
        public bool? IsConsistencyResultExist { get; set; }
        /// <summary>The task migrating the server, if any.</summary>
        public SmsSourceServerTask? CurrentTask { get; set; }
        /// <summary>The agent's environment checks.</summary>
        public ApiList<SmsEnvironmentCheck> Checks { get; set; } = new ApiList<SmsEnvironmentCheck>();
        public ApiList<SmsTargetDisk> Disks { get; set; } = new ApiList<SmsTargetDisk>();
        public ApiList<SmsVolumeGroup> VolumeGroups { get; set; } = new ApiList<SmsVolumeGroup>();
        public ApiList<SmsNetwork> Networks { get; set; } = new ApiList<SmsNetwork>();
        public ApiList<SmsBtrfsFileSystem> BtrfsList { get; set; } = new ApiList<SmsBtrfsFileSystem>();
        /// <summary>The target server's layout, as prepared from this source.</summary>
        public SmsInitTargetServer? InitTargetServer { get; set; }

        /// <summary>The server's id, as <c>Get-SmsTask</c> takes it.</summary>
        public string? SourceServerId => Id;

        public override string ToString() => (Name ?? Id ?? "?") + (Ip is null ? string.Empty : " (" + Ip + ")");
    }

    /// <summary>The task a source server is being migrated by.</summary>
    public class SmsSourceServerTask : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>MIGRATE_FILE or MIGRATE_BLOCK.</summary>
        public string? Type { get; set; }
        public string? State { get; set; }
        [EpochMilliseconds] public DateTime? StartDate { get; set; }
        [EpochMilliseconds] public DateTime? EstimateCompleteTime { get; set; }
        public long? RemainSeconds { get; set; }
        public int? SpeedLimit { get; set; }
        public double? MigrateSpeed { get; set; }
        public double? CompressRate { get; set; }
        public bool? StartTargetServer { get; set; }
        public string? VmTemplateId { get; set; }
        public string? RegionId { get; set; }
        public string? ProjectName { get; set; }
        public string? ProjectId { get; set; }
        public SmsTargetServer? TargetServer { get; set; }
        public SmsCloneServer? CloneServer { get; set; }
        public string? LogCollectStatus { get; set; }
        public string? LogBucket { get; set; }
        [EpochMilliseconds] public DateTime? LogUploadTime { get; set; }
        public long? LogExpire { get; set; }
        public string? LogShareUrl { get; set; }
        public bool? ExistServer { get; set; }
        public bool? UsePublicIp { get; set; }
        public string? SubtaskInfo { get; set; }

        public override string ToString() => (Name ?? Id ?? "?") + " (" + State + ")";
    }

    /// <summary>One of the agent's environment checks.</summary>
    public class SmsEnvironmentCheck : ApiObject
    {
        public long? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>OK, WARN or ERROR.</summary>
        public string? Result { get; set; }
        public string? ErrorCode { get; set; }
        public string? ErrorOrWarn { get; set; }
        public string? ErrorParams { get; set; }
        public ApiList<string> Params { get; set; } = new ApiList<string>();

        public override string ToString() => (Name ?? "?") + ": " + (Result ?? "?");
    }

    /// <summary>A network interface of a source server.</summary>
    public class SmsNetwork : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Ip { get; set; }
        public string? Ipv6 { get; set; }
        public string? Netmask { get; set; }
        public string? Gateway { get; set; }
        public int? Mtu { get; set; }
        public string? Mac { get; set; }

        public override string ToString() => (Name ?? "?") + " " + Ip;
    }

    /// <summary>The target layout prepared from a source server.</summary>
    public class SmsInitTargetServer : ApiObject
    {
        public ApiList<SmsTargetDisk> Disks { get; set; } = new ApiList<SmsTargetDisk>();
        public ApiList<SmsVolumeGroup> VolumeGroups { get; set; } = new ApiList<SmsVolumeGroup>();

        public override string ToString() => Disks.Count + " disks, " + VolumeGroups.Count + " volume groups";
    }

    /// <summary>A Btrfs file system of a source server.</summary>
    public class SmsBtrfsFileSystem : ApiObject
    {
        public string? Name { get; set; }
        public string? Label { get; set; }
        public string? Uuid { get; set; }
        public string? Device { get; set; }
        public long? Size { get; set; }
        public long? Nodesize { get; set; }
        public long? Sectorsize { get; set; }
        public string? DataProfile { get; set; }
        public string? SystemProfile { get; set; }
        public string? MetadataProfile { get; set; }
        public string? GlobalReserve1 { get; set; }
        public long? GVolUsedSize { get; set; }
        public string? DefaultSubvolid { get; set; }
        public string? DefaultSubvolName { get; set; }
        public string? DefaultSubvolMountpath { get; set; }
        [ApiField("subvolumn")] public ApiList<SmsBtrfsSubvolume> Subvolumes { get; set; } = new ApiList<SmsBtrfsSubvolume>();

        public override string ToString() => (Name ?? Device ?? "?") + " (" + Subvolumes.Count + " subvolumes)";
    }

    /// <summary>A Btrfs subvolume.</summary>
    public class SmsBtrfsSubvolume : ApiObject
    {
        public string? Uuid { get; set; }
        public string? IsSnapshot { get; set; }
        public string? SubvolId { get; set; }
        public string? ParentId { get; set; }
        public string? SubvolName { get; set; }
        public string? SubvolMountPath { get; set; }

        public override string ToString() => SubvolName ?? SubvolId ?? "?";
    }
}
