using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Dcs;

/// <summary>
/// <c>POST /_sim/dcs/fail-named</c> <c>{"name", "atCreation", "message"}</c>: seeds a failure for a DCS migration task
/// not made yet (<see cref="DcsStore.FailTaskNamed"/>), so a script can plant a failure that no check can see before a
/// plan makes its tasks (Set-SimDcsFailure -Name). Unknown fields are refused.
/// </summary>
internal static class DcsFailNamedControlApi
{
    private static readonly string[] Fields = { "name", "atCreation", "message" };

    public static void Map(SimulatorState state, Action<string, string, Func<HttpContext, Task>> map)
    {
        map("POST", "/_sim/dcs/fail-named", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx));
            if (o is null) return Reply.Error(ctx, 400, "SIM.0400", "The body must be a JSON object: {\"name\": ..., \"atCreation\": false, \"message\": ...}.");
            if (o.Select(p => p.Key).FirstOrDefault(k => !Fields.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                return Reply.Error(ctx, 400, "SIM.0400", "Unknown field '" + unknown + "'; the fields are " + string.Join(", ", Fields) + ".");
            }
            try
            {
                var name = Text(o, "name");
                if (string.IsNullOrEmpty(name)) return Reply.Error(ctx, 400, "SIM.0400", "'name' is required: the name of the task to fail once it is made.");
                var atCreation = Value(o, "atCreation")?.GetValue<bool>() ?? false;
                var message = Text(o, "message");
                if (message is null) state.Dcs.FailTaskNamed(name, atCreation); else state.Dcs.FailTaskNamed(name, atCreation, message);
                return Reply.Json(ctx, 200, new JsonObject { ["name"] = name, ["atCreation"] = atCreation });
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
        });
    }

    private static JsonNode? Value(JsonObject o, string name) =>
        o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonObject o, string name) => Value(o, name)?.GetValue<string>();
}
