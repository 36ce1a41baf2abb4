using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Sms;

internal static class SmsEndpoints
{
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "start", "stop", "restart", "test", "cutover", "clone_test", "network_check", "clear", "skip", "migration_test",
    };

    public static Task List(HttpContext ctx, SmsStore store)
    {
        var q = ctx.Request.Query;
        if (!TryRange(q["limit"], 100, 0, 200, out var limit))
        {
            return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: limit");
        }
        if (!TryRange(q["offset"], 0, 0, 65535, out var offset))
        {
            return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: offset");
        }
        var state = q["state"].ToString();
        var name = q["name"].ToString();
        var id = q["id"].ToString();
        var sourceServerId = q["source_server_id"].ToString();
        var enterpriseProjectId = q["enterprise_project_id"].ToString();

        // Like the real service, name is a loose (case-insensitive substring) match; exact matching is the caller's job.
        var (count, page) = store.List(t =>
            (state.Length == 0 || t.State == state) &&
            (name.Length == 0 || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase)) &&
            (id.Length == 0 || t.Id == id) &&
            (sourceServerId.Length == 0 || t.SourceServerId == sourceServerId) &&
            (enterpriseProjectId.Length == 0 || t.EnterpriseProjectId == enterpriseProjectId),
            offset, limit);
        return Reply.Json(ctx, 200, new JsonObject { ["count"] = count, ["tasks"] = new JsonArray(page.ToArray<JsonNode?>()) });
    }

    public static Task Show(HttpContext ctx, SmsStore store)
    {
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        var task = store.Show(id);
        return task is null ? NotFound(ctx) : Reply.Json(ctx, 200, task);
    }

    public static Task Action(HttpContext ctx, SmsStore store, byte[] body)
    {
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        var root = Reply.ParseObject(body);
        var operation = root?["operation"] is JsonValue v && v.TryGetValue<string>(out var op) ? op : null;
        if (operation is null || !Operations.Contains(operation))
        {
            return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        }
        if (!OptionalType(root, "template_id", JsonValueKind.String) || !OptionalType(root, "switch_hce", JsonValueKind.True, JsonValueKind.False)
            || !OptionalType(root, "is_need_consistency_check", JsonValueKind.True, JsonValueKind.False))
        {
            return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        }
        if (operation == "clone_test" && !(root!["template_id"] is JsonValue t && t.TryGetValue<string>(out var template) && template.Length > 0))
        {
            return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: template_id");
        }
        return store.Act(id, operation) switch
        {
            SmsActionResult.Accepted => Reply.Json(ctx, 200, new JsonObject()),
            SmsActionResult.NotFound => NotFound(ctx),
            SmsActionResult.RefusedStop => Reply.SmsError(ctx, 400, "SMS.1038", "Only running tasks can be paused."),
            SmsActionResult.RefusedLaunch => Reply.SmsError(ctx, 400, "SMS.1040", "The operation '" + operation + "' is allowed only after a full replication."),
            _ => Reply.SmsError(ctx, 400, "SMS.1039", "Only paused, failed or ready tasks can be started."),
        };
    }

    private static bool OptionalType(JsonObject? root, string key, params JsonValueKind[] kinds) =>
        root is null || !root.TryGetPropertyValue(key, out var node) || node is null || kinds.Contains(node.GetValueKind());

    public static Task Delete(HttpContext ctx, SmsStore store)
    {
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        return DeleteIds(ctx, store, new[] { id });
    }

    public static Task BatchDelete(HttpContext ctx, SmsStore store, byte[] body)
    {
        if (!TryReadIds(body, 50, onlyIds: false, out var ids)) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        return DeleteIds(ctx, store, ids);
    }

    private static Task DeleteIds(HttpContext ctx, SmsStore store, IReadOnlyList<string> ids)
    {
        var (result, _, state) = store.Delete(ids);
        return result switch
        {
            SmsActionResult.Accepted => Reply.Empty(ctx, 200),
            SmsActionResult.NotFound => NotFound(ctx),
            _ => Reply.SmsError(ctx, 400, "SMS.2015", $"Running or stopping tasks cannot be deleted (state {state})."),
        };
    }

    /// <summary>GET /v3/tasks/{task_id}/speed-limit.</summary>
    public static Task GetSpeedLimit(HttpContext ctx, SmsStore store)
    {
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        var rules = store.GetSpeedLimits(id);
        if (rules is null) return NotFound(ctx);
        var array = new JsonArray();
        foreach (var r in rules)
        {
            array.Add(new JsonObject { ["start"] = r.Start, ["end"] = r.End, ["speed"] = r.Speed, ["over_speed_threshold"] = r.Threshold });
        }
        return Reply.Json(ctx, 200, new JsonObject { ["speed_limit"] = array });
    }

    private static readonly System.Text.RegularExpressions.Regex TimeOfDay = new("^([01][0-9]|2[0-3]):[0-5][0-9]\\z");

    /// <summary>POST /v3/tasks/{task_id}/speed-limit: replaces the schedule; malformed or overlapping rules are refused.</summary>
    public static Task SetSpeedLimit(HttpContext ctx, SmsStore store, byte[] body)
    {
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        if (Reply.ParseObject(body)?["speed_limit"] is not JsonArray array) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        var rules = new List<(string Start, string End, int Speed, double? Threshold)>();
        foreach (var node in array)
        {
            if (node is not JsonObject o
                || o["start"] is not JsonValue sv || !sv.TryGetValue<string>(out var start) || !TimeOfDay.IsMatch(start)
                || o["end"] is not JsonValue ev || !ev.TryGetValue<string>(out var end) || !TimeOfDay.IsMatch(end)
                || string.CompareOrdinal(start, end) >= 0
                || o["speed"] is not JsonValue spv || !spv.TryGetValue<int>(out var speed) || speed is < 0 or > 1000)
            {
                return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: speed_limit");
            }
            double? threshold = o["over_speed_threshold"] is JsonValue tv && tv.TryGetValue<double>(out var t) ? t : null;
            rules.Add((start, end, speed, threshold));
        }
        var ordered = rules.OrderBy(r => r.Start, StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (string.CompareOrdinal(ordered[i].Start, ordered[i - 1].End) < 0) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: speed_limit (the time windows overlap)");
        }
        return store.SetSpeedLimits(id, rules) ? Reply.Empty(ctx, 200) : NotFound(ctx);
    }

    /// <summary>GET /v3/sources: source servers, filtered (name loosely, like the task list) and paged.</summary>
    public static Task ListSources(HttpContext ctx, SmsStore store)
    {
        var q = ctx.Request.Query;
        if (!TryRange(q["limit"], 200, 0, 200, out var limit)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: limit");
        if (limit == 0) limit = 200;
        if (!TryRange(q["offset"], 0, 0, 65535, out var offset)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: offset");
        var name = q["name"].ToString();
        var state = q["state"].ToString();
        var migrationCycle = q["migration_cycle"].ToString();
        var id = q["id"].ToString();
        var ip = q["ip"].ToString();
        var connected = q["connected"].ToString();
        if (connected.Length > 0 && connected is not ("true" or "false")) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: connected");
        var enterpriseProjectId = q["enterprise_project_id"].ToString();
        var migProject = q["migproject"].ToString();
        var (count, page) = store.ListSources(s =>
            (migProject.Length == 0 || s.MigProjectId == migProject) &&
            (name.Length == 0 || s.Name.Contains(name, StringComparison.OrdinalIgnoreCase)) &&
            (state.Length == 0 || s.State == state) &&
            (migrationCycle.Length == 0 || s.MigrationCycle == migrationCycle) &&
            (id.Length == 0 || s.Id == id) &&
            (ip.Length == 0 || s.Ip == ip) &&
            (connected.Length == 0 || s.Connected == (connected == "true")) &&
            (enterpriseProjectId.Length == 0 || s.EnterpriseProjectId == enterpriseProjectId),
            offset, limit);
        return Reply.Json(ctx, 200, new JsonObject { ["count"] = count, ["source_servers"] = new JsonArray(page.ToArray<JsonNode?>()) });
    }

    /// <summary>GET /v3/sources/{source_id}.</summary>
    public static Task ShowSource(HttpContext ctx, SmsStore store)
    {
        var id = ctx.Request.RouteValues["source_id"] as string ?? string.Empty;
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: source_id");
        var server = store.ShowSource(id);
        return server is null ? Reply.SmsError(ctx, 404, "SMS.0404", "The source server does not exist.") : Reply.Json(ctx, 200, server);
    }

    internal static Task NotFound(HttpContext ctx) => Reply.SmsError(ctx, 404, "SMS.0404", "The task does not exist.");

    internal static string TaskId(HttpContext ctx) => ctx.Request.RouteValues["task_id"] as string ?? string.Empty;

    internal static bool ValidId(string id) => id.Length is >= 1 and <= 36;

    /// <summary>
    /// A batch deletion's body <c>{"ids": [str]}</c>: at least one valid id, at most <paramref name="max"/> (no cap when
    /// null); with <paramref name="onlyIds"/> no other key is taken.
    /// </summary>
    internal static bool TryReadIds(byte[] body, int? max, bool onlyIds, out List<string> ids)
    {
        ids = new List<string>();
        var root = Reply.ParseObject(body);
        if (root?["ids"] is not JsonArray array || array.Count == 0 || array.Count > (max ?? int.MaxValue) || (onlyIds && root.Count != 1)) return false;
        foreach (var node in array)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var id) || !ValidId(id)) return false;
            ids.Add(id);
        }
        return true;
    }

    /// <summary>Integers only, as the real service validates them; only an absent parameter takes the default.</summary>
    internal static bool TryRange(Microsoft.Extensions.Primitives.StringValues raw, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (raw.Count == 0) return true;
        var text = raw.ToString();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
