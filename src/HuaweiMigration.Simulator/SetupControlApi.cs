using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator;

/// <summary>
/// Test control of what a wave is set up with: <c>POST /_sim/sms/migprojects</c> adds a migration project and
/// <c>POST /_sim/sms/templates</c> a template, each answering <c>{"id"}</c> (Add-SimSmsMigrationProject, Add-SimSmsTemplate).
/// Unknown fields are refused, so a misspelt one is not silently ignored.
/// </summary>
internal static class SetupControlApi
{
    private static readonly string[] ProjectFields =
    {
        "name", "region", "type", "isDefault", "description", "enterpriseProject", "existServer", "usePublicIp", "syncing",
        "startTargetServer", "startNetworkCheck", "speedLimit",
    };

    private static readonly string[] TemplateFields = { "name", "region", "availabilityZone", "flavor", "targetPassword", "isTemplate", "vpc", "nic", "securityGroup" };

    public static void Map(SimulatorState state, Action<string, string, Func<HttpContext, Task>> map)
    {
        map("POST", "/_sim/sms/migprojects", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            if (Unknown(o, ProjectFields) is { } unknown) return Reply.Error(ctx, 400, "SIM.0400", "Unknown field '" + unknown + "'; the fields are " + string.Join(", ", ProjectFields) + ".");
            var id = state.Sms.Projects.Add(
                Str(o, "name") ?? "project-" + (state.Sms.Projects.Ids.Count + 1),
                Str(o, "region") ?? "ap-southeast-1",
                Str(o, "type") ?? "MIGRATE_BLOCK",
                Bool(o, "isDefault") ?? false,
                Str(o, "description") ?? string.Empty,
                Bool(o, "existServer") ?? false,
                Bool(o, "usePublicIp") ?? true,
                Bool(o, "syncing") ?? false,
                Bool(o, "startTargetServer") ?? false,
                Bool(o, "startNetworkCheck") ?? false,
                o["speedLimit"]?.GetValue<int>() ?? 0,
                Str(o, "enterpriseProject") ?? "0");
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id });
        });
        map("POST", "/_sim/sms/templates", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            if (Unknown(o, TemplateFields) is { } unknown) return Reply.Error(ctx, 400, "SIM.0400", "Unknown field '" + unknown + "'; the fields are " + string.Join(", ", TemplateFields) + ".");
            var id = state.Sms.Templates.Add(
                Str(o, "name") ?? "template-" + (state.Sms.Templates.Ids.Count + 1),
                Str(o, "region") ?? "ap-southeast-1",
                Str(o, "availabilityZone") ?? "ap-southeast-1a",
                Str(o, "flavor") ?? "s6.large.2",
                Str(o, "targetPassword") ?? string.Empty,
                Bool(o, "isTemplate") ?? true,
                Bool(o, "vpc") ?? true,
                Bool(o, "nic") ?? true,
                Bool(o, "securityGroup") ?? true);
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id });
        });
    }

    private static string? Unknown(JsonObject o, string[] fields) => o.Select(p => p.Key).FirstOrDefault(k => !fields.Contains(k, StringComparer.Ordinal));

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
