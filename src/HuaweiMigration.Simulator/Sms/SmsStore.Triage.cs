using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// Triage: the overview of source-server states, the servers in error, consistency results, advanced settings and
/// log uploads, over the same source servers the listing shows (each task's, then the idle ones).
/// </summary>
public sealed partial class SmsStore
{
    /// <summary>The states ShowOverviewResponse counts (other states are not in its model, so not counted).</summary>
    internal static readonly string[] OverviewStates =
    {
        "cloning", "cutovering", "deleting", "error", "finished", "initialize", "replicate", "skipping", "stopped", "stopping",
        "syncing", "unavailable", "unconfigured", "waiting",
    };

    /// <summary>The error a failed launch leaves when its task has none of its own.</summary>
    private const string LaunchErrorJson = "{\"error_code\":\"SMS.6509\",\"error_msg\":\"The launch on the target server failed.\",\"error_param\":[]}";

    /// <summary>How long a log upload runs (UPLOADING) before it is UPLOADED.</summary>
    public TimeSpan LogUploadDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>GET /v3/sources/overview: the source servers by state.</summary>
    internal JsonObject Overview()
    {
        lock (_lock)
        {
            AdvanceAll(DateTime.UtcNow);
            var counts = _sources.All.GroupBy(s => s.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var o = new JsonObject();
            foreach (var state in OverviewStates) o[state] = counts.TryGetValue(state, out var n) ? n : 0;
            return o;
        }
    }

    /// <summary>GET /v3/errors: source servers in error, or whose task failed, with the error the service recorded.</summary>
    internal (int Count, List<JsonObject> Page) ListErrors(string enterpriseProjectId, int offset, int limit)
    {
        lock (_lock)
        {
            AdvanceAll(DateTime.UtcNow);
            var failing = _sources.All
                .Where(s => s.State == "error" || s.Task?.State is "MIGRATE_FAIL" or "SYNC_FAIL")
                .Where(s => enterpriseProjectId.Length == 0 || s.EnterpriseProjectId == enterpriseProjectId)
                .ToList();
            return (failing.Count, failing.Skip(offset).Take(limit).Select(s => new JsonObject
            {
                ["name"] = s.Name,
                ["source_id"] = s.Id,
                ["host_name"] = s.Name,
                ["source_ip"] = s.Ip,
                ["target_ip"] = s.Task?.TargetIp ?? "",
                ["error_json"] = s.Task?.ErrorJson ?? s.ErrorJson ?? LaunchErrorJson,
            }).ToList());
        }
    }

    /// <summary>
    /// Puts a source server into error with the given error_json text (any text: the service's is not always JSON).
    /// A server without a task goes to state error; a task's source fails its task (MIGRATE_FAIL) with that error.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No source server has the id.</exception>
    public void SetSourceServerError(string sourceId, string errorJson)
    {
        ArgumentNullException.ThrowIfNull(errorJson);
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            AdvanceAll(now);
            if (_sources.All.FirstOrDefault(s => s.Id == sourceId && s.Task is null) is SimSourceServer idle)
            {
                idle.IdleState = "error";
                idle.ErrorJson = errorJson;
                return;
            }
            var task = _tasks.FirstOrDefault(t => t.State != SmsTask.Gone && t.SourceServerId == sourceId)
                ?? throw new KeyNotFoundException($"No SMS source server '{sourceId}'.");
            task.PendingState = null;
            Apply(task, "MIGRATE_FAIL", now);
            task.ErrorJson = errorJson;
        }
    }

    /// <summary>GET /v3/tasks/{id}/consistency-result, or null when the task does not exist.</summary>
    internal JsonObject? ConsistencyResult(string id)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            return task is null ? null : new JsonObject
            {
                ["task_id"] = task.Id,
                ["result_list"] = new JsonArray(task.ConsistencyResults.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            };
        }
    }

    /// <summary>Sets a task's consistency results (what its agent would have uploaded), each a text of result_list.</summary>
    /// <exception cref="KeyNotFoundException">No such task.</exception>
    public void SetConsistencyResults(string id, IEnumerable<string> results)
    {
        var list = results.ToList();
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow) ?? throw new KeyNotFoundException($"No SMS task '{id}'.");
            task.ConsistencyResults = list;
        }
    }

    /// <summary>GET /v3/tasks/{id}/configuration-setting (only <paramref name="key"/>'s when given), or null when the task does not exist.</summary>
    internal JsonObject? Configuration(string id, string key)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            if (task is null) return null;
            var migrateType = task.OsType == "WINDOWS" ? "WINDOWS_MIGRATE_BLOCK" : task.Type == "MIGRATE_BLOCK" ? "LINUX_MIGRATE_BLOCK" : "LINUX_MIGRATE_FILE";
            return new JsonObject
            {
                ["task_id"] = task.Id,
                ["migrate_type"] = migrateType,
                ["configurations"] = new JsonArray(task.Configurations
                    .Where(c => key.Length == 0 || c.Key == key)
                    .Select(c => (JsonNode?)new JsonObject { ["config_key"] = c.Key, ["config_value"] = c.Value, ["config_status"] = c.Status ?? "" })
                    .ToArray()),
            };
        }
    }

    /// <summary>A task's advanced settings as last set (for tests), or null when it does not exist.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? GetConfiguration(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow)?.Configurations.Select(c => new KeyValuePair<string, string>(c.Key, c.Value)).ToList();
        }
    }

    /// <summary>POST /v3/tasks/{id}/configuration-setting: the settings become those given; false when the task does not exist.</summary>
    internal bool SetConfiguration(string id, List<(string Key, string Value, string? Status)> settings)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            if (task is null) return false;
            task.Configurations = settings;
            return true;
        }
    }

    /// <summary>POST /v3/tasks/{id}/log: the agent starts uploading its logs to the bucket; false when the task does not exist.</summary>
    internal bool CollectLog(string id, string bucket)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return false;
            task.LogBucket = bucket;
            task.LogUploadStarted = now;
            task.LogUploadDone = now + LogUploadDuration;
            return true;
        }
    }

    /// <summary>The bucket of a task's last log upload and its log_collect_status (for tests), or null when the task does not exist.</summary>
    public (string? Bucket, string Status)? GetLogCollection(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            return Find(id, now) is SmsTask task ? (task.LogBucket, task.LogCollectStatus(now)) : null;
        }
    }
}
