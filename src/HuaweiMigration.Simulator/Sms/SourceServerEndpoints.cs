using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// Changes to source servers: PUT /v3/sources/{id} (UpdateServerName: rename, move to another migration project),
/// DELETE /v3/sources/{id} (DeleteServer) and POST /v3/sources/delete (DeleteServers, 1 to 50 ids, all or none). A
/// server that still has a task is not deleted: 400 SMS.2015, the code SMS's error table gives for tasks that cannot
/// be deleted, the closest documented one (no code is documented for this case).
/// </summary>
internal static class SourceServerEndpoints
{
    private static readonly string[] PutFields = { "name", "migprojectid", "disks", "volume_groups" };

    /// <summary>PUT /v3/sources/{source_id}: PutSourceServerBody; disks and volume groups are accepted and ignored.</summary>
    public static Task Update(HttpContext ctx, SmsStore store, byte[] body)
    {
        var id = SourceId(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: source_id");
        var root = Reply.ParseObject(body);
        if (root is null || root.Any(p => !PutFields.Contains(p.Key))) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        string? name = null;
        if (root.TryGetPropertyValue("name", out var n))
        {
            if (n is not JsonValue nv || !nv.TryGetValue<string>(out var text) || text.Length is < 1 or > 255) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: name");
            name = text;
        }
        string? project = null;
        if (root.TryGetPropertyValue("migprojectid", out var m))
        {
            if (m is not JsonValue mv || !mv.TryGetValue<string>(out var text) || !store.MigProjectExists(text)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: migprojectid");
            project = text;
        }
        foreach (var key in new[] { "disks", "volume_groups" })
        {
            if (root.TryGetPropertyValue(key, out var list) && list is not null && list.GetValueKind() != JsonValueKind.Array) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        }
        return store.UpdateSource(id, name, project) ? Reply.Empty(ctx, 200) : NotFound(ctx);
    }

    /// <summary>DELETE /v3/sources/{source_id}.</summary>
    public static Task Delete(HttpContext ctx, SmsStore store)
    {
        var id = SourceId(ctx);
        if (!ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: source_id");
        return DeleteIds(ctx, store, new[] { id });
    }

    /// <summary>POST /v3/sources/delete {"ids": [...]}: 1 to 50 ids.</summary>
    public static Task BatchDelete(HttpContext ctx, SmsStore store, byte[] body)
    {
        if (!SmsEndpoints.TryReadIds(body, 50, onlyIds: true, out var ids)) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        return DeleteIds(ctx, store, ids);
    }

    private static Task DeleteIds(HttpContext ctx, SmsStore store, IReadOnlyList<string> ids)
    {
        var (result, id, taskId) = store.DeleteSources(ids);
        return result switch
        {
            SmsActionResult.Accepted => Reply.Empty(ctx, 200),
            SmsActionResult.NotFound => NotFound(ctx),
            _ => Reply.SmsError(ctx, 400, "SMS.2015", $"The source server {id} has a migration task ({taskId}); delete the task first."),
        };
    }

    private static Task NotFound(HttpContext ctx) => Reply.SmsError(ctx, 404, "SMS.0404", "The source server does not exist.");

    private static string SourceId(HttpContext ctx) => ctx.Request.RouteValues["source_id"] as string ?? string.Empty;

    private static bool ValidId(string id) => SmsEndpoints.ValidId(id);
}
