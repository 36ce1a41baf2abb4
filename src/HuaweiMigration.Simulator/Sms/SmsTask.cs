using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>One simulated SMS migration task. Mutated only under the owning <see cref="SmsStore"/>'s lock.</summary>
internal sealed class SmsTask
{
    public const string Gone = "__GONE__";

    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Type { get; set; } = "MIGRATE_FILE";
    public string OsType { get; set; } = "LINUX";
    public string OsVersion { get; set; } = "CENTOS_7_9_64BIT";
    public string State { get; set; } = "READY";
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
    public string SourceServerId { get; set; } = string.Empty;
    public string SourceIp { get; set; } = string.Empty;
    public string SourceName { get; set; } = string.Empty;
    public string TargetServerId { get; set; } = string.Empty;
    public string TargetIp { get; set; } = string.Empty;
    public string TargetName { get; set; } = string.Empty;
    public long DiskSizeGb { get; set; } = 40;
    public bool HasCloneServer { get; set; }
    public long SubTaskBaseId { get; set; }

    public string? PendingState { get; set; }
    public DateTime PendingDue { get; set; }

    private static readonly string[] FileSubTasks =
        { "CREATE_CLOUD_SERVER", "SSL_CONFIG", "ATTACH_AGENT_IMAGE", "FORMAT_DISK", "MIGRATE_PARTITION", "CONFIGURE_TARGET_VM", "DETTACH_AGENT_IMAGE" };

    private static readonly string[] BlockSubTasks =
        { "CREATE_CLOUD_SERVER", "SSL_CONFIG", "ATTACH_AGENT_IMAGE", "MIGRATE_BLOCK", "CONFIGURE_TARGET_VM", "DETTACH_AGENT_IMAGE" };

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
            ["source_server"] = SourceServerJson(),
            ["target_server"] = TargetServerJson(show),
            ["enterprise_project_id"] = EnterpriseProjectId,
            ["log_collect_status"] = "INIT",
            ["clone_server"] = HasCloneServer ? new JsonObject { ["vm_id"] = CloneVmId(), ["name"] = Name + "-clone" } : null,
            ["syncing"] = State == "SYNCING",
            ["network_check_info"] = null,
            ["special_config"] = new JsonArray(),
            ["total_cpu_usage"] = running ? 12.5 : 0.0,
            ["agent_cpu_usage"] = running ? 3.1 : 0.0,
            ["total_mem_usage"] = running ? 41.0 : 0.0,
            ["agent_mem_usage"] = running ? 180.0 : 0.0,
            ["total_disk_io"] = running ? 35.2 : 0.0,
            ["agent_disk_io"] = running ? 30.4 : 0.0,
            ["need_migration_test"] = false,
            ["subtask_info"] = null,
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
            o["target_snapshot_id"] = null;
            o["exist_server"] = false;
            o["use_public_ip"] = false;
            o["is_need_consistency_check"] = false;
            o["need_migration_test"] = false;
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
                ["user_op"] = null,
            };
            result.Add(st);
        }
        return result;
    }

    private JsonObject SourceServerJson() => new()
    {
        ["id"] = SourceServerId,
        ["ip"] = SourceIp,
        ["name"] = SourceName,
        ["os_type"] = OsType,
        ["os_version"] = OsVersion,
        ["oem_system"] = false,
        ["state"] = State switch
        {
            "READY" => "waiting",
            "RUNNING" => "replicate",
            "SYNCING" => "syncing",
            "ABORTING" => "stopping",
            "ABORT" => "stopped",
            "MIGRATE_SUCCESS" or "SYNC_SUCCESS" => "finished",
            "DELETING" => "deleting",
            _ => "error",
        },
        ["migration_cycle"] = State switch
        {
            "READY" => "setting",
            "SYNCING" or "SYNC_SUCCESS" => "syncing",
            "MIGRATE_SUCCESS" => "cutovered",
            _ => "replicating",
        },
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
            var system = OsType == "WINDOWS" ? "C:" : "/dev/vda";
            o["disks"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = TargetServerId.Substring(0, 8) + "-disk-0",
                    ["name"] = system,
                    ["size"] = DiskSizeGb * 1024L * 1024 * 1024,
                    ["device_use"] = "BOOT",
                    ["used_size"] = DiskSizeGb * 1024L * 1024 * 1024 / 3,
                    ["disk_id"] = TargetServerId.Substring(0, 8) + "-vol-0",
                    ["physical_volumes"] = new JsonArray(),
                },
                new JsonObject
                {
                    ["id"] = TargetServerId.Substring(0, 8) + "-disk-1",
                    ["name"] = OsType == "WINDOWS" ? "D:" : "/dev/vdb",
                    ["size"] = 100L * 1024 * 1024 * 1024,
                    ["device_use"] = "NORMAL",
                    ["used_size"] = 20L * 1024 * 1024 * 1024,
                    ["disk_id"] = TargetServerId.Substring(0, 8) + "-vol-1",
                    ["physical_volumes"] = new JsonArray(),
                });
            o["volume_groups"] = new JsonArray();
            o["btrfs_list"] = new JsonArray();
            o["image_disk_id"] = null;
            o["cutovered_snapshot_ids"] = null;
        }
        return o;
    }

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
