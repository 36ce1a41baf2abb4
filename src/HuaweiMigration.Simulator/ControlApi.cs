using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using HuaweiMigration.Simulator.Sms;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator;

/// <summary>
/// Unauthenticated test hooks under /_sim for scripts and Pester. JSON property names are camelCase and read
/// case-insensitively; durations are "hh:mm:ss[.fff]" strings or numbers of seconds.
/// </summary>
internal static class ControlApi
{
    public static void Map(SimulatorState state, Action<string, string, Func<HttpContext, Task>> map)
    {
        // Who answers: the helper checks that the process it started is the one on the port (never another simulator).
        map("GET", "/_sim/info", ctx => Reply.Json(ctx, 200, new JsonObject
        {
            ["instanceId"] = state.Options.InstanceId,
            ["pid"] = Environment.ProcessId,
        }));
        map("GET", "/_sim/requests", ctx => Reply.Json(ctx, 200, new JsonArray(state.Requests.Select(r => (JsonNode?)ToJson(r)).ToArray())));
        map("DELETE", "/_sim/requests", ctx =>
        {
            state.ClearRequests();
            return Reply.Json(ctx, 200, new JsonObject());
        });
        map("POST", "/_sim/faults", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx));
            FaultRule rule;
            try
            {
                rule = ParseFault(o ?? throw new FormatException("The body must be a JSON object."));
                state.AddFault(rule);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or OverflowException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
            return Reply.Json(ctx, 200, new JsonObject { ["added"] = rule.ToString() });
        });
        map("DELETE", "/_sim/faults", ctx =>
        {
            state.ClearFaults();
            return Reply.Json(ctx, 200, new JsonObject());
        });
        map("POST", "/_sim/seed", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            try
            {
                state.Reseed(Int(Get(o, "smsTasks")), Int(Get(o, "dcsTasks")));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
            return Reply.Json(ctx, 200, new JsonObject { ["smsTasks"] = state.Sms.Count, ["dcsTasks"] = state.Dcs.Count });
        });
        map("GET", "/_sim/timings", ctx => Reply.Json(ctx, 200, TimingsJson(state.Timings)));
        map("PUT", "/_sim/timings", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx));
            if (o is null) return Reply.Error(ctx, 400, "SIM.0400", "The body must be a JSON object.");
            try
            {
                // Every value is read and checked before any is applied: a refused body changes nothing.
                Known(o, TimingFields);
                var t = state.Timings;
                var startDelay = Delay(o, "startDelay") ?? t.StartDelay;
                var stopToAbort = Delay(o, "stopToAbort") ?? t.StopToAbort;
                var deleteToGone = Delay(o, "deleteToGone") ?? t.DeleteToGone;
                var runningToFinish = Delay(o, "runningToFinish") ?? t.RunningToFinish;
                var dcsStopToTerminated = Delay(o, "dcsStopToTerminated") ?? t.DcsStopToTerminated;
                var dcsCreating = Delay(o, "dcsCreating") ?? t.DcsCreating;
                var dcsMigrationStep = Delay(o, "dcsMigrationStep") ?? t.DcsMigrationStep;
                var networkCheckDelay = Delay(o, "networkCheckDelay") ?? t.NetworkCheckDelay;
                var launchDelay = Delay(o, "launchDelay") ?? t.LaunchDelay;
                var dcsExchangeDelay = Delay(o, "dcsExchangeDelay") ?? t.DcsExchangeDelay;
                var latency = Delay(o, "latency") ?? state.Latency;
                (t.StartDelay, t.StopToAbort, t.DeleteToGone, t.RunningToFinish, t.DcsStopToTerminated, t.NetworkCheckDelay, t.LaunchDelay, state.Latency) =
                    (startDelay, stopToAbort, deleteToGone, runningToFinish, dcsStopToTerminated, networkCheckDelay, launchDelay, latency);
                t.DcsExchangeDelay = dcsExchangeDelay;
                (t.DcsCreating, t.DcsMigrationStep) = (dcsCreating, dcsMigrationStep);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or OverflowException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
            return Reply.Json(ctx, 200, TimingsJson(state.Timings));
        });
        map("GET", "/_sim/behaviour", ctx => Reply.Json(ctx, 200, BehaviourJson(state.Behaviour)));
        map("PUT", "/_sim/behaviour", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx));
            if (o is null) return Reply.Error(ctx, 400, "SIM.0400", "The body must be a JSON object.");
            try
            {
                if (Get(o, "dcsBatchErrorFields") is JsonNode b) state.Behaviour.DcsBatchErrorFields = b.GetValue<bool>();
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
            return Reply.Json(ctx, 200, BehaviourJson(state.Behaviour));
        });
        map("POST", "/_sim/tokens/expire", ctx =>
        {
            state.ExpireAllTokens();
            return Reply.Json(ctx, 200, new JsonObject());
        });
        map("POST", "/_sim/sms/tasks", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            string id;
            try
            {
                Known(o, SmsTaskFields);
                var failLaunches = Get(o, "failLaunches") is JsonNode f ? LaunchOperations(f, "failLaunches") : null;
                var progress = Get(o, "progress") is JsonNode pr ? pr.GetValue<double>() : (double?)null;
                SmsTaskSource? source = null;
                if (Get(o, "sourceServer") is JsonNode sn)
                {
                    var so = sn as JsonObject ?? throw new FormatException("'sourceServer' is an object: {\"id\": ..., \"name\": ..., \"ip\": ...}, each optional.");
                    Known(so, SourceServerFields);
                    source = new SmsTaskSource(Str(Get(so, "id")), Str(Get(so, "name")), Str(Get(so, "ip")));
                }
                id = state.Sms.Add(Str(Get(o, "name")), Str(Get(o, "state")), Get(o, "failOnStart")?.GetValue<bool>() ?? false, failLaunches, progress, source);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id });
        });
        // Which launches of a task end in their failure state: {"operations": ["cutover", "clear"]}, "*" for all;
        // an empty list, or DELETE, makes them all succeed again.
        map("GET", "/_sim/sms/tasks/{task_id}/launch-failure", ctx =>
        {
            var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
            var operations = state.Sms.GetLaunchFailures(id);
            return operations is null ? Reply.Error(ctx, 404, "SIM.0404", "No such SMS task.") : Reply.Json(ctx, 200, LaunchFailureJson(id, operations));
        });
        map("POST", "/_sim/sms/tasks/{task_id}/launch-failure", ctx =>
        {
            var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
            var o = Reply.ParseObject(Pipeline.Body(ctx));
            if (o is null) return Reply.Error(ctx, 400, "SIM.0400", "The body must be a JSON object: {\"operations\": [...]}.");
            if (state.Sms.GetState(id) is null) return Reply.Error(ctx, 404, "SIM.0404", "No such SMS task.");
            try
            {
                Known(o, LaunchFailureFields);
                var operations = LaunchOperations(Get(o, "operations") ?? throw new FormatException("'operations' is required: a list of " + LaunchWords + "."), "operations");
                state.Sms.SetLaunchFailures(id, operations);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
            catch (KeyNotFoundException)
            {
                return Reply.Error(ctx, 404, "SIM.0404", "No such SMS task.");
            }
            return Reply.Json(ctx, 200, LaunchFailureJson(id, state.Sms.GetLaunchFailures(id) ?? Array.Empty<string>()));
        });
        map("DELETE", "/_sim/sms/tasks/{task_id}/launch-failure", ctx =>
        {
            var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
            try
            {
                state.Sms.SetLaunchFailures(id, Array.Empty<string>());
            }
            catch (KeyNotFoundException)
            {
                return Reply.Error(ctx, 404, "SIM.0404", "No such SMS task.");
            }
            return Reply.Json(ctx, 200, LaunchFailureJson(id, Array.Empty<string>()));
        });
        // Registers source servers with no task: {"count", "name", "connected", "state", "osType", "dataDisks": [GB...],
        // "initTarget": false (an empty init_target_server), "migProjectId"}, each optional; answers {"ids"}.
        map("POST", "/_sim/sms/sources", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            var ids = new JsonArray();
            try
            {
                Known(o, SourceServerAddFields);
                var count = Int(Get(o, "count")) ?? 1;
                if (count < 1 || count > SimulatorOptions.MaxSeed) throw new FormatException("count must be between 1 and " + SimulatorOptions.MaxSeed + ".");
                var disks = Get(o, "dataDisks") is JsonNode d
                    ? (d as JsonArray ?? throw new FormatException("'dataDisks' is a list of sizes in GB.")).Select(n => n?.GetValue<long>() ?? throw new FormatException("'dataDisks' is a list of sizes in GB.")).ToList()
                    : null;
                for (var i = 0; i < count; i++)
                {
                    ids.Add(state.Sms.AddSourceServer(count == 1 ? Str(Get(o, "name")) : null, Get(o, "connected")?.GetValue<bool>() ?? true, Str(Get(o, "state")),
                        Str(Get(o, "osType")), disks, Get(o, "initTarget")?.GetValue<bool>() ?? true, Str(Get(o, "migProjectId"))));
                }
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                return Reply.Error(ctx, 400, "SIM.0400", ex.Message);
            }
            return Reply.Json(ctx, 200, new JsonObject { ["ids"] = ids });
        });
        map("PUT", "/_sim/sms/tasks/{task_id}", ctx =>
        {
            var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            if (state.Sms.GetState(id) is null) return Reply.Error(ctx, 404, "SIM.0404", "No such SMS task.");
            if (Str(Get(o, "state")) is string s) state.Sms.SetState(id, s);
            if (Get(o, "failOnStart") is JsonNode f) state.Sms.SetFailOnStart(id, f.GetValue<bool>());
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id, ["state"] = state.Sms.GetState(id) });
        });
        map("POST", "/_sim/dcs/tasks", ctx =>
        {
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            var id = state.Dcs.Add(Str(Get(o, "name")), Str(Get(o, "status")));
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id });
        });
        map("POST", "/_sim/dcs/tasks/{task_id}/logs", ctx =>
        {
            var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            if (state.Dcs.GetState(id) is null) return Reply.Error(ctx, 404, "SIM.0404", "No such DCS task.");
            state.Dcs.AddLogs(id, Get(o, "count") is JsonNode n ? n.GetValue<int>() : 1);
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id });
        });
        map("PUT", "/_sim/dcs/tasks/{task_id}", ctx =>
        {
            var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
            var o = Reply.ParseObject(Pipeline.Body(ctx)) ?? new JsonObject();
            if (state.Dcs.GetState(id) is null) return Reply.Error(ctx, 404, "SIM.0404", "No such DCS task.");
            if (Str(Get(o, "status")) is string s) state.Dcs.SetState(id, s);
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id, ["status"] = state.Dcs.GetState(id) });
        });
    }

    private static JsonObject ToJson(RecordedRequest r)
    {
        var query = new JsonObject();
        foreach (var pair in r.Query) query[pair.Key] = pair.Value;
        return new JsonObject
        {
            ["sequence"] = r.Sequence,
            ["timestamp"] = r.Timestamp.ToString("O", CultureInfo.InvariantCulture),
            ["method"] = r.Method,
            ["path"] = r.Path,
            ["queryString"] = r.QueryString,
            ["query"] = query,
            ["body"] = r.Body,
            ["statusCode"] = r.StatusCode,
            ["authKind"] = r.AuthKind,
            ["authValid"] = r.AuthValid,
            ["accessKey"] = r.AccessKey,
            ["requestId"] = r.RequestId,
            ["fault"] = r.Fault,
        };
    }

    private static JsonObject TimingsJson(SimulatorTimings t) => new()
    {
        ["startDelay"] = t.StartDelay.ToString("c", CultureInfo.InvariantCulture),
        ["stopToAbort"] = t.StopToAbort.ToString("c", CultureInfo.InvariantCulture),
        ["networkCheckDelay"] = t.NetworkCheckDelay.ToString("c", CultureInfo.InvariantCulture),
        ["launchDelay"] = t.LaunchDelay.ToString("c", CultureInfo.InvariantCulture),
        ["deleteToGone"] = t.DeleteToGone.ToString("c", CultureInfo.InvariantCulture),
        ["runningToFinish"] = t.RunningToFinish.ToString("c", CultureInfo.InvariantCulture),
        ["dcsStopToTerminated"] = t.DcsStopToTerminated.ToString("c", CultureInfo.InvariantCulture),
        ["dcsExchangeDelay"] = t.DcsExchangeDelay.ToString("c", CultureInfo.InvariantCulture),
        ["dcsCreating"] = t.DcsCreating.ToString("c", CultureInfo.InvariantCulture),
        ["dcsMigrationStep"] = t.DcsMigrationStep.ToString("c", CultureInfo.InvariantCulture),
    };

    private static JsonObject LaunchFailureJson(string id, IReadOnlyList<string> operations) =>
        new() { ["id"] = id, ["operations"] = new JsonArray(operations.Select(o => (JsonNode?)o).ToArray()) };

    private static readonly string[] LaunchFailureFields = { "operations" };
    private static readonly string[] SmsTaskFields = { "name", "state", "failOnStart", "failLaunches", "progress", "sourceServer" };
    private static readonly string[] SourceServerFields = { "id", "name", "ip" };
    private static readonly string[] SourceServerAddFields = { "count", "name", "connected", "state", "osType", "dataDisks", "initTarget", "migProjectId" };

    private static readonly string LaunchWords = string.Join(", ", SmsLaunch.Operations) + " or \"" + SmsLaunch.Every + "\"";

    /// <summary>A JSON list of launch operation words; the words themselves are checked by the store.</summary>
    private static List<string> LaunchOperations(JsonNode node, string name)
    {
        if (node is not JsonArray array) throw new FormatException($"'{name}' must be a list of {LaunchWords}.");
        return array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"'{name}' must be a list of {LaunchWords}, not {n?.ToJsonString() ?? "null"}.")).ToList();
    }

    private static JsonObject BehaviourJson(SimulatorBehaviour b) => new() { ["dcsBatchErrorFields"] = b.DcsBatchErrorFields };

    private static readonly string[] TimingFields =
        { "startDelay", "stopToAbort", "deleteToGone", "runningToFinish", "dcsStopToTerminated", "dcsCreating", "dcsMigrationStep", "networkCheckDelay", "launchDelay", "dcsExchangeDelay", "latency" };

    /// <summary>Every field of a fault, as documented (README, about_HuaweiMigration); anything else is refused, never ignored.</summary>
    private static readonly string[] FaultFields =
    {
        "kind", "method", "pathPattern", "count", "probability", "statusCode", "errorCode", "errorMessage", "retryAfter", "delay",
        "failuresBeforeSuccess", "location", "sizeBytes", "declareLength", "countOffset",
    };

    private static FaultRule ParseFault(JsonObject o)
    {
        Known(o, FaultFields);
        var kindText = Str(Get(o, "kind")) ?? throw new FormatException("'kind' is required (" + string.Join(", ", Enum.GetNames<FaultKind>()) + ").");
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
        {
            throw new FormatException($"Unknown fault kind '{kindText}' (" + string.Join(", ", Enum.GetNames<FaultKind>()) + ").");
        }
        var rule = new FaultRule
        {
            Kind = kind,
            Method = Str(Get(o, "method")),
            PathPattern = Str(Get(o, "pathPattern")),
            Count = Int(Get(o, "count")) ?? 1,
            Probability = Get(o, "probability")?.GetValue<double>() ?? 1.0,
            StatusCode = Int(Get(o, "statusCode")) ?? 0,
            ErrorCode = Str(Get(o, "errorCode")),
            ErrorMessage = Str(Get(o, "errorMessage")),
            RetryAfter = NonNegative(Duration(Get(o, "retryAfter")), "retryAfter"),
            Delay = Delay(o, "delay") ?? TimeSpan.Zero,
            FailuresBeforeSuccess = Int(Get(o, "failuresBeforeSuccess")) ?? 0,
            Location = Get(o, "location") is JsonNode location ? Str(location) ?? throw new FormatException("'location' must be a string.") : null,
            SizeBytes = Get(o, "sizeBytes")?.GetValue<long>() ?? 0,
            DeclareLength = Get(o, "declareLength")?.GetValue<bool>() ?? false,
            CountOffset = Int(Get(o, "countOffset")) ?? 0,
        };
        return rule; // checked by FaultStore.Add (FaultRule.Validate), for in-process callers too
    }

    /// <summary>Refuses a field this call does not have (a typo such as "sizebyte" would otherwise be ignored in silence).</summary>
    private static void Known(JsonObject o, string[] fields)
    {
        foreach (var (name, _) in o)
        {
            if (!fields.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"Unknown field '{name}'; the fields are {string.Join(", ", fields)}.");
            }
        }
    }

    /// <summary>A state-machine or fault delay: 0 to a day (a negative one would fire at once, or throw later).</summary>
    private static TimeSpan? Delay(JsonObject o, string name)
    {
        var value = NonNegative(Duration(Get(o, name)), name);
        return value > FaultRule.MaxDelay ? throw new ArgumentException($"'{name}' must be at most {FaultRule.MaxDelay} (was {value}).") : value;
    }

    private static TimeSpan? NonNegative(TimeSpan? value, string name) =>
        value < TimeSpan.Zero ? throw new ArgumentException($"'{name}' must not be negative (was {value}).") : value;

    private static JsonNode? Get(JsonObject o, string name) =>
        o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonNode? node) => node is null ? null : node.GetValue<int>();

    private static TimeSpan? Duration(JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonValue v) throw new FormatException("A duration is a \"hh:mm:ss[.fff]\" string or a number of seconds, not " + node.ToJsonString() + ".");
        if (v.TryGetValue<string>(out var s)) return TimeSpan.Parse(s, CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(v.GetValue<double>());
    }
}
