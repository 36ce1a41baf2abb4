using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// A source server as SMS lists it (ListServers' SourceServersResponseBody) and shows it (ShowServerResponse). Every
/// task's source is one; servers whose agent registered but that have no task yet are added on their own.
/// </summary>
internal sealed partial class SimSourceServer
{
    public string Id { get; init; } = string.Empty;
    public string Name { get; init; } = string.Empty;
    public string Ip { get; init; } = string.Empty;
    public string OsType { get; init; } = "LINUX";
    public string OsVersion { get; init; } = "CENTOS_7_9_64BIT";
    public bool Connected { get; init; } = true;
    public string EnterpriseProjectId { get; init; } = "0";
    public DateTime AddDate { get; init; }
    public long DiskSizeGb { get; init; } = 40;

    /// <summary>The server's state when it has no task.</summary>
    public string IdleState { get; set; } = "waiting";

    /// <summary>The task that migrates it, if any.</summary>
    public SmsTask? Task { get; init; }

    public string State => Task is null ? IdleState : Task.SourceServerState();

    public string MigrationCycle => Task?.SourceMigrationCycle() ?? "checking";

    private long TotalBytes => DiskSizeGb * 1024L * 1024 * 1024;

    public JsonObject ToJson(bool show, DateTime now)
    {
        var o = new JsonObject
        {
            ["id"] = Id,
            ["ip"] = Ip,
            ["name"] = Name,
            ["os_type"] = OsType,
            ["os_version"] = OsVersion,
            ["oem_system"] = false,
            ["state"] = State,
            ["connected"] = Connected,
            ["add_date"] = Reply.ToEpochMs(AddDate),
            ["cpu_quantity"] = 4,
            ["memory"] = show ? 8192 : 8L * 1024 * 1024 * 1024, // MB when shown, bytes when listed (the SDK's notes)
            ["current_task"] = Task is null ? null : CurrentTask(show, now),
            ["checks"] = new JsonArray(new JsonObject
            {
                ["id"] = 1, ["params"] = new JsonArray(), ["name"] = "agent_version", ["result"] = "OK",
                ["error_code"] = null, ["error_or_warn"] = null, ["error_params"] = null,
            }),
            ["migration_cycle"] = MigrationCycle,
            ["state_action_time"] = Reply.ToEpochMs(AddDate),
            ["replicatesize"] = Task is null ? 0 : (long)(TotalBytes * Task.Progress),
            ["totalsize"] = TotalBytes,
            ["last_visit_time"] = Reply.ToEpochMs(Connected ? now : AddDate),
            ["stage_action_time"] = Reply.ToEpochMs(AddDate),
            ["init_target_server"] = new JsonObject { ["disks"] = new JsonArray(), ["volume_groups"] = new JsonArray() },
            ["start_type"] = "MANUAL",
            ["has_tc"] = false,
            ["enterprise_project_id"] = EnterpriseProjectId,
        };
        if (show)
        {
            o.Remove("is_consistency_result_exist");
            o["agent_version"] = "24.3.0";
            o["hostname"] = Name;
            o["firmware"] = "BIOS";
            o["disks"] = new JsonArray(new JsonObject
            {
                ["name"] = OsType == "WINDOWS" ? "Disk 0" : "/dev/vda",
                ["partition_style"] = "MBR",
                ["device_use"] = "BOOT",
                ["size"] = TotalBytes,
                ["used_size"] = TotalBytes / 3,
                ["physical_volumes"] = new JsonArray(new JsonObject
                {
                    ["device_use"] = "OS", ["file_system"] = OsType == "WINDOWS" ? "NTFS" : "ext4", ["index"] = 0, ["mount_point"] = OsType == "WINDOWS" ? "C:" : "/",
                    ["name"] = OsType == "WINDOWS" ? "C:" : "/dev/vda1", ["size"] = TotalBytes, ["used_size"] = TotalBytes / 3, ["inode_size"] = 256,
                    ["inode_nums"] = 2621440, ["uuid"] = "9a1e" + Id.Substring(0, 8), ["size_per_cluster"] = 4096,
                }),
                ["os_disk"] = true,
                ["relation_name"] = null,
                ["inode_size"] = 256,
            });
            o["btrfs_list"] = new JsonArray();
            o["networks"] = new JsonArray(new JsonObject
            {
                ["name"] = "eth0", ["ip"] = Ip, ["ipv6"] = null, ["netmask"] = "255.255.255.0", ["gateway"] = Ip.Substring(0, Ip.LastIndexOf('.')) + ".1",
                ["mtu"] = 1500, ["mac"] = "fa:16:3e:" + Id.Substring(0, 2) + ":" + Id.Substring(2, 2) + ":" + Id.Substring(4, 2), ["id"] = "nic-" + Id.Substring(0, 8),
            });
            o["volume_groups"] = new JsonArray();
        }
        else
        {
            o["is_consistency_result_exist"] = false;
        }
        return o;
    }

    private JsonObject CurrentTask(bool show, DateTime now)
    {
        var t = Task!;
        var o = new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = t.Name,
            ["type"] = t.Type,
            ["state"] = t.State,
            ["start_date"] = t.StartDate is DateTime s ? Reply.ToEpochMs(s) : null,
            ["speed_limit"] = t.SpeedLimit,
            ["migrate_speed"] = t.State == "RUNNING" ? t.MigrateSpeed : 0.0,
            ["start_target_server"] = false,
            ["vm_template_id"] = null,
            ["region_id"] = t.Region,
            ["project_name"] = t.Region,
            ["project_id"] = SimulatorCredentials.ProjectIdFor(t.Region),
            ["target_server"] = new JsonObject { ["vm_id"] = t.State == "READY" ? "" : t.TargetServerId, ["name"] = t.TargetName },
            ["log_collect_status"] = t.LogCollectStatus(now),
            ["exist_server"] = true,
            ["use_public_ip"] = true,
            ["clone_server"] = t.HasCloneServer ? new JsonObject { ["vm_id"] = "clone-" + t.Id.Substring(0, 8), ["name"] = t.Name + "-clone", ["clone_state"] = "RUNNING", ["clone_error"] = null, ["error_msg"] = null } : null,
            ["subtask_info"] = null,
        };
        if (!show)
        {
            o["remain_seconds"] = t.State == "RUNNING" ? 600 : 0;
            o["estimate_complete_time"] = t.State == "RUNNING" ? Reply.ToEpochMs(now.AddMinutes(10)) : null;
            o["compress_rate"] = 1.0;
            o["log_bucket"] = t.LogBucket;
            o["log_upload_time"] = t.LogUploadStarted is DateTime uploaded ? Reply.ToEpochMs(uploaded) : null;
            o["log_expire"] = null;
            o["log_share_url"] = null;
        }
        return o;
    }
}

/// <summary>The servers that are not the source of any task (their agent registered, nothing is migrating them).</summary>
internal sealed class SourceServerPool
{
    private readonly List<SimSourceServer> _idle = new();
    private readonly int _seed;
    private Random _random;

    public SourceServerPool(int seed)
    {
        _seed = seed;
        _random = new Random(seed ^ 0x5eed);
    }

    /// <summary>Forgets every server and restarts the seeded random, as if the pool had just been made.</summary>
    public void Clear()
    {
        _idle.Clear();
        _random = new Random(_seed ^ 0x5eed);
    }

    public IReadOnlyList<SimSourceServer> Idle => _idle;

    /// <summary>Removes the server with this id from the pool and returns it (it becomes a task's source), or null.</summary>
    public SimSourceServer? Take(string id)
    {
        var index = _idle.FindIndex(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        if (index < 0) return null;
        var server = _idle[index];
        _idle.RemoveAt(index);
        return server;
    }

    public string Add(string? name, bool connected, string? state)
    {
        var id = Guid.NewGuid().ToString("N");
        _idle.Add(new SimSourceServer
        {
            Id = id,
            Name = name ?? "src-" + _idle.Count.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            Ip = "172.16." + _random.Next(0, 250) + "." + _random.Next(2, 254),
            Connected = connected,
            IdleState = state ?? (connected ? "waiting" : "unavailable"),
            AddDate = DateTime.UtcNow.AddDays(-_random.Next(1, 30)),
            OsType = _random.Next(4) == 0 ? "WINDOWS" : "LINUX",
        });
        return id;
    }
}

/// <summary>What a test sets of a new task's source server (POST /_sim/sms/tasks "sourceServer"): each part optional.</summary>
public sealed record SmsTaskSource(string? Id, string? Name, string? Ip);
