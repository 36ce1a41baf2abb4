using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Dcs;

/// <summary>What a task made through the API remembers beyond a seeded one (never a password).</summary>
public sealed class DcsCreated
{
    public string ResumeMode { get; set; } = "auto";
    public bool Configured { get; set; }
    public string? BucketName { get; set; }
    public JsonObject? BackupFiles { get; set; }
    public string? ErrorMessage { get; set; }

    /// <summary>The task's next step ends in FAILED instead (seeded by a test).</summary>
    public bool FailNext { get; set; }
}

/// <summary>Why a create, configure or resume-mode call was refused: the DCS error to answer.</summary>
internal sealed record DcsRefusal(int Status, string Code, string Message);

/// <summary>
/// Migrations made through the API, as a state machine:
/// online: CREATING (<see cref="SimulatorTimings.DcsCreating"/>) → RUNNING (the migration machine is ready and waits
/// for its configuration) → configured: MIGRATING → FULLMIGRATING → INCRMIGEATING (incremental; stays) or
/// MIGRATING → SUCCESS (full), each step after <see cref="SimulatorTimings.DcsMigrationStep"/>;
/// backup-file import: MIGRATING → SUCCESS. <see cref="FailNextStep"/> makes a task's next step end in FAILED.
/// Passwords received are never kept: the task shows a mask where the service would show one.
/// </summary>
public sealed partial class DcsStore
{
    /// <summary>What a task shows in place of a password it was given.</summary>
    internal const string PasswordMask = "********";

    private readonly Dictionary<string, (bool AtCreation, string Message)> _failNamed = new(StringComparer.Ordinal);

    /// <summary>
    /// Seeds a failure for a task not made yet: the task made with this name fails when its migration machine is
    /// made (<paramref name="atCreation"/>: it becomes FAILED instead of RUNNING) or at its first migration step.
    /// </summary>
    public void FailTaskNamed(string name, bool atCreation = false, string message = "The migration machine could not reach the source Redis.")
    {
        lock (_lock)
        {
            _failNamed[name] = (atCreation, message);
        }
    }

    /// <summary>Arms a failure seeded by name when the task reaches its point.</summary>
    private void ArmSeededFailure(DcsTask task, bool creating)
    {
        if (_failNamed.TryGetValue(task.TaskName, out var seeded) && seeded.AtCreation == creating)
        {
            _failNamed.Remove(task.TaskName);
            task.Created!.FailNext = true;
            task.Created.ErrorMessage = seeded.Message;
        }
    }

    internal static readonly DcsRefusal UnknownTask = new(400, "DCS.4133", "The migration task does not exist.");

    /// <summary>POST /v2/{project_id}/migration/instance: a new online migration task, CREATING. Returns its id.</summary>
    internal string CreateOnline(string name, string description, string vpcId, string subnetId, string securityGroupId)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = NewCreated(name, "online_migration", now);
            task.VpcId = vpcId;
            task.SubnetId = subnetId;
            task.SecurityGroupId = securityGroupId;
            task.Status = "CREATING";
            ArmSeededFailure(task, creating: true);
            Schedule(task, "RUNNING", now + _timings.DcsCreating);
            _tasks.Add(task);
            Advance(task, now);
            return task.TaskId;
        }
    }

    /// <summary>POST /v2/{project_id}/migration-task (backupfile_import): a new import, MIGRATING. Returns the task.</summary>
    internal JsonObject CreateBackupImport(string name, string targetId, bool targetPassword, JsonObject backupFiles)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = NewCreated(name, "backupfile_import", now);
            task.Created!.BackupFiles = backupFiles;
            task.Created.BucketName = backupFiles["bucket_name"]?.GetValue<string>() ?? "backup:" + backupFiles["backup_id"]?.GetValue<string>();
            task.TargetId = targetId;
            task.TargetName = "dcs-" + targetId[..Math.Min(8, targetId.Length)];
            task.TargetPassword = targetPassword ? PasswordMask : string.Empty;
            task.Status = "MIGRATING";
            task.MigratingSince = now;
            ArmSeededFailure(task, creating: false);
            Schedule(task, "SUCCESS", now + _timings.DcsMigrationStep);
            _tasks.Add(task);
            Advance(task, now);
            return Summary(task);
        }
    }

    /// <summary>
    /// POST /v2/{project_id}/migration/{task_id}/task: configures a RUNNING online task once. Refused while CREATING,
    /// a second time, for a backup import, and for an unknown task.
    /// </summary>
    internal (JsonObject? Answer, DcsRefusal? Refusal) Configure(string id, string method, string resumeMode, int bandwidthMb,
        (string? Addr, string? Id, bool Password) source, (string? Addr, string? Id, bool Password) target)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return (null, UnknownTask);
            if (task.Created is null || task.MigrationType != "online_migration")
            {
                return (null, new DcsRefusal(400, "DCS.4957", "Only an online migration task made with POST /migration/instance can be configured."));
            }
            if (task.Created.Configured)
            {
                return (null, new DcsRefusal(400, "DCS.4957", "The migration task has already been configured (" + task.Status + ")."));
            }
            if (task.Status != "RUNNING")
            {
                return (null, new DcsRefusal(400, "DCS.4957", "This operation is not allowed in the current status of the migration task (" + task.Status + "); it can be configured once it is RUNNING."));
            }
            task.Created.Configured = true;
            task.Created.ResumeMode = resumeMode;
            task.MigrationMethod = method;
            task.BandwidthLimitMb = bandwidthMb;
            (task.SourceAddr, task.SourcePort, task.SourceId, task.SourceName) = Endpoint(source.Addr, source.Id, "redis-src");
            (task.TargetAddr, task.TargetPort, task.TargetId, task.TargetName) = Endpoint(target.Addr, target.Id, "dcs");
            task.SourcePassword = source.Password ? PasswordMask : string.Empty;
            task.TargetPassword = target.Password ? PasswordMask : string.Empty;
            task.Status = "MIGRATING";
            task.UpdatedAt = now;
            task.MigratingSince = now;
            ArmSeededFailure(task, creating: false);
            Schedule(task, method == "incremental_migration" ? "FULLMIGRATING" : "SUCCESS", now + _timings.DcsMigrationStep);
            var answer = Summary(task);
            Advance(task, now);
            return (answer, null);
        }
    }

    /// <summary>PUT /v2/{project_id}/migration-task/{task_id}: the resume mode of an online migration task.</summary>
    internal DcsRefusal? SetResumeMode(string id, string resumeMode)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            if (task is null) return UnknownTask;
            if (task.MigrationType != "online_migration")
            {
                return new DcsRefusal(400, "DCS.4957", "The resume mode applies only to online migration tasks; this task is a backup-file import.");
            }
            (task.Created ??= new DcsCreated()).ResumeMode = resumeMode;
            task.UpdatedAt = DateTime.UtcNow;
            return null;
        }
    }

    /// <summary>Makes the task's next step (its creation, or the next step of its migration) end in FAILED.</summary>
    public void FailNextStep(string id, string message = "The migration machine could not reach the source Redis.")
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow) ?? throw new KeyNotFoundException($"No DCS migration task '{id}'.");
            task.Created ??= new DcsCreated();
            task.Created.FailNext = true;
            task.Created.ErrorMessage = message;
        }
    }

    /// <summary>Whether the task has been configured (POST /migration/{id}/task accepted); null when it does not exist.</summary>
    public bool? IsConfigured(string id)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            return task is null ? null : task.Created?.Configured ?? true;
        }
    }

    /// <summary>After a step: the next one, as the state machine goes.</summary>
    private void NextStep(DcsTask task, DateTime at)
    {
        switch (task.Status)
        {
            case "FULLMIGRATING":
                Schedule(task, "INCRMIGEATING", at + _timings.DcsMigrationStep);
                break;
        }
    }

    /// <summary>Sets the next step, or FAILED in its place when a failure is seeded.</summary>
    private static void Schedule(DcsTask task, string next, DateTime due)
    {
        var created = task.Created!;
        if (created.FailNext)
        {
            created.FailNext = false;
            next = "FAILED";
        }
        task.PendingStatus = next;
        task.PendingDue = due;
    }

    private DcsTask NewCreated(string name, string type, DateTime now) => new()
    {
        TaskId = Guid.NewGuid().ToString("D"),
        TaskName = name,
        MigrationType = type,
        MigrationMethod = "full_amount_migration",
        CreatedAt = now,
        UpdatedAt = now,
        EcsPrivateIp = type == "online_migration" ? "192.168.0." + (_tasks.Count % 250 + 2).ToString(CultureInfo.InvariantCulture) : string.Empty,
        SourceAddr = string.Empty,
        TargetAddr = string.Empty,
        Created = new DcsCreated(),
    };

    /// <summary>The instance as the task shows it: a self-built Redis by its address, a DCS one by its id.</summary>
    private static (string Ip, string Port, string Id, string Name) Endpoint(string? addr, string? id, string prefix)
    {
        if (!string.IsNullOrEmpty(addr))
        {
            var colon = addr.LastIndexOf(':');
            return (addr[..colon], addr[(colon + 1)..], string.Empty, addr);
        }
        var ip = "10.2." + ((id!.GetHashCode() & 0x7f) + 1).ToString(CultureInfo.InvariantCulture) + ".10";
        return (ip, "6379", id, prefix + "-" + id[..Math.Min(8, id.Length)]);
    }

    /// <summary>The {id, name, status} answer of a create or configure call.</summary>
    private static JsonObject Summary(DcsTask task) => new() { ["id"] = task.TaskId, ["name"] = task.TaskName, ["status"] = task.Status };
}
