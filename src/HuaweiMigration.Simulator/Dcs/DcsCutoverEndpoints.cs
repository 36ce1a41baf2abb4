using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using HuaweiMigration.Simulator.Sms;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Dcs;

/// <summary>
/// exchange-ip, rollback-ip and logs. Both writes answer 204 with no body (ExchangeInstanceIpResponse and
/// RollbackExchangeInstanceIpResponse have no fields). Refusals: DCS.4133 unknown task, DCS.4957 not in this status
/// (the code the other DCS refusals use), DCS.4800 a body that is not IpExchangeRequest.
/// </summary>
internal static class DcsCutoverEndpoints
{
    public static Task ExchangeIp(HttpContext ctx, DcsStore store, byte[] body)
    {
        if (!DcsEndpoints.CheckProject(ctx, out var refusal)) return refusal;
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid migration task id.");
        var o = Reply.ParseObject(body);
        var ips = StringList(o?["exchanged_ip"]);
        if (o is null || ips is null || ips.Count == 0)
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid request body: exchanged_ip must be a list of IP addresses.");
        }
        if (o["is_exchange_domain"] is not JsonValue flag || !flag.TryGetValue<bool>(out var domain))
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid request body: is_exchange_domain must be true or false.");
        }
        if (o.Select(p => p.Key).Any(k => k is not ("exchanged_ip" or "is_exchange_domain")))
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid request body: unknown field.");
        }
        var (result, why) = store.ExchangeIp(id, ips, domain);
        return Answer(ctx, result, why);
    }

    public static Task RollbackIp(HttpContext ctx, DcsStore store)
    {
        if (!DcsEndpoints.CheckProject(ctx, out var refusal)) return refusal;
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid migration task id.");
        var (result, why) = store.RollbackIp(id);
        return Answer(ctx, result, why);
    }

    public static Task Logs(HttpContext ctx, DcsStore store)
    {
        if (!DcsEndpoints.CheckProject(ctx, out var refusal)) return refusal;
        var id = TaskId(ctx);
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid migration task id.");
        var q = ctx.Request.Query;
        if (!SmsEndpoints.TryRange(q["limit"], 10, 1, 100, out var limit)) return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid parameter: limit");
        if (!SmsEndpoints.TryRange(q["offset"], 0, 0, int.MaxValue, out var offset)) return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid parameter: offset");
        var page = store.Logs(id, q["log_level"].ToString(), offset, limit);
        if (page is null) return Reply.DcsError(ctx, 400, "DCS.4133", "The migration task does not exist.");
        return Reply.Json(ctx, 200, new JsonObject { ["log_num"] = page.Value.Count, ["migration_logs"] = new JsonArray(page.Value.Page.ToArray<JsonNode?>()) });
    }

    private static Task Answer(HttpContext ctx, DcsExchangeResult result, string? why) => result switch
    {
        DcsExchangeResult.Accepted => NoContent(ctx),
        DcsExchangeResult.NotFound => Reply.DcsError(ctx, 400, "DCS.4133", "The migration task does not exist."),
        DcsExchangeResult.BadIps => Reply.DcsError(ctx, 400, "DCS.4800", why!),
        _ => Reply.DcsError(ctx, 400, "DCS.4957", why!),
    };

    private static Task NoContent(HttpContext ctx)
    {
        ctx.Response.StatusCode = 204;
        return Task.CompletedTask;
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

    private static string TaskId(HttpContext ctx) => ctx.Request.RouteValues["task_id"] as string ?? string.Empty;

    private static bool ValidId(string id) => id.Length is >= 1 and <= 64;
}
