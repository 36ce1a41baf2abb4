using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

internal enum SmsActionResult
{
    Accepted,
    NotFound,
    RefusedStart,
    RefusedStop,
    RefusedDelete,
    /// <summary>A launch (test, cutover, clone, drill) before the replication finished: SMS.1040.</summary>
    RefusedLaunch,
}

/// <summary>
/// The simulated SMS tasks. State changes "by themselves" are due times applied lazily whenever a task is read,
/// so tests see deterministic behaviour without background timers.
/// </summary>
public sealed partial class SmsStore
{

    private readonly object _lock = new();
    private readonly List<SmsTask> _tasks = new();
    private readonly SimulatorTimings _timings;
    private readonly int _seed;
    private Random _random;
    private readonly SourceServerRegistry _sources;

    internal SmsStore(SimulatorTimings timings, int seed)
    {
        _timings = timings;
        _seed = seed;
        _random = new Random(seed);
        _sources = new SourceServerRegistry(seed);
    }

    /// <summary>The migration projects (one default project, "default", after every seed).</summary>
    public MigProjectStore Projects { get; } = new();

    /// <summary>The templates of target servers (none after a seed).</summary>
    public TemplateStore Templates { get; } = new();

    /// <summary>The id of the current default migration project, where new source servers register.</summary>
    public string DefaultMigProjectId => Projects.DefaultId;

    /// <summary>Number of tasks that still exist.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                AdvanceAll(DateTime.UtcNow);
                return _tasks.Count;
            }
        }
    }

    /// <summary>Task ids in creation (= list) order.</summary>
    public IReadOnlyList<string> Ids
    {
        get
        {
            lock (_lock)
            {
                AdvanceAll(DateTime.UtcNow);
                return _tasks.Select(t => t.Id).ToList();
            }
        }
    }

    /// <summary>
    /// Replaces everything SMS holds with <paramref name="count"/> deterministic tasks: "mig-task-0001"…, states
    /// cycling through READY, RUNNING, SYNCING, ABORT, MIGRATE_SUCCESS, MIGRATE_FAIL (task n has state n-1 mod 6).
    /// Every other object goes too: the source servers without a task, and with each task its speed limits, launches
    /// and pending transitions; so a reseed leaves what a fresh simulator with that seed has.
    /// </summary>
    public void Seed(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            _tasks.Clear();
            _sources.Clear();
            Projects.Seed();
            Templates.Clear();
            _random = new Random(_seed);
            // Anchored to the day rather than a fixed date so the history looks recent; the same all day long.
            var epoch = DateTime.UtcNow.Date.AddDays(-7);
            for (var i = 0; i < count; i++)
            {
                var name = "mig-task-" + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
                var task = Create(name, SmsTask.SeedStates[i % SmsTask.SeedStates.Count], epoch.AddMinutes(97 * i), false);
                _tasks.Add(task);
                _sources.Register(task.Source);
            }
        }
    }

    /// <summary>Adds a task at the end of the list and returns its id.</summary>
    /// <param name="name">Defaults to "mig-task-NNNN" with the next number.</param>
    /// <param name="state">Defaults to READY; any string is accepted (unknown states are legal in real answers).</param>
    /// <param name="failOnStart">A start then leads to MIGRATE_FAIL instead of RUNNING.</param>
    /// <param name="failLaunches">Launch operations whose launches end in their failure state (see <see cref="SetLaunchFailures"/>).</param>
    /// <param name="source">
    /// The task's source server (id, name, ip; each optional). An id of a registered server (<see cref="AddSourceServer"/>,
    /// or the source of a deleted task) makes that server the task's source: the task has its name, address, OS and
    /// disks (a name or ip given here renames or readdresses the server), and the server stays registered, idle, when
    /// the task is deleted. Any other id registers a new server with the task. An id whose server already has a task
    /// is refused.
    /// </param>
    /// <param name="progress">The migration's progress in percent (0 to 100), as the task's sub-tasks and source server show it.</param>
    /// <exception cref="ArgumentException">A word of <paramref name="failLaunches"/> is not a launch operation nor "*"; a progress out of range; a source server id in use.</exception>
    public string Add(string? name = null, string? state = null, bool failOnStart = false, IEnumerable<string>? failLaunches = null,
        double? progress = null, SmsTaskSource? source = null)
    {
        var fail = CheckLaunchOperations(failLaunches ?? Array.Empty<string>());
        if (progress is double p && (double.IsNaN(p) || p < 0 || p > 100)) throw new ArgumentException($"'progress' must be 0 to 100 (percent), was {p}.");
        lock (_lock)
        {
            AdvanceAll(DateTime.UtcNow);
            var sourceId = source?.Id;
            var registered = sourceId is null ? null : _sources.Find(sourceId);
            if (sourceId is not null)
            {
                if (sourceId.Length == 0) throw new ArgumentException("'sourceServer.id' must not be empty.");
                if (registered?.Task is SmsTask other)
                {
                    throw new ArgumentException($"Source server '{sourceId}' is already the source of another task ('{other.Id}').");
                }
            }
            name ??= "mig-task-" + (_tasks.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
            var task = Create(name, state ?? "READY", DateTime.UtcNow, failOnStart);
            task.FailLaunches.UnionWith(fail);
            if (progress is double percent) task.Progress = percent / 100;
            if (registered is not null)
            {
                task.Source = registered;
                registered.Task = task;
            }
            else
            {
                if (sourceId is not null) task.SourceServerId = sourceId;
                _sources.Register(task.Source);
            }
            if (source?.Name is string sourceName) task.SourceName = sourceName;
            if (source?.Ip is string sourceIp) task.SourceIp = sourceIp;
            _tasks.Add(task);
            return task.Id;
        }
    }

    /// <summary>
    /// Makes the task's launches of these operations ("test", "cutover", "clone_test", "migration_test", "clear", or
    /// "*" for every one) end in their failure state: source server <c>error</c>, <c>premigfailed</c> or
    /// <c>clearfailed</c>. Replaces what was set before; an empty list makes every launch succeed again. A launch
    /// already accepted keeps the end it was given.
    /// </summary>
    /// <exception cref="ArgumentException">A word is not a launch operation nor "*"; nothing is changed.</exception>
    /// <exception cref="KeyNotFoundException">No such task.</exception>
    public void SetLaunchFailures(string id, IEnumerable<string> operations)
    {
        var fail = CheckLaunchOperations(operations);
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow) ?? throw new KeyNotFoundException($"No SMS task '{id}'.");
            task.FailLaunches.Clear();
            task.FailLaunches.UnionWith(fail);
        }
    }

    /// <summary>The launch operations set to fail on the task ("*" first, then in the order of the action API), or null when it does not exist.</summary>
    public IReadOnlyList<string>? GetLaunchFailures(string id)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            return task is null ? null : new[] { SmsLaunch.Every }.Concat(SmsLaunch.Operations).Where(task.FailLaunches.Contains).ToList();
        }
    }

    private static List<string> CheckLaunchOperations(IEnumerable<string> operations)
    {
        var list = operations.ToList();
        if (list.Any(o => o is null)) throw new ArgumentException("A launch operation must be a string.");
        if (SmsLaunch.FirstUnknown(list) is string unknown)
        {
            throw new ArgumentException($"Unknown launch operation '{unknown}'; the operations are {string.Join(", ", SmsLaunch.Operations)}, or \"{SmsLaunch.Every}\" for all.");
        }
        return list;
    }

    /// <summary>The task's current state, or null when it does not exist (any more).</summary>
    public string? GetState(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow)?.State;
        }
    }

    /// <summary>How many stops took effect on the task (moved it from RUNNING or SYNCING to ABORTING); 0 when it does not exist.</summary>
    public int StopsApplied(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow)?.StopsApplied ?? 0;
        }
    }

    /// <summary>Forces a state, dropping any pending transition; follow-ups that the state implies (ABORTING → ABORT…) are scheduled.</summary>
    public void SetState(string id, string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now) ?? throw new KeyNotFoundException($"No SMS task '{id}'.");
            task.PendingState = null;
            Apply(task, state, now);
        }
    }

    /// <summary>Makes the next start of the task end in MIGRATE_FAIL (after <see cref="SimulatorTimings.StartDelay"/>).</summary>
    public void SetFailOnStart(string id, bool fail = true)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow) ?? throw new KeyNotFoundException($"No SMS task '{id}'.");
            task.FailOnStart = fail;
        }
    }

    internal (int Count, List<JsonObject> Page) List(Func<SmsTaskView, bool> filter, int offset, int limit)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            AdvanceAll(now);
            var matching = _tasks.Where(t => filter(new SmsTaskView(t))).ToList();
            return (matching.Count, matching.Skip(offset).Take(limit).Select(t => t.ToJson(show: false, now)).ToList());
        }
    }

    /// <summary>A task's speed-limit rules, or null when the task does not exist.</summary>
    internal List<(string Start, string End, int Speed, double? Threshold)>? GetSpeedLimits(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow)?.SpeedLimits.ToList();
        }
    }

    /// <summary>Replaces a task's speed-limit rules; false when the task does not exist.</summary>
    internal bool SetSpeedLimits(string id, List<(string Start, string End, int Speed, double? Threshold)> rules)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            if (task is null) return false;
            task.SpeedLimits = rules;
            return true;
        }
    }

    internal JsonObject? Show(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            return Find(id, now)?.ToJson(show: true, now);
        }
    }

    internal SmsActionResult Start(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return SmsActionResult.NotFound;
            if (task.State is not ("READY" or "ABORT" or "MIGRATE_FAIL" or "SYNC_FAIL")) return SmsActionResult.RefusedStart;
            if (task.PendingState is null)
            {
                Schedule(task, task.FailOnStart ? "MIGRATE_FAIL" : "RUNNING", now + _timings.StartDelay);
                Advance(task, now);
            }
            return SmsActionResult.Accepted;
        }
    }

    internal SmsActionResult Stop(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return SmsActionResult.NotFound;
            switch (task.State)
            {
                case "RUNNING":
                case "SYNCING":
                    task.PendingState = null;
                    task.StopsApplied++;
                    Apply(task, "ABORTING", now);
                    Advance(task, now);
                    return SmsActionResult.Accepted;
                case "ABORTING":
                case "ABORT":
                    return SmsActionResult.Accepted;
                default:
                    return SmsActionResult.RefusedStop;
            }
        }
    }

    /// <summary>
    /// The action API's other operations, with the effects API.md infers (the edges live here, one case each):
    /// restart as start; test, cutover, clone_test and migration_test only after a full replication, shown as a
    /// launch sub-task; clear in any state, dropping the snapshot at once. Each of those five is a launch
    /// (<see cref="SmsLaunch"/>): the source server tells of it for LaunchDelay, then shows its end; clone_test
    /// removes the clone server and makes a new one at a successful end. network_check runs for NetworkCheckDelay,
    /// during which the result is empty; skip is accepted.
    /// </summary>
    internal SmsActionResult Act(string id, string operation)
    {
        if (operation == "start" || operation == "restart") return Start(id);
        if (operation == "stop") return Stop(id);
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return SmsActionResult.NotFound;
            switch (operation)
            {
                case "test":
                case "cutover":
                case "clone_test":
                case "migration_test":
                    if (task.State is not ("MIGRATE_SUCCESS" or "SYNC_SUCCESS" or "SYNCING")) return SmsActionResult.RefusedLaunch;
                    task.Launches.Add(BeginLaunch(task, operation, now));
                    if (operation == "clone_test") task.HasCloneServer = false;
                    Advance(task, now);
                    return SmsActionResult.Accepted;
                case "network_check":
                    task.NetworkCheckDoneAt = now + _timings.NetworkCheckDelay;
                    return SmsActionResult.Accepted;
                case "clear":
                    task.SnapshotCleared = true;
                    BeginLaunch(task, operation, now);
                    Advance(task, now);
                    return SmsActionResult.Accepted;
                default:
                    return SmsActionResult.Accepted;
            }
        }
    }

    /// <summary>A new launch replaces the one the source server told of, which is cut short if it was still running.</summary>
    private SmsLaunch BeginLaunch(SmsTask task, string operation, DateTime now)
    {
        task.Launch?.Interrupt(now);
        task.Launch = new SmsLaunch(operation, now, now + _timings.LaunchDelay, task.LaunchFails(operation));
        return task.Launch;
    }

    internal SmsActionResult Touch(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow) is null ? SmsActionResult.NotFound : SmsActionResult.Accepted;
        }
    }

    /// <summary>Deletes all the tasks or none: every id must exist and be deletable.</summary>
    internal (SmsActionResult Result, string? Id, string? State) Delete(IReadOnlyList<string> ids)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var tasks = new List<SmsTask>();
            foreach (var id in ids)
            {
                var task = Find(id, now);
                if (task is null) return (SmsActionResult.NotFound, id, null);
                if (!IsDeletable(task.State)) return (SmsActionResult.RefusedDelete, id, task.State);
                tasks.Add(task);
            }
            foreach (var task in tasks.Distinct())
            {
                task.PendingState = null;
                Apply(task, "DELETING", now);
                Advance(task, now);
            }
            return (SmsActionResult.Accepted, null, null);
        }
    }

    private static bool IsDeletable(string state) =>
        state is "READY" or "ABORT" or "MIGRATE_SUCCESS" or "MIGRATE_FAIL" or "SYNC_SUCCESS" or "SYNC_FAIL" or "SYNC_F_ROLLBACK_SUCCESS";

    private SmsTask? Find(string id, DateTime now)
    {
        var task = _tasks.Find(t => string.Equals(t.Id, id, StringComparison.Ordinal));
        if (task is null) return null;
        Advance(task, now);
        return task.State == SmsTask.Gone ? null : task;
    }

    private void AdvanceAll(DateTime now)
    {
        foreach (var task in _tasks.ToList())
        {
            Advance(task, now);
        }
    }

    private void Advance(SmsTask task, DateTime now)
    {
        // Chained transitions (RUNNING → MIGRATE_SUCCESS) each start from the previous due time, not from "now",
        // so the observed history does not depend on how often the task is polled. A launch's end and the task's
        // transitions are applied in the order they fell due (the launch first on a tie).
        while (true)
        {
            var launch = task.Launch is { Ended: false } l && l.Due <= now ? l : null;
            DateTime? pending = task.PendingState is not null && task.PendingDue <= now ? task.PendingDue : null;
            if (launch is not null && (pending is null || launch.Due <= pending))
            {
                EndLaunch(task, launch);
                continue;
            }
            if (pending is not DateTime at) break;
            var next = task.PendingState!;
            task.PendingState = null;
            Apply(task, next, at);
        }
        if (task.State == SmsTask.Gone)
        {
            _tasks.Remove(task);
            task.Source.Release();
        }
    }

    private static void EndLaunch(SmsTask task, SmsLaunch launch)
    {
        launch.End();
        if (launch.Operation == "clone_test" && !launch.Fails) task.HasCloneServer = true;
    }

    private void Schedule(SmsTask task, string state, DateTime due)
    {
        task.PendingState = state;
        task.PendingDue = due;
    }

    private void Apply(SmsTask task, string state, DateTime at)
    {
        var previous = task.State;
        task.State = state;
        if (state != previous && task.Launch is SmsLaunch launch)
        {
            // A change of the task's state ends what the source server told of the launch (cutting it short if it
            // was still running): the source server shows what the new state implies.
            launch.Interrupt(at);
            task.Launch = null;
        }
        switch (state)
        {
            case "RUNNING":
                if (previous is "READY" or "MIGRATE_FAIL" or "SYNC_FAIL" || task.StartDate is null)
                {
                    task.StartDate = at;
                    task.Progress = Math.Max(task.Progress, 0.05);
                }
                task.FinishDate = null;
                task.ErrorJson = null;
                if (_timings.RunningToFinish > TimeSpan.Zero)
                {
                    // A task made with continuous sync (syncing true) goes on syncing after its full replication.
                    Schedule(task, task.Created?.Syncing == true ? "SYNCING" : "MIGRATE_SUCCESS", at + _timings.RunningToFinish);
                }
                break;
            case "MIGRATE_SUCCESS":
            case "SYNC_SUCCESS":
                task.StartDate ??= at;
                task.Progress = 1.0;
                task.FinishDate = at;
                break;
            case "MIGRATE_FAIL":
            case "SYNC_FAIL":
                task.StartDate ??= at;
                task.FinishDate = at;
                task.ErrorJson = "{\"error_code\":\"SMS.6509\",\"error_msg\":\"Failed to migrate the partition: the source disk was not readable.\"}";
                break;
            case "ABORTING":
                Schedule(task, "ABORT", at + _timings.StopToAbort);
                break;
            case "DELETING":
                Schedule(task, SmsTask.Gone, at + _timings.DeleteToGone);
                break;
        }
    }

    private SmsTask Create(string name, string state, DateTime created, bool failOnStart)
    {
        var r = _random;
        var windows = r.Next(4) == 0;
        var task = new SmsTask
        {
            Id = NewId(r),
            Name = name,
            Type = r.Next(3) == 0 ? "MIGRATE_BLOCK" : "MIGRATE_FILE",
            OsType = windows ? "WINDOWS" : "LINUX",
            OsVersion = windows ? "WINDOWS2019_SERVER_DATACENTER_64BIT" : (r.Next(2) == 0 ? "CENTOS_7_9_64BIT" : "UBUNTU_20_04_64BIT"),
            State = "READY",
            Priority = r.Next(3),
            SpeedLimit = new[] { 0, 0, 50, 100, 200 }[r.Next(5)],
            MigrateSpeed = Math.Round(20 + r.NextDouble() * 180, 2),
            CreateDate = created,
            Progress = 0,
            FailOnStart = failOnStart,
            Region = SimulatorCredentials.Regions[r.Next(3)],
            SourceServerId = NewId(r),
            SourceIp = $"192.168.{r.Next(0, 20)}.{r.Next(2, 254)}",
            SourceName = (windows ? "win-app-" : "lnx-app-") + r.Next(100, 999).ToString(CultureInfo.InvariantCulture),
            TargetServerId = NewGuid(r),
            TargetIp = $"10.0.{r.Next(0, 20)}.{r.Next(2, 254)}",
            DiskSizeGb = new[] { 40, 60, 100, 200 }[r.Next(4)],
            SubTaskBaseId = 100000 + r.Next(0, 900000),
        };
        task.TargetName = task.SourceName + "-target";
        task.Source.AddDate = created;
        task.Source.MigProjectId = DefaultMigProjectId;
        task.Source.Task = task;
        task.HasCloneServer = r.Next(8) == 0;

        // Seeded history: started an hour after creation, part-way through unless READY or finished.
        var started = created.AddHours(1);
        var progress = Math.Round(0.1 + r.NextDouble() * 0.8, 2);
        switch (state)
        {
            case "READY":
                break;
            case "MIGRATE_SUCCESS":
            case "SYNC_SUCCESS":
                task.StartDate = started;
                Apply(task, state, started.AddMinutes(task.DiskSizeGb));
                break;
            case "MIGRATE_FAIL":
            case "SYNC_FAIL":
                task.StartDate = started;
                task.Progress = progress;
                Apply(task, state, started.AddMinutes(task.DiskSizeGb / 2));
                break;
            default:
                task.StartDate = started;
                task.Progress = progress;
                task.State = state;
                if (state == "RUNNING" || state == "ABORTING" || state == "DELETING")
                {
                    // Running seeded tasks only finish when RunningToFinish is enabled, counted from now.
                    Apply(task, state, DateTime.UtcNow);
                }
                break;
        }
        return task;
    }

    private static string NewId(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    private static string NewGuid(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }
}

/// <summary>The fields the list filters read, without exposing the mutable task.</summary>
internal readonly struct SmsTaskView
{
    private readonly SmsTask _task;

    public SmsTaskView(SmsTask task) => _task = task;

    public string Id => _task.Id;
    public string Name => _task.Name;
    public string State => _task.State;
    public string SourceServerId => _task.SourceServerId;
    public string EnterpriseProjectId => _task.EnterpriseProjectId;
}
