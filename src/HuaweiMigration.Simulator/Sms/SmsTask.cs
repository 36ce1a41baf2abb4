using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>One simulated SMS migration task. Mutated only under the owning <see cref="SmsStore"/>'s lock.</summary>
internal sealed partial class SmsTask
{
    public const string Gone = "__GONE__";

    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Type { get; set; } = "MIGRATE_FILE";
    /// <summary>The task's source server (registered in the store; it outlives the task). Its OS is the task's.</summary>
    public SimSourceServer Source { get; set; } = new();

    public string OsType { get => Source.OsType; set => Source.OsType = value; }
    public string OsVersion { get => Source.OsVersion; set => Source.OsVersion = value; }
    public string State { get; set; } = "READY";

    /// <summary>How many stops moved the task (RUNNING or SYNCING → ABORTING): more than one after one pause is a resent stop.</summary>
    public int StopsApplied { get; set; }
    public int Priority { get; set; } = 1;
    public int SpeedLimit { get; set; }
    public double MigrateSpeed { get; set; }
    public DateTime CreateDate { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? FinishDate { get; set; }

    /// <summary>Overall progress 0..1; the sub-tasks' progress is derived from it.</summary>
    public double Progress { get; set; }

    public bool FailOnStart { get; set; }
    public string? ErrorJson { get; set; }
    public string EnterpriseProjectId { get; set; } = "0";
    public string Region { get; set; } = SimulatorCredentials.DefaultRegion;
    public string SourceServerId { get => Source.Id; set => Source.Id = value; }
    public string SourceIp { get => Source.Ip; set => Source.Ip = value; }
    public string SourceName { get => Source.Name; set => Source.Name = value; }
    public string TargetServerId { get; set; } = string.Empty;
    public string TargetIp { get; set; } = string.Empty;
    public string TargetName { get; set; } = string.Empty;
    /// <summary>The source server's system disk in GB (its data disks are the server's own).</summary>
    public long DiskSizeGb { get => Source.DiskSizeGb; set => Source.DiskSizeGb = value; }
    public bool HasCloneServer { get; set; }
    public long SubTaskBaseId { get; set; }

    public string? PendingState { get; set; }
    public DateTime PendingDue { get; set; }

    private static readonly string[] FileSubTasks =
        { "CREATE_CLOUD_SERVER", "SSL_CONFIG", "ATTACH_AGENT_IMAGE", "FORMAT_DISK", "MIGRATE_PARTITION", "CONFIGURE_TARGET_VM", "DETTACH_AGENT_IMAGE" };

    private static readonly string[] BlockSubTasks =
        { "CREATE_CLOUD_SERVER", "SSL_CONFIG", "ATTACH_AGENT_IMAGE", "MIGRATE_BLOCK", "CONFIGURE_TARGET_VM", "DETTACH_AGENT_IMAGE" };

    /// <summary>
    /// The task as the API answers it: a list row (ListTasks' TasksResponseBody) or the show answer (ShowTaskResponse).
    /// The two shapes differ (sdk-shapes.json): only rows carry special_config, syncing and log_collect_status; only
    /// show carries disks, dates, region and project; rows' sub-tasks, servers and clone server are thinner.
    /// </summary>
    public JsonObject ToJson(bool show, DateTime now)
    {
        var running = State == "RUNNING" || State == "SYNCING";
        var remainSeconds = running ? (long)Math.Round((1 - Progress) * DiskSizeGb * 60) : 0;
        var o = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["type"] = Type,
            ["os_type"] = OsType,
            ["state"] = State,
            ["estimate_complete_time"] = running ? Reply.ToEpochMs(now.AddSeconds(remainSeconds)) : null,
            ["create_date"] = Reply.ToEpochMs(CreateDate),
            ["priority"] = Priority,
            ["speed_limit"] = SpeedLimit,
            ["migrate_speed"] = running ? MigrateSpeed : 0.0,
            ["compress_rate"] = running ? 1.2 : 0.0,
            ["start_target_server"] = State == "MIGRATE_SUCCESS",
            ["error_json"] = ErrorJson ?? "",
            ["total_time"] = StartDate is DateTime s ? (long)((FinishDate ?? now) - s).TotalMilliseconds : 0,
            ["migration_ip"] = TargetIp,
            ["sub_tasks"] = SubTasksJson(show),
            ["source_server"] = SourceServerJson(show),
            ["target_server"] = TargetServerJson(show),
            ["enterprise_project_id"] = EnterpriseProjectId,
            ["clone_server"] = CloneServerJson(show),
            ["network_check_info"] = NetworkCheckJson(),
            ["total_cpu_usage"] = running ? 12.5 : 0.0,
            ["agent_cpu_usage"] = running ? 3.1 : 0.0,
            ["total_mem_usage"] = running ? 41.0 : 0.0,
            ["agent_mem_usage"] = running ? 180.0 : 0.0,
            ["total_disk_io"] = running ? 35.2 : 0.0,
            ["agent_disk_io"] = running ? 30.4 : 0.0,
            ["need_migration_test"] = false,
            ["subtask_info"] = StartDate is null ? null : "{\"current_subtask\":\"" + (CurrentSubTaskName() ?? "") + "\"}",
        };
        if (show)
        {
            o["start_date"] = StartDate is DateTime sd ? Reply.ToEpochMs(sd) : null;
            o["finish_date"] = FinishDate is DateTime fd ? Reply.ToEpochMs(fd) : null;
            o["float_ip"] = null;
            o["region_id"] = Region;
            o["region_name"] = RegionDisplayName(Region);
            o["project_id"] = SimulatorCredentials.ProjectIdFor(Region);
            o["project_name"] = Region;
            o["vm_template_id"] = null;
            o["connected"] = State != "READY";
            o["remain_seconds"] = remainSeconds;
            o["target_snapshot_id"] = TargetSnapshotId;
        }
        else
        {
            o["log_collect_status"] = LogCollectStatus(now);
            o["syncing"] = State == "SYNCING";
            o["special_config"] = SpecialConfigJson();
        }
        Created?.Apply(o, show, State);
        return o;
    }

    /// <summary>The settings given by POST /v3/tasks, for a task created that way; null for a seeded one.</summary>
    public SmsTaskSettings? Created { get; set; }

    /// <summary>The bandwidth schedule (speed-limit API), in the order it was set.</summary>
    public List<(string Start, string End, int Speed, double? Threshold)> SpeedLimits { get; set; } = new();

    /// <summary>Launches by the action API (test, cutover, clone_test, migration_test), shown as sub-tasks; clear is not one.</summary>
    public List<SmsLaunch> Launches { get; } = new();

    /// <summary>
    /// The launch the source server tells of (the last one, clear included), until the task's state changes; null
    /// when the source server shows what the task state implies.
    /// </summary>
    public SmsLaunch? Launch { get; set; }

    /// <summary>Launch operations (or "*" for all) whose launches on this task end in their failure state.</summary>
    public HashSet<string> FailLaunches { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a launch of <paramref name="operation"/> accepted now ends in its failure state.</summary>
    public bool LaunchFails(string operation) => FailLaunches.Contains(operation) || FailLaunches.Contains(SmsLaunch.Every);

    /// <summary>When the last network check finishes; its result is empty until then.</summary>
    public DateTime? NetworkCheckDoneAt { get; set; }

    /// <summary>Set by the clear action: the task's snapshot resources are gone.</summary>
    public bool SnapshotCleared { get; set; }

    /// <summary>The task's snapshot: there once replication started, until it is cleared.</summary>
    private string? TargetSnapshotId => StartDate is null || SnapshotCleared ? null : "snap-" + Id.Substring(0, 12);

    private string? CurrentSubTaskName()
    {
        var names = Type == "MIGRATE_BLOCK" ? BlockSubTasks : FileSubTasks;
        var index = (int)Math.Min(names.Length - 1, Math.Floor(Progress * names.Length));
        return names[index];
    }

    /// <summary>
    /// A network check has run once the agent connected (every task past READY), or once asked for; while one runs
    /// the info is there without a result.
    /// </summary>
    private JsonObject? NetworkCheckJson()
    {
        var running = NetworkCheckDoneAt is DateTime done && DateTime.UtcNow < done;
        if (running)
        {
            return new JsonObject
            {
                ["domain_connectivity"] = null, ["destination_connectivity"] = null, ["network_delay"] = null, ["network_jitter"] = null,
                ["migration_speed"] = null, ["loss_percentage"] = null, ["cpu_usage"] = null, ["mem_usage"] = null, ["evaluation_result"] = null,
            };
        }
        return State == "READY" && NetworkCheckDoneAt is null ? null : NetworkCheckResultJson();
    }

    private JsonObject NetworkCheckResultJson() => new JsonObject
    {
        ["domain_connectivity"] = true,
        ["destination_connectivity"] = true,
        ["network_delay"] = 12.5,
        ["network_jitter"] = 1.5,
        ["migration_speed"] = Math.Round(MigrateSpeed, 2),
        ["loss_percentage"] = 0.0,
        ["cpu_usage"] = 8.5,
        ["mem_usage"] = 31.0,
        ["evaluation_result"] = "GOOD",
    };

    private JsonArray SpecialConfigJson() => OsType == "WINDOWS"
        ? new JsonArray(new JsonObject { ["config_key"] = "EXCLUDE_MIGRATE_PATH", ["config_value"] = "C:\\pagefile.sys", ["config_status"] = "" })
        : new JsonArray(
            new JsonObject { ["config_key"] = "EXCLUDE_MIGRATE_PATH", ["config_value"] = "/tmp,/var/cache", ["config_status"] = "" },
            new JsonObject { ["config_key"] = "SYNC_EXCLUDE_PATH", ["config_value"] = "/var/log", ["config_status"] = "" });

    private JsonObject? CloneServerJson(bool show)
    {
        if (!HasCloneServer) return null;
        var o = new JsonObject { ["vm_id"] = CloneVmId(), ["name"] = Name + "-clone" };
        if (show)
        {
            o["clone_state"] = "RUNNING";
            o["clone_error"] = null;
            o["error_msg"] = null;
        }
        return o;
    }

    private JsonArray SubTasksJson(bool show)
    {
        var result = new JsonArray();
        if (StartDate is not DateTime start)
        {
            return result;
        }
        var names = Type == "MIGRATE_BLOCK" ? BlockSubTasks : FileSubTasks;
        var done = Progress * names.Length;
        for (var i = 0; i < names.Length; i++)
        {
            var progress = (int)Math.Clamp(Math.Round((done - i) * 100), 0, 100);
            if (progress == 0 && i > done) break;
            var subStart = start.AddMinutes(2 * i);
            var st = new JsonObject
            {
                ["id"] = SubTaskBaseId + i,
                ["name"] = names[i],
                ["progress"] = progress,
                ["start_date"] = Reply.ToEpochMs(subStart),
                ["end_date"] = progress == 100 ? Reply.ToEpochMs(subStart.AddMinutes(2)) : null,
                ["process_trace"] = show ? "" : null,
            };
            if (show)
            {
                st["migrate_speed"] = progress is > 0 and < 100 ? MigrateSpeed : 0.0;
                st["user_op"] = null;
            }
            result.Add(st);
        }
        var n = names.Length;
        foreach (var l in Launches)
        {
            // Running: no progress, no end; ended: 100 on success, where it stopped (0) on a failure or interruption.
            var launch = new JsonObject
            {
                ["id"] = SubTaskBaseId + n++,
                ["name"] = LaunchSubTaskName(l.Operation),
                ["progress"] = l.Succeeded ? 100 : 0,
                ["start_date"] = Reply.ToEpochMs(l.At),
                ["end_date"] = l.EndedAt is DateTime end ? Reply.ToEpochMs(end) : null,
                ["process_trace"] = show ? "" : null,
            };
            if (show)
            {
                launch["migrate_speed"] = 0.0;
                launch["user_op"] = l.Operation;
            }
            result.Add(launch);
        }
        return result;
    }

    private static string LaunchSubTaskName(string operation) => operation switch
    {
        "test" => "LAUNCH_TEST_SERVER",
        "cutover" => "CUTOVER",
        "clone_test" => "CLONE_TEST_SERVER",
        _ => "MIGRATION_DRILL",
    };

    private JsonObject SourceServerJson(bool show)
    {
        var o = new JsonObject
        {
            ["id"] = SourceServerId,
            ["ip"] = SourceIp,
            ["name"] = SourceName,
            ["os_type"] = OsType,
            ["os_version"] = OsVersion,
            ["oem_system"] = false,
            ["state"] = SourceServerState(),
        };
        if (show)
        {
            o["migration_cycle"] = SourceMigrationCycle();
        }
        return o;
    }

    /// <summary>The source server's state: the launch's (<see cref="SmsLaunch"/>), else what the task's state implies.</summary>
    public string SourceServerState() => Launch?.SourceState ?? StateImpliedSourceState();

    /// <summary>The source server's migration cycle: the launch's, else what the task's state implies.</summary>
    public string SourceMigrationCycle() => Launch?.MigrationCycle ?? StateImpliedMigrationCycle();

    private string StateImpliedSourceState() => State switch
    {
        "READY" => "waiting",
        "RUNNING" => "replicate",
        "SYNCING" => "syncing",
        "ABORTING" => "stopping",
        "ABORT" => "stopped",
        "MIGRATE_SUCCESS" or "SYNC_SUCCESS" => "finished",
        "DELETING" => "deleting",
        _ => "error",
    };

    private string StateImpliedMigrationCycle() => State switch
    {
        "READY" => "setting",
        "SYNCING" or "SYNC_SUCCESS" => "syncing",
        "MIGRATE_SUCCESS" => "cutovered",
        _ => "replicating",
    };

    private JsonObject TargetServerJson(bool show)
    {
        var o = new JsonObject
        {
            ["id"] = TargetServerId,
            ["vm_id"] = State == "READY" ? "" : TargetServerId,
            ["name"] = TargetName,
            ["ip"] = TargetIp,
            ["os_type"] = OsType,
            ["os_version"] = OsVersion,
        };
        if (show)
        {
            var windows = OsType == "WINDOWS";
            const long GiB = 1024L * 1024 * 1024;
            var system = DiskSizeGb * GiB;
            o["disks"] = new JsonArray(
                Disk(0, windows ? "Disk 0" : "/dev/vda", "BOOT", system, system / 3, osDisk: true,
                    windows
                        ? new[] { Volume(0, "C:", "NTFS", "C:\\", system, system / 3) }
                        : new[] { Volume(0, "/dev/vda1", "xfs", "/boot", GiB, GiB / 4), Volume(1, "/dev/vda2", "LVM2_member", "", system - GiB, system / 3) }),
                Disk(1, windows ? "Disk 1" : "/dev/vdb", "NORMAL", 100 * GiB, 20 * GiB, osDisk: false,
                    new[] { Volume(0, windows ? "D:" : "/dev/vdb1", windows ? "NTFS" : "ext4", windows ? "D:\\" : "/data", 100 * GiB, 20 * GiB) }));
            o["volume_groups"] = windows ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["components"] = "/dev/vda2",
                ["free_size"] = 0L,
                ["name"] = "centos",
                ["size"] = system - GiB,
                ["logical_volumes"] = new JsonArray(new JsonObject
                {
                    ["block_count"] = (system - GiB) / 4096,
                    ["block_size"] = 4096L,
                    ["device_use"] = "NORMAL",
                    ["file_system"] = "xfs",
                    ["free_size"] = (system - GiB) * 2 / 3,
                    ["inode_nums"] = 1048576L,
                    ["inode_size"] = 256L,
                    ["mount_point"] = "/",
                    ["name"] = "root",
                    ["size"] = system - GiB,
                    ["used_size"] = system / 3,
                }),
            });
            o["btrfs_list"] = new JsonArray();
            o["image_disk_id"] = null;
            o["cutovered_snapshot_ids"] = null;
            o["system_dir"] = windows ? "C:\\Windows" : "/boot";
        }
        return o;
    }

    private JsonObject Disk(int index, string name, string use, long size, long used, bool osDisk, JsonObject[] volumes) => new()
    {
        ["id"] = index,
        ["name"] = name,
        ["disk_index"] = index.ToString(CultureInfo.InvariantCulture),
        ["size"] = size,
        ["used_size"] = used,
        ["device_use"] = use,
        ["os_disk"] = osDisk,
        ["partition_style"] = OsType == "WINDOWS" ? "MBR" : "GPT",
        ["relation_name"] = name,
        ["disk_id"] = TargetServerId.Substring(0, 8) + "-vol-" + index.ToString(CultureInfo.InvariantCulture),
        ["physical_volumes"] = new JsonArray(volumes),
    };

    private static JsonObject Volume(int index, string name, string fileSystem, string mountPoint, long size, long used) => new()
    {
        ["id"] = index,
        ["index"] = index,
        ["name"] = name,
        ["device_use"] = index == 0 ? "BOOT" : "NORMAL",
        ["file_system"] = fileSystem,
        ["mount_point"] = mountPoint,
        ["size"] = size,
        ["used_size"] = used,
        ["free_size"] = size - used,
        ["relation_name"] = name,
        ["uuid"] = "0f" + index.ToString("x2", CultureInfo.InvariantCulture) + "c3a1-5e0d-4c9b-9a7e-3d2b1c0a9f8e",
    };

    private string CloneVmId() => string.Concat(TargetServerId.AsSpan(0, 24), "c10e".AsSpan(), TargetServerId.AsSpan(28));

    private static string RegionDisplayName(string region) => region switch
    {
        "ap-southeast-1" => "AP-Hong Kong",
        "ap-southeast-2" => "AP-Bangkok",
        "ap-southeast-3" => "AP-Singapore",
        "cn-north-4" => "CN North-Beijing4",
        "cn-east-3" => "CN East-Shanghai1",
        "eu-west-101" => "EU-Dublin",
        _ => region.ToUpper(CultureInfo.InvariantCulture),
    };

    public static readonly IReadOnlyList<string> SeedStates =
        new[] { "READY", "RUNNING", "SYNCING", "ABORT", "MIGRATE_SUCCESS", "MIGRATE_FAIL" };
}
