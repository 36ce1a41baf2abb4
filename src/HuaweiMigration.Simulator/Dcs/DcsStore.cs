using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Dcs;

internal enum DcsStopResult
{
    Stopped,
    NotFound,
    Refused,
}

/// <summary>Simulated DCS data-migration tasks; visible from every known project. Transitions are applied lazily on read.</summary>
public sealed partial class DcsStore
{
    private static readonly string[] SeedStatuses =
        { "INCRMIGEATING", "FULLMIGRATING", "SUCCESS", "TERMINATED", "FAILED", "MIGRATING", "RUNNING" };

    private readonly object _lock = new();
    private readonly List<DcsTask> _tasks = new();
    private readonly SimulatorTimings _timings;
    private readonly int _seed;
    private Random _random;

    internal DcsStore(SimulatorTimings timings, int seed)
    {
        _timings = timings;
        _seed = seed;
        _random = new Random(seed + 7919);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _tasks.Count;
            }
        }
    }

    public IReadOnlyList<string> Ids
    {
        get
        {
            lock (_lock)
            {
                return _tasks.Select(t => t.TaskId).ToList();
            }
        }
    }

    /// <summary>
    /// Replaces all tasks with <paramref name="count"/> deterministic ones, "dcs-mig-0001"…, statuses cycling through
    /// INCRMIGEATING, FULLMIGRATING, SUCCESS, TERMINATED, FAILED, MIGRATING, RUNNING.
    /// </summary>
    public void Seed(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            _tasks.Clear();
            _random = new Random(_seed + 7919);
            var epoch = DateTime.UtcNow.Date.AddDays(-3);
            for (var i = 0; i < count; i++)
            {
                var name = "dcs-mig-" + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
                _tasks.Add(Create(name, SeedStatuses[i % SeedStatuses.Length], epoch.AddMinutes(53 * i)));
            }
        }
    }

    /// <summary>Adds a task (default status INCRMIGEATING, a stoppable one; an online migration unless <paramref name="online"/> is false) and returns its id.</summary>
    public string Add(string? name = null, string? status = null, bool online = true)
    {
        lock (_lock)
        {
            name ??= "dcs-mig-" + (_tasks.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
            var task = Create(name, status ?? "INCRMIGEATING", DateTime.UtcNow);
            if (Migrating.Contains(task.Status)) task.MigratingSince = DateTime.UtcNow;
            task.MigrationType = online ? "online_migration" : "backupfile_import";
            _tasks.Add(task);
            return task.TaskId;
        }
    }

    /// <summary>The task's status, or null when it does not exist.</summary>
    public string? GetState(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow)?.Status;
        }
    }

    /// <summary>Forces a status; TERMINATING still moves on to TERMINATED after the configured delay.</summary>
    public void SetState(string id, string status)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now) ?? throw new KeyNotFoundException($"No DCS migration task '{id}'.");
            task.PendingStatus = null;
            SetStatus(task, status, now);
        }
    }

    internal (int Count, List<JsonObject> Page) List(string name, int offset, int limit)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            foreach (var t in _tasks) Advance(t, now);
            var matching = _tasks.Where(t => name.Length == 0 || t.TaskName.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
            return (matching.Count, matching.Skip(offset).Take(limit).Select(t => t.ToJson(listItem: true)).ToList());
        }
    }

    internal JsonObject? Show(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow)?.ToJson(listItem: false);
        }
    }

    internal (DcsStopResult Result, JsonObject? Task, string? Name) Stop(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return (DcsStopResult.NotFound, null, null);
            switch (task.Status)
            {
                case "RUNNING":
                case "MIGRATING":
                case "FULLMIGRATING":
                case "INCRMIGEATING":
                    SetStatus(task, "TERMINATING", now);
                    // The answer shows TERMINATING even with a zero delay, as the real service answers before it finishes.
                    var answer = task.ToJson(listItem: false);
                    Advance(task, now);
                    return (DcsStopResult.Stopped, answer, task.TaskName);
                case "TERMINATING":
                    return (DcsStopResult.Stopped, task.ToJson(listItem: false), task.TaskName);
                default:
                    return (DcsStopResult.Refused, null, task.TaskName);
            }
        }
    }

    /// <summary>Statuses in which a task is moving data: it can be stopped, not deleted.</summary>
    internal static readonly HashSet<string> Migrating = new(StringComparer.Ordinal) { "RUNNING", "MIGRATING", "FULLMIGRATING", "INCRMIGEATING", "TERMINATING", "CREATING" };

    /// <summary>Removes the tasks that exist and are not migrating; returns the ids removed (the others stay, unmentioned).</summary>
    internal List<string> Delete(IEnumerable<string> ids)
    {
        lock (_lock)
        {
            var removed = new List<string>();
            foreach (var id in ids)
            {
                var task = Find(id, DateTime.UtcNow);
                if (task is not null && !Migrating.Contains(task.Status) && _tasks.Remove(task)) removed.Add(id);
            }
            return removed;
        }
    }

    /// <summary>
    /// Restart (batch-restart): an online migration task that has stopped, failed or finished migrates again, from
    /// the start; a backup-file import cannot be restarted, nor a task that is migrating.
    /// </summary>
    internal (DcsStopResult Result, string? Status) Restart(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return (DcsStopResult.NotFound, null);
            if (task.MigrationType != "online_migration" || Migrating.Contains(task.Status)) return (DcsStopResult.Refused, task.Status);
            task.PendingStatus = null;
            task.Status = task.MigrationMethod == "incremental_migration" ? "INCRMIGEATING" : "MIGRATING";
            task.UpdatedAt = now;
            task.ReleasedAt = null;
            task.MigratingSince = now;
            LogStatus(task, task.Status, now);
            return (DcsStopResult.Stopped, task.Status);
        }
    }

    /// <summary>The task's migration figures (ShowMigrationTaskStats: strings but is_migrating), moving while it migrates.</summary>
    internal JsonObject? Stats(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return null;
            var migrating = Migrating.Contains(task.Status) && task.Status != "TERMINATING";
            var since = task.MigratingSince ?? task.CreatedAt;
            var seconds = Math.Max(0, ((migrating ? now : task.UpdatedAt) - since).TotalSeconds);
            var progress = task.Status is "SUCCESS" or "MIGRATION_SUCCESS" ? 100.0 : Math.Min(99.0, seconds * 7.0);
            var sourceKeys = 120000L + (task.TaskId.GetHashCode() & 0xffff);
            return new JsonObject
            {
                ["full_migration_progress"] = progress.ToString("0.##", CultureInfo.InvariantCulture),
                ["is_migrating"] = migrating,
                ["offset"] = ((long)(seconds * 5200)).ToString(CultureInfo.InvariantCulture),
                ["source_dbsize"] = sourceKeys.ToString(CultureInfo.InvariantCulture),
                ["target_dbsize"] = ((long)(sourceKeys * progress / 100)).ToString(CultureInfo.InvariantCulture),
                ["target_input_kbps"] = migrating ? (800 + (seconds * 13 % 400)).ToString("0.##", CultureInfo.InvariantCulture) : "0",
                ["target_ops"] = migrating ? ((long)(1500 + seconds * 11 % 700)).ToString(CultureInfo.InvariantCulture) : "0",
            };
        }
    }

    private DcsTask? Find(string id, DateTime now)
    {
        var task = _tasks.Find(t => string.Equals(t.TaskId, id, StringComparison.Ordinal));
        if (task is not null) Advance(task, now);
        return task;
    }

    private void Advance(DcsTask task, DateTime now)
    {
        // A created task may move on several steps between two reads (CREATING → RUNNING, MIGRATING → … → SUCCESS).
        while (task.PendingStatus is string next && task.PendingDue <= now)
        {
            var due = task.PendingDue;
            task.PendingStatus = null;
            task.Status = next;
            task.UpdatedAt = due;
            if (task.Created is null || next is "TERMINATED" or "SUCCESS" or "FAILED") task.ReleasedAt = due;
            LogStatus(task, next, due);
            if (task.Created is not null) NextStep(task, due);
        }
        AdvanceExchange(task, now);
    }

    private void SetStatus(DcsTask task, string status, DateTime at)
    {
        task.Status = status;
        task.UpdatedAt = at;
        LogStatus(task, status, at);
        if (status == "TERMINATING")
        {
            task.PendingStatus = "TERMINATED";
            task.PendingDue = at + _timings.DcsStopToTerminated;
        }
    }

    private DcsTask Create(string name, string status, DateTime created)
    {
        var r = _random;
        var online = r.Next(4) != 0;
        var task = new DcsTask
        {
            TaskId = NewGuid(r),
            TaskName = name,
            Status = status,
            MigrationType = online ? "online_migration" : "backupfile_import",
            MigrationMethod = online && r.Next(2) == 0 ? "incremental_migration" : "full_amount_migration",
            CreatedAt = created,
            UpdatedAt = created.AddMinutes(5),
            ReleasedAt = status is "TERMINATED" or "SUCCESS" or "FAILED" ? created.AddHours(2) : null,
            EcsPrivateIp = $"192.168.0.{r.Next(2, 254)}",
            SourceId = NewGuid(r),
            SourceName = "redis-src-" + r.Next(100, 999).ToString(CultureInfo.InvariantCulture),
            SourceAddr = $"192.168.{r.Next(1, 20)}.{r.Next(2, 254)}",
            SourcePassword = "redis-SECRET-" + r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            TargetId = NewGuid(r),
            TargetName = "dcs-target-" + r.Next(100, 999).ToString(CultureInfo.InvariantCulture),
            TargetAddr = $"10.1.{r.Next(1, 20)}.{r.Next(2, 254)}",
            TargetPassword = "redis-SECRET-" + r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            VpcId = NewGuid(r),
            SubnetId = NewGuid(r),
            SecurityGroupId = NewGuid(r),
            BandwidthLimitMb = new[] { 0, 100, 200 }[r.Next(3)],
        };
        task.Logs.Add(new DcsLogEntry(created, "Info", "DCS.MIG.0001", "Migration task created.", new[] { name }));
        if (status != "RUNNING") LogStatus(task, status, created.AddMinutes(1));
        return task;
    }

    private static string NewGuid(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }
}

internal sealed partial class DcsTask
{
    public string TaskId { get; set; } = string.Empty;
    public string TaskName { get; set; } = string.Empty;
    public string Status { get; set; } = "RUNNING";
    public string MigrationType { get; set; } = "online_migration";
    public string MigrationMethod { get; set; } = "full_amount_migration";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public string EcsPrivateIp { get; set; } = string.Empty;
    public string SourceId { get; set; } = string.Empty;
    public string SourceName { get; set; } = string.Empty;
    public string SourceAddr { get; set; } = string.Empty;
    public string SourcePassword { get; set; } = string.Empty;
    public string TargetId { get; set; } = string.Empty;
    public string TargetName { get; set; } = string.Empty;
    public string TargetAddr { get; set; } = string.Empty;
    public string TargetPassword { get; set; } = string.Empty;
    public string VpcId { get; set; } = string.Empty;
    public string SubnetId { get; set; } = string.Empty;
    public string SecurityGroupId { get; set; } = string.Empty;
    public int BandwidthLimitMb { get; set; }

    /// <summary>The ports of the instances' addresses (a self-built Redis may listen elsewhere than 6379).</summary>
    public string SourcePort { get; set; } = "6379";
    public string TargetPort { get; set; } = "6379";

    /// <summary>How a task made through the API moves on (DcsStore.Create.cs); null for seeded tasks.</summary>
    public DcsCreated? Created { get; set; }

    /// <summary>When the current migration (re)started; stats move from it.</summary>
    public DateTime? MigratingSince { get; set; }
    public string? PendingStatus { get; set; }
    public DateTime PendingDue { get; set; }

    private bool Migrating => Status is "MIGRATING" or "FULLMIGRATING" or "INCRMIGEATING";

    /// <summary>
    /// The task as the API answers it (sdk-shapes.json): a list row is flat (MigrationTaskList: instance names, ids,
    /// statuses and subnets as top-level fields, no nested instances, no passwords); show and stop nest
    /// source_instance/target_instance, and those carry the passwords, deliberately, so the module's redaction is
    /// exercised on every path that has them.
    /// </summary>
    public JsonObject ToJson(bool listItem)
    {
        var o = new JsonObject
        {
            ["task_id"] = TaskId,
            ["task_name"] = TaskName,
            ["description"] = "",
            ["status"] = Status,
            ["migration_type"] = MigrationType,
            ["migration_method"] = MigrationMethod,
            ["ecs_tenant_private_ip"] = EcsPrivateIp,
            ["created_at"] = Reply.DcsTime(CreatedAt),
            ["released_at"] = ReleasedAt is DateTime rel ? Reply.DcsTime(rel) : "",
            ["version"] = "v1",
            ["resume_mode"] = Created?.ResumeMode ?? "auto",
            ["supported_features"] = new JsonArray("supportBandwidthLimit"),
        };
        if (listItem)
        {
            o["data_source"] = MigrationType == "backupfile_import" ? (Created?.BucketName ?? "redis-backups") : SourceAddr.Length == 0 ? "" : SourceAddr + ":" + SourcePort;
            o["source_instance_name"] = SourceName;
            o["source_instance_id"] = SourceId;
            o["source_instance_status"] = "RUNNING";
            o["source_instance_spec_code"] = "redis.ha.xu1.large.r2.4";
            o["source_instance_subnet_id"] = SubnetId;
            o["target_instance_addrs"] = TargetAddr.Length == 0 ? "" : TargetAddr + ":" + TargetPort;
            o["target_instance_name"] = TargetName;
            o["target_instance_id"] = TargetId;
            o["target_instance_status"] = "RUNNING";
            o["target_instance_spec_code"] = "redis.ha.xu1.large.r2.8";
            o["target_instance_subnet_id"] = SubnetId;
            o["error_message"] = Status == "FAILED" ? Created?.ErrorMessage ?? "The source Redis refused the connection." : null;
            return o;
        }
        o["backup_files"] = Created?.BackupFiles is JsonObject given ? given.DeepClone()
            : MigrationType == "backupfile_import"
            ? new JsonObject
            {
                ["file_source"] = "self_build_obs",
                ["bucket_name"] = "redis-backups",
                ["files"] = new JsonArray(new JsonObject { ["file_name"] = TaskName + ".rdb", ["size"] = "1048576", ["update_at"] = Reply.DcsTime(CreatedAt) }),
                ["backup_id"] = null,
            }
            : null;
        o["network_type"] = "vpc";
        o["source_instance"] = Instance(SourceId, SourceName, SourceAddr, SourcePort, SourcePassword);
        o["target_instance"] = Instance(TargetId, TargetName, TargetAddr, TargetPort, TargetPassword);
        o["updated_at"] = Reply.DcsTime(UpdatedAt);
        o["tenant_vpc_id"] = VpcId;
        o["tenant_subnet_id"] = SubnetId;
        o["tenant_security_group_id"] = SecurityGroupId;
        o["bandwidth_limit_mb"] = BandwidthLimitMb.ToString(CultureInfo.InvariantCulture);
        o["task_status"] = ExchangeStatus;
        return o;
    }

    private JsonObject Instance(string id, string name, string ip, string port, string password) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["addrs"] = ip.Length == 0 ? "" : ip + ":" + port,
        ["ip"] = ip,
        ["port"] = port,
        ["db"] = "0",
        ["proxy_multi_db"] = false,
        ["password"] = password,
        ["task_status"] = ExchangeStatus,
    };
}
