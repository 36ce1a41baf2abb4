using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>Creating tasks (POST /v3/tasks) and changing their settings (PUT /v3/tasks/{id}).</summary>
public sealed partial class SmsStore
{
    /// <summary>
    /// Creates a READY task for a source server: it must exist, be connected and have no task, and the target's disks
    /// and volume groups must be the server's <c>init_target_server</c> ones (by name and size). Returns the new
    /// task's id, or for <see cref="SmsCreateOutcome.HasTask"/> the id of the task the server has.
    /// </summary>
    internal (SmsCreateOutcome Outcome, string? Id) CreateTask(SmsNewTaskSpec spec)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            AdvanceAll(now);
            var registered = _sources.Find(spec.SourceServerId);
            if (registered is null) return (SmsCreateOutcome.NoSuchSource, null);
            if (registered.Task is { } existing && existing.State != SmsTask.Gone) return (SmsCreateOutcome.HasTask, existing.Id);
            var server = registered.ToJson(show: true, now);
            if (!(server["connected"] is JsonValue c && c.TryGetValue<bool>(out var connected) && connected)) return (SmsCreateOutcome.NotConnected, null);
            var init = server["init_target_server"] as JsonObject;
            if (!SameLayout(init?["disks"] as JsonArray, spec.Disks) || !SameLayout(init?["volume_groups"] as JsonArray, spec.VolumeGroups)) return (SmsCreateOutcome.LayoutMismatch, null);
            if (init?["disks"] is not JsonArray { Count: > 0 }) return (SmsCreateOutcome.LayoutMismatch, null);

            var id = Add(spec.Name, "READY", source: new SmsTaskSource(spec.SourceServerId, null, null));
            var task = Find(id, now)!;
            task.Type = spec.Type;
            task.Priority = spec.Priority;
            task.SpeedLimit = spec.SpeedLimit;
            task.Region = spec.Region;
            task.TargetServerId = spec.TargetVmId ?? Guid.NewGuid().ToString();
            task.TargetName = spec.TargetName;
            task.TargetIp = spec.Settings.MigrationIp ?? string.Empty;
            task.Created = spec.Settings;
            return (SmsCreateOutcome.Created, id);
        }
    }

    /// <summary>Whether the target's disks (or volume groups) are the source's: the same names and sizes, in order.</summary>
    private static bool SameLayout(JsonArray? source, JsonArray given)
    {
        source ??= new JsonArray();
        if (source.Count != given.Count) return false;
        for (var i = 0; i < source.Count; i++)
        {
            if (source[i] is not JsonObject s || given[i] is not JsonObject g) return false;
            if (!JsonNode.DeepEquals(s["name"], g["name"]) || !JsonNode.DeepEquals(s["size"], g["size"])) return false;
        }
        return true;
    }

    /// <summary>PUT /v3/tasks/{id}: the settings that change (null keeps one); false when the task does not exist.</summary>
    internal bool UpdateTask(string id, string? name, int? speedLimit, string? migrationIp)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            if (task is null) return false;
            if (name is not null) task.Name = name;
            if (speedLimit is int s) task.SpeedLimit = s;
            if (migrationIp is not null)
            {
                task.TargetIp = migrationIp;
                if (task.Created is { } created) created.MigrationIp = migrationIp;
            }
            return true;
        }
    }
}
