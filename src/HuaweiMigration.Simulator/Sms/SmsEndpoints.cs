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
        var root = Reply.ParseObject(body);
        if (root?["ids"] is not JsonArray array || array.Count is < 1 or > 50)
        {
            return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        }
        var ids = new List<string>();
        foreach (var node in array)
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var id) || !ValidId(id))
            {
                return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
            }
            ids.Add(id);
        }
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

    private static Task NotFound(HttpContext ctx) => Reply.SmsError(ctx, 404, "SMS.0404", "The task does not exist.");

    private static string TaskId(HttpContext ctx) => ctx.Request.RouteValues["task_id"] as string ?? string.Empty;

    private static bool ValidId(string id) => id.Length is >= 1 and <= 36;

    /// <summary>Integers only, as the real service validates them; only an absent parameter takes the default.</summary>
    internal static bool TryRange(Microsoft.Extensions.Primitives.StringValues raw, int fallback, int min, int max, out int value)
    {
        value = fallback;
        if (raw.Count == 0) return true;
        var text = raw.ToString();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
