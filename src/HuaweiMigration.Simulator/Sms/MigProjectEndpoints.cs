using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// SMS migration projects (<c>/v3/migprojects</c>): list, show (no id in the answer, as in SDK 3.1.185 on), create
/// (name, region and type required; names unique), update (the whole MigProject; nothing required), make default,
/// delete (never the default project, nor one with servers: <see cref="MigProjectStore.HasServers"/>). Names are unique and the speed limit is 0 to 10000 Mbit/s, as the API reference states. Bodies with a field of the wrong type or a field MigProject does not have are
/// refused.
/// </summary>
internal static class MigProjectEndpoints
{
    private static readonly Dictionary<string, JsonValueKind> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = JsonValueKind.String,
        ["region"] = JsonValueKind.String,
        ["type"] = JsonValueKind.String,
        ["description"] = JsonValueKind.String,
        ["enterprise_project"] = JsonValueKind.String,
        ["isdefault"] = JsonValueKind.True,
        ["exist_server"] = JsonValueKind.True,
        ["use_public_ip"] = JsonValueKind.True,
        ["syncing"] = JsonValueKind.True,
        ["start_target_server"] = JsonValueKind.True,
        ["start_network_check"] = JsonValueKind.True,
        ["speed_limit"] = JsonValueKind.Number,
    };

    private static readonly System.Text.RegularExpressions.Regex Name = new(@"^[\p{L}\p{Nd}_-]{1,100}\z");

    public static Task List(HttpContext ctx, MigProjectStore store)
    {
        var q = ctx.Request.Query;
        if (!SmsEndpoints.TryRange(q["limit"], 100, 0, 100, out var limit)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: limit");
        if (limit == 0) limit = 100;
        if (!SmsEndpoints.TryRange(q["offset"], 0, 0, 65535, out var offset)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: offset");
        var (count, page) = store.List(offset, limit);
        return Reply.Json(ctx, 200, new JsonObject { ["count"] = count, ["migprojects"] = new JsonArray(page.ToArray<JsonNode?>()) });
    }

    public static Task Show(HttpContext ctx, MigProjectStore store)
    {
        var id = Id(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: mig_project_id");
        var project = store.Show(id);
        return project is null ? NotFound(ctx) : Reply.Json(ctx, 200, project);
    }

    public static Task Create(HttpContext ctx, MigProjectStore store, byte[] body)
    {
        var root = Reply.ParseObject(body);
        if (root is null || !WellTyped(root)) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        foreach (var required in new[] { "name", "region", "type" })
        {
            if (root[required] is null) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: " + required);
        }
        var settings = new SimMigProject();
        if (Apply(root, settings) is { } bad) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: " + bad);
        var (result, id) = store.Create(settings, root["isdefault"]?.GetValue<bool>() == true);
        return result == MigProjectResult.NameTaken
            ? NameTaken(ctx, settings.Name)
            : Reply.Json(ctx, 200, new JsonObject { ["id"] = id });
    }

    public static Task Update(HttpContext ctx, MigProjectStore store, byte[] body)
    {
        var id = Id(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: mig_project_id");
        var root = Reply.ParseObject(body);
        if (root is null || !WellTyped(root)) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        string? bad = null;
        var result = store.Update(id, p => bad = Apply(root, p), root["isdefault"]?.GetValue<bool>() == true);
        if (bad != null) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: " + bad);
        return result switch
        {
            MigProjectResult.NotFound => NotFound(ctx),
            MigProjectResult.NameTaken => NameTaken(ctx, root["name"]?.GetValue<string>() ?? string.Empty),
            _ => Reply.Empty(ctx, 200),
        };
    }

    public static Task SetDefault(HttpContext ctx, MigProjectStore store)
    {
        var id = Id(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: mig_project_id");
        return store.SetDefault(id) == MigProjectResult.NotFound ? NotFound(ctx) : Reply.Empty(ctx, 200);
    }

    public static Task Delete(HttpContext ctx, MigProjectStore store)
    {
        var id = Id(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: mig_project_id");
        return store.Delete(id) switch
        {
            MigProjectResult.NotFound => NotFound(ctx),
            MigProjectResult.DefaultNotDeletable => Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: mig_project_id (the default migration project cannot be deleted)"),
            MigProjectResult.HasServers => Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: mig_project_id (only projects that have no servers can be deleted)"),
            _ => Reply.Empty(ctx, 200),
        };
    }

    /// <summary>Every key is a MigProject field with its JSON type (null allowed).</summary>
    private static bool WellTyped(JsonObject root)
    {
        foreach (var (key, node) in root)
        {
            if (!Fields.TryGetValue(key, out var kind)) return false;
            if (node is null) continue;
            var actual = node.GetValueKind();
            if (kind == JsonValueKind.True ? actual is not (JsonValueKind.True or JsonValueKind.False) : actual != kind) return false;
            if (kind == JsonValueKind.Number && !(node is JsonValue v && v.TryGetValue<int>(out _))) return false;
        }
        return true;
    }

    /// <summary>Copies the given fields onto <paramref name="p"/>; returns the first field with a value the service refuses, or null.</summary>
    private static string? Apply(JsonObject root, SimMigProject p)
    {
        if (root["name"] is JsonValue n)
        {
            var name = n.GetValue<string>();
            if (!Name.IsMatch(name)) return "name";
            p.Name = name;
        }
        if (root["region"] is JsonValue r)
        {
            var region = r.GetValue<string>();
            if (region.Length == 0 || region.Length > 64) return "region";
            p.Region = region;
        }
        if (root["type"] is JsonValue t)
        {
            var type = t.GetValue<string>();
            if (type is not ("MIGRATE_BLOCK" or "MIGRATE_FILE")) return "type";
            p.Type = type;
        }
        if (root["description"] is JsonValue d)
        {
            var description = d.GetValue<string>();
            if (description.Length > 255) return "description";
            p.Description = description;
        }
        if (root["enterprise_project"] is JsonValue e) p.EnterpriseProject = e.GetValue<string>();
        if (root["exist_server"] is JsonValue es) p.ExistServer = es.GetValue<bool>();
        if (root["use_public_ip"] is JsonValue up) p.UsePublicIp = up.GetValue<bool>();
        if (root["syncing"] is JsonValue sy) p.Syncing = sy.GetValue<bool>();
        if (root["start_target_server"] is JsonValue st) p.StartTargetServer = st.GetValue<bool>();
        if (root["start_network_check"] is JsonValue nc) p.StartNetworkCheck = nc.GetValue<bool>();
        if (root["speed_limit"] is JsonValue sl)
        {
            var speed = sl.GetValue<int>();
            if (speed is < 0 or > 10000) return "speed_limit";
            p.SpeedLimit = speed;
        }
        return null;
    }

    private static Task NotFound(HttpContext ctx) => Reply.SmsError(ctx, 404, "SMS.0404", "The migration project does not exist.");

    private static Task NameTaken(HttpContext ctx, string name) =>
        Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: name (a migration project named '" + name + "' already exists)");

    private static string Id(HttpContext ctx) => ctx.Request.RouteValues["mig_project_id"] as string ?? string.Empty;

    private static bool ValidId(string id) => SmsEndpoints.ValidId(id);
}
