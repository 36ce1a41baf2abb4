using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using HuaweiMigration.Simulator.Sms;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Dcs;

internal static class DcsEndpoints
{
    /// <summary>
    /// DCS is project-level: the path's project must be the one the credentials speak for. A signed request without
    /// X-Project-Id may address any project of the account.
    /// </summary>
    public static bool CheckProject(HttpContext ctx, out Task refusal)
    {
        refusal = Task.CompletedTask;
        var projectId = ctx.Request.RouteValues["project_id"] as string ?? string.Empty;
        var auth = AuthResult.Of(ctx);
        var known = SimulatorCredentials.RegionForProjectId(projectId) is not null;
        var allowed = known && auth is not null && (auth.ProjectId is null
            ? auth.Kind == "AkSk"
            : string.Equals(auth.ProjectId, projectId, StringComparison.Ordinal));
        if (!allowed)
        {
            refusal = Reply.DcsError(ctx, 403, "DCS.4001",
                $"The project '{projectId}' in the URL is not the project of the credentials (a project-scoped token or X-Project-Id).");
        }
        return allowed;
    }

    public static Task List(HttpContext ctx, DcsStore store)
    {
        if (!CheckProject(ctx, out var refusal)) return refusal;
        var q = ctx.Request.Query;
        if (!SmsEndpoints.TryRange(q["limit"], 10, 1, 1000, out var limit))
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid parameter: limit");
        }
        if (!SmsEndpoints.TryRange(q["offset"], 0, 0, int.MaxValue, out var offset))
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid parameter: offset");
        }
        var (count, page) = store.List(q["name"].ToString(), offset, limit);
        return Reply.Json(ctx, 200, new JsonObject { ["count"] = count, ["migration_tasks"] = new JsonArray(page.ToArray<JsonNode?>()) });
    }

    public static Task Show(HttpContext ctx, DcsStore store)
    {
        if (!CheckProject(ctx, out var refusal)) return refusal;
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid migration task id.");
        var task = store.Show(id);
        return task is null ? NotFound(ctx) : Reply.Json(ctx, 200, task);
    }

    public static Task Stop(HttpContext ctx, DcsStore store)
    {
        if (!CheckProject(ctx, out var refusal)) return refusal;
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid migration task id.");
        var (result, task, _) = store.Stop(id);
        return result switch
        {
            DcsStopResult.Stopped => Reply.Json(ctx, 200, task),
            DcsStopResult.NotFound => NotFound(ctx),
            _ => Reply.DcsError(ctx, 400, "DCS.4957", "This operation is not allowed in the current status of the migration task."),
        };
    }

    public static Task BatchStop(HttpContext ctx, DcsStore store, SimulatorBehaviour behaviour, byte[] body)
    {
        if (!CheckProject(ctx, out var refusal)) return refusal;
        var ids = StringList(Reply.ParseObject(body)?["migration_tasks"]);
        if (ids is null || ids.Count == 0)
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid request body: migration_tasks");
        }
        var results = new JsonArray();
        foreach (var id in ids)
        {
            var (result, _, _) = store.Stop(id);
            // BatchStopMigrationTasksResponse rows: task_id, result, error_code, error_msg (all strings).
            var item = new JsonObject { ["task_id"] = id, ["result"] = result == DcsStopResult.Stopped ? "success" : "failed" };
            if (!behaviour.DcsBatchErrorFields)
            {
                // Older releases: a failed row says nothing of why.
            }
            else if (result == DcsStopResult.NotFound)
            {
                item["error_code"] = "DCS.4133";
                item["error_msg"] = "The migration task does not exist.";
            }
            else if (result == DcsStopResult.Refused)
            {
                item["error_code"] = "DCS.4957";
                item["error_msg"] = "This operation is not allowed in the current status of the migration task.";
            }
            results.Add(item);
        }
        return Reply.Json(ctx, 200, new JsonObject { ["migration_tasks"] = results });
    }

    /// <summary>POST migration-tasks/batch-restart: one row per id, like batch stop (task_id, result, error_code, error_msg).</summary>
    public static Task BatchRestart(HttpContext ctx, DcsStore store, SimulatorBehaviour behaviour, byte[] body)
    {
        if (!CheckProject(ctx, out var refusal)) return refusal;
        var ids = StringList(Reply.ParseObject(body)?["migration_tasks"]);
        if (ids is null || ids.Count == 0)
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid request body: migration_tasks");
        }
        var results = new JsonArray();
        foreach (var id in ids)
        {
            var (result, status) = store.Restart(id);
            var item = new JsonObject { ["task_id"] = id, ["result"] = result == DcsStopResult.Stopped ? "success" : "failed" };
            if (behaviour.DcsBatchErrorFields && result == DcsStopResult.NotFound)
            {
                item["error_code"] = "DCS.4133";
                item["error_msg"] = "The migration task does not exist.";
            }
            else if (behaviour.DcsBatchErrorFields && result == DcsStopResult.Refused)
            {
                item["error_code"] = "DCS.4957";
                item["error_msg"] = "This operation is not allowed in the current status of the migration task (" + status + "); only stopped, failed or finished online migration tasks can be restarted.";
            }
            results.Add(item);
        }
        return Reply.Json(ctx, 200, new JsonObject { ["migration_tasks"] = results });
    }

    /// <summary>GET migration-task/{task_id}/stats.</summary>
    public static Task Stats(HttpContext ctx, DcsStore store)
    {
        if (!CheckProject(ctx, out var refusal)) return refusal;
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid task id.");
        var stats = store.Stats(id);
        return stats is null ? NotFound(ctx) : Reply.Json(ctx, 200, stats);
    }

    public static Task Delete(HttpContext ctx, DcsStore store, byte[] body)
    {
        if (!CheckProject(ctx, out var refusal)) return refusal;
        var ids = StringList(Reply.ParseObject(body)?["task_id_list"]);
        if (ids is null || ids.Count == 0)
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid request body: task_id_list");
        }
        var removed = store.Delete(ids);
        return Reply.Json(ctx, 200, new JsonObject { ["task_id_list"] = new JsonArray(removed.Select(i => (JsonNode?)i).ToArray()) });
    }

    private static List<string>? StringList(JsonNode? node)
    {
        if (node is not JsonArray array) return null;
        var list = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue v || !v.TryGetValue<string>(out var s) || s.Length == 0) return null;
            list.Add(s);
        }
        return list;
    }

    private static Task NotFound(HttpContext ctx) => Reply.DcsError(ctx, 400, "DCS.4133", "The migration task does not exist.");

    private static string TaskId(HttpContext ctx) => ctx.Request.RouteValues["task_id"] as string ?? string.Empty;

    private static bool ValidId(string id) => id.Length is >= 1 and <= 64;
}
