using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// A source server as SMS lists it (ListServers' SourceServersResponseBody) and shows it (ShowServerResponse). It is
/// registered when its agent starts (or with the task that migrates it, for seeded tasks) and stays registered until
/// it is deleted: a task takes it as its source and, when the task is deleted, leaves it idle again. Mutated only
/// under the owning <see cref="SmsStore"/>'s lock.
/// </summary>
internal sealed class SimSourceServer
{
    private const long GiB = 1024L * 1024 * 1024;
    private bool? _connected;

    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Ip { get; set; } = string.Empty;
    public string OsType { get; set; } = "LINUX";
    public string OsVersion { get; set; } = "CENTOS_7_9_64BIT";
    public string EnterpriseProjectId { get; set; } = "0";

    /// <summary>The migration project the server belongs to (ListServers' <c>migproject</c> filter).</summary>
    public string MigProjectId { get; set; } = string.Empty;
    public DateTime AddDate { get; set; }

    /// <summary>The system disk, in GB.</summary>
    public long DiskSizeGb { get; set; } = 40;

    /// <summary>The data disks' sizes, in GB, in disk order.</summary>
    public List<long> DataDisksGb { get; set; } = new();

    /// <summary>Whether SMS worked out a target for it: <c>init_target_server</c> mirrors its disks; otherwise it is empty.</summary>
    public bool HasInitTarget { get; set; } = true;

    /// <summary>The server's state when it has no task.</summary>
    public string IdleState { get; set; } = "waiting";

    /// <summary>The task that migrates it, if any.</summary>
    public SmsTask? Task { get; set; }

    /// <summary>
    /// Whether its agent is connected: as registered; a server that came with a seeded task (never registered on its
    /// own) shows connected once its task left READY, as before.
    /// </summary>
    public bool Connected
    {
        get => _connected ?? (Task is null || Task.State != "READY");
        set => _connected = value;
    }

    /// <summary>Its task is gone: the server stays, idle, waiting if its agent is connected and unavailable if not.</summary>
    public void Release()
    {
        var connected = Connected;
        _connected = connected;
        IdleState = connected ? "waiting" : "unavailable";
        Task = null;
    }

    public string State => Task is null ? IdleState : Task.SourceServerState();

    public string MigrationCycle => Task?.SourceMigrationCycle() ?? "checking";

    private long TotalBytes => (DiskSizeGb + DataDisksGb.Sum()) * GiB;

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
            ["init_target_server"] = InitTargetServerJson(),
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
            o["disks"] = new JsonArray(Disks().Select(d => (JsonNode?)d.ShowJson(Id)).ToArray());
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

    /// <summary>
    /// What SMS proposes for the target (InitTargetServer), as the console copies it into a new task: one disk per
    /// source disk, of the same name, size, use and partitions; no volume groups (the simulated servers have no LVM).
    /// Empty when SMS has not worked one out.
    /// </summary>
    private JsonObject InitTargetServerJson() => new()
    {
        ["disks"] = HasInitTarget ? new JsonArray(Disks().Select(d => (JsonNode?)d.InitTargetJson(Id)).ToArray()) : new JsonArray(),
        ["volume_groups"] = new JsonArray(),
    };

    /// <summary>The system disk, then the data disks.</summary>
    private IEnumerable<SimDisk> Disks()
    {
        var windows = OsType == "WINDOWS";
        var system = DiskSizeGb * GiB;
        yield return new SimDisk(0, windows ? "Disk 0" : "/dev/vda", "BOOT", "MBR", system, system / 3, true,
            windows ? "C:" : "/dev/vda1", "OS", windows ? "NTFS" : "ext4", windows ? "C:" : "/");
        for (var i = 0; i < DataDisksGb.Count; i++)
        {
            var size = DataDisksGb[i] * GiB;
            var n = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var letter = ((char)('D' + i)).ToString() + ":";
            var device = "/dev/vd" + (char)('b' + i);
            yield return new SimDisk(i + 1, windows ? "Disk " + n : device, "NORMAL", "GPT", size, size / 5, false,
                windows ? letter : device + "1", "NORMAL", windows ? "NTFS" : "ext4", windows ? letter : "/data" + n);
        }
    }

    /// <summary>One disk with one partition.</summary>
    private sealed record SimDisk(int Index, string Name, string Use, string PartitionStyle, long Size, long Used, bool OsDisk,
        string VolumeName, string VolumeUse, string FileSystem, string MountPoint)
    {
        private string Uuid(string serverId) => "9a1e" + serverId.Substring(0, Math.Min(8, serverId.Length)) + (Index == 0 ? "" : "-" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>ShowServer's ServerDisk.</summary>
        public JsonObject ShowJson(string serverId) => new()
        {
            ["name"] = Name,
            ["partition_style"] = PartitionStyle,
            ["device_use"] = Use,
            ["size"] = Size,
            ["used_size"] = Used,
            ["physical_volumes"] = new JsonArray(new JsonObject
            {
                ["device_use"] = VolumeUse, ["file_system"] = FileSystem, ["index"] = 0, ["mount_point"] = MountPoint,
                ["name"] = VolumeName, ["size"] = Size, ["used_size"] = Used, ["inode_size"] = 256,
                ["inode_nums"] = 2621440, ["uuid"] = Uuid(serverId), ["size_per_cluster"] = 4096,
            }),
            ["os_disk"] = OsDisk,
            ["relation_name"] = null,
            ["inode_size"] = 256,
        };

        /// <summary>InitTargetServer's DiskIntargetServer: the same disk and partition, for the target.</summary>
        public JsonObject InitTargetJson(string serverId) => new()
        {
            ["name"] = Name,
            ["size"] = Size,
            ["used_size"] = Used,
            ["device_use"] = Use,
            ["physical_volumes"] = new JsonArray(new JsonObject
            {
                ["device_use"] = VolumeUse, ["file_system"] = FileSystem, ["index"] = 0, ["mount_point"] = MountPoint,
                ["name"] = VolumeName, ["size"] = Size, ["used_size"] = Used, ["inode_size"] = 256, ["uuid"] = Uuid(serverId),
            }),
        };
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
            ["log_collect_status"] = "INIT",
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
            o["log_bucket"] = null;
            o["log_upload_time"] = null;
            o["log_expire"] = null;
            o["log_share_url"] = null;
        }
        return o;
    }
}

/// <summary>Every registered source server, in the order they registered (ListServers' order).</summary>
internal sealed class SourceServerRegistry
{
    private readonly List<SimSourceServer> _servers = new();
    private readonly int _seed;
    private Random _random;

    public SourceServerRegistry(int seed)
    {
        _seed = seed;
        _random = new Random(seed ^ 0x5eed);
    }

    /// <summary>Forgets every server and restarts the seeded random, as if the registry had just been made.</summary>
    public void Clear()
    {
        _servers.Clear();
        _random = new Random(_seed ^ 0x5eed);
    }

    public IReadOnlyList<SimSourceServer> All => _servers;

    public SimSourceServer? Find(string id) => _servers.Find(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Registers a server that came with a task.</summary>
    public void Register(SimSourceServer server) => _servers.Add(server);

    public bool Remove(SimSourceServer server) => _servers.Remove(server);

    /// <summary>Registers a server on its own (its agent started); see <see cref="SmsStore.AddSourceServer"/>.</summary>
    public SimSourceServer Add(string? name, bool connected, string? state, string? osType, IReadOnlyList<long>? dataDisksGb, bool initTarget, string migProjectId)
    {
        var server = new SimSourceServer
        {
            Id = Guid.NewGuid().ToString("N"),
            Name = name ?? "src-" + _servers.Count(s => s.Task is null).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            Ip = "172.16." + _random.Next(0, 250) + "." + _random.Next(2, 254),
            Connected = connected,
            IdleState = state ?? (connected ? "waiting" : "unavailable"),
            AddDate = DateTime.UtcNow.AddDays(-_random.Next(1, 30)),
            OsType = _random.Next(4) == 0 ? "WINDOWS" : "LINUX",
            DataDisksGb = dataDisksGb?.ToList() ?? new List<long>(),
            HasInitTarget = initTarget,
            MigProjectId = migProjectId,
        };
        if (osType is not null) server.OsType = osType;
        server.OsVersion = server.OsType == "WINDOWS" ? "WINDOWS2019_SERVER_DATACENTER_64BIT" : "CENTOS_7_9_64BIT";
        _servers.Add(server);
        return server;
    }
}

/// <summary>What a test sets of a new task's source server (POST /_sim/sms/tasks "sourceServer"): each part optional.</summary>
public sealed record SmsTaskSource(string? Id, string? Name, string? Ip);
