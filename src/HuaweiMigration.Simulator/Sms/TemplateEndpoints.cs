using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// SMS templates (<c>/v3/vm/templates</c>): list (filters name loosely, availability_zone, region, id; limit 50 by
/// default), show (wrapped in <c>template</c>), create and update (wrapped the same way; TemplateRequest's fields and
/// types only, the parts' required keys, a name on create), delete one, delete many (all or none).
/// </summary>
internal static class TemplateEndpoints
{
    private const JsonValueKind Bool = JsonValueKind.True;
    private const JsonValueKind Text = JsonValueKind.String;
    private const JsonValueKind Int = JsonValueKind.Number;

    private static readonly Dictionary<string, JsonValueKind> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = Text, ["is_template"] = Bool, ["region"] = Text, ["projectid"] = Text, ["target_server_name"] = Text,
        ["target_password"] = Text, ["availability_zone"] = Text, ["volumetype"] = Text, ["data_volume_type"] = Text,
        ["flavor"] = Text, ["image_id"] = Text,
        ["vpc"] = JsonValueKind.Object, ["publicip"] = JsonValueKind.Object,
        ["nics"] = JsonValueKind.Array, ["security_groups"] = JsonValueKind.Array, ["disk"] = JsonValueKind.Array,
    };

    /// <summary>The parts' fields: (type, required).</summary>
    private static readonly Dictionary<string, Dictionary<string, (JsonValueKind Kind, bool Required)>> Parts = new(StringComparer.Ordinal)
    {
        ["vpc"] = new() { ["id"] = (Text, false), ["name"] = (Text, false), ["cidr"] = (Text, false) },
        ["nics"] = new() { ["id"] = (Text, true), ["name"] = (Text, true), ["cidr"] = (Text, true), ["ip"] = (Text, false) },
        ["security_groups"] = new() { ["id"] = (Text, true), ["name"] = (Text, true) },
        ["publicip"] = new() { ["type"] = (Text, true), ["bandwidth_size"] = (Int, true), ["bandwidth_share_type"] = (Text, false) },
        ["disk"] = new()
        {
            ["index"] = (Int, true), ["name"] = (Text, true), ["disktype"] = (Text, true), ["size"] = (Int, true),
            ["id"] = (Int, false), ["device_use"] = (Text, false),
        },
    };

    private static readonly System.Text.RegularExpressions.Regex Name = new(@"^[\p{L}\p{Nd}_-]{1,255}\z");

    public static Task List(HttpContext ctx, TemplateStore store)
    {
        var q = ctx.Request.Query;
        if (!SmsEndpoints.TryRange(q["limit"], 50, 0, 100, out var limit)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: limit");
        if (limit == 0) limit = 50;
        if (!SmsEndpoints.TryRange(q["offset"], 0, 0, 65535, out var offset)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: offset");
        var name = q["name"].ToString();
        var zone = q["availability_zone"].ToString();
        var region = q["region"].ToString();
        var id = q["id"].ToString();
        var (count, page) = store.List(t =>
            (name.Length == 0 || Str(t, "name").Contains(name, StringComparison.OrdinalIgnoreCase)) &&
            (zone.Length == 0 || Str(t, "availability_zone") == zone) &&
            (region.Length == 0 || Str(t, "region") == region) &&
            (id.Length == 0 || Str(t, "id") == id),
            offset, limit);
        return Reply.Json(ctx, 200, new JsonObject { ["count"] = count, ["templates"] = new JsonArray(page.ToArray<JsonNode?>()) });
    }

    public static Task Show(HttpContext ctx, TemplateStore store)
    {
        var id = Id(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: id");
        var template = store.Show(id);
        return template is null ? NotFound(ctx) : Reply.Json(ctx, 200, new JsonObject { ["template"] = template });
    }

    public static Task Create(HttpContext ctx, TemplateStore store, byte[] body)
    {
        if (Template(body) is not { } template) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        if (Refusal(template, creating: true) is { } bad) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: " + bad);
        var id = store.Create(template, Str(template, "target_password"));
        return Reply.Json(ctx, 200, new JsonObject { ["id"] = id });
    }

    public static Task Update(HttpContext ctx, TemplateStore store, byte[] body)
    {
        var id = Id(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: id");
        if (Template(body) is not { } template) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        if (Refusal(template, creating: false) is { } bad) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: " + bad);
        var password = template["target_password"] is JsonValue ? Str(template, "target_password") : null;
        return store.Update(id, template, password) ? Reply.Empty(ctx, 200) : NotFound(ctx);
    }

    public static Task Delete(HttpContext ctx, TemplateStore store)
    {
        var id = Id(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: id");
        return store.Delete(new[] { id }) ? Reply.Empty(ctx, 200) : NotFound(ctx);
    }

    public static Task BatchDelete(HttpContext ctx, TemplateStore store, byte[] body)
    {
        if (!SmsEndpoints.TryReadIds(body, null, onlyIds: true, out var ids)) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        return store.Delete(ids) ? Reply.Empty(ctx, 200) : NotFound(ctx);
    }

    /// <summary>The template of a <c>{"template": {...}}</c> body, or null when the envelope is not that.</summary>
    private static JsonObject? Template(byte[] body)
    {
        var root = Reply.ParseObject(body);
        return root is { Count: 1 } && root["template"] is JsonObject template ? template : null;
    }

    /// <summary>The first field the service refuses (unknown, wrong type, a part's missing required key, a bad name), or null.</summary>
    private static string? Refusal(JsonObject template, bool creating)
    {
        foreach (var (key, node) in template)
        {
            if (!Fields.TryGetValue(key, out var kind)) return key;
            if (node is null) continue;
            if (!Is(node, kind)) return key;
            if (Parts.TryGetValue(key, out var part))
            {
                var items = node is JsonArray array ? array.ToList() : new List<JsonNode?> { node };
                foreach (var item in items)
                {
                    if (item is not JsonObject o) return key;
                    foreach (var (field, value) in o)
                    {
                        if (!part.TryGetValue(field, out var spec) || (value is not null && !Is(value, spec.Kind))) return key + "." + field;
                    }
                    foreach (var (field, spec) in part)
                    {
                        if (spec.Required && o[field] is null) return key + "." + field;
                    }
                }
            }
        }
        if (template["name"] is null) return creating ? "name" : "name (TemplateRequest requires it)";
        if (!Name.IsMatch(Str(template, "name"))) return "name";
        return null;
    }

    private static bool Is(JsonNode node, JsonValueKind kind)
    {
        var actual = node.GetValueKind();
        if (kind == Bool) return actual is JsonValueKind.True or JsonValueKind.False;
        if (kind == Int) return actual == JsonValueKind.Number && node is JsonValue v && v.TryGetValue<long>(out _);
        return actual == kind;
    }

    private static string Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;

    private static Task NotFound(HttpContext ctx) => Reply.SmsError(ctx, 404, "SMS.0404", "The template does not exist.");

    private static string Id(HttpContext ctx) => ctx.Request.RouteValues["id"] as string ?? string.Empty;

    private static bool ValidId(string id) => SmsEndpoints.ValidId(id);
}
