using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Dcs;

/// <summary>
/// Creating DCS migrations (sdk-shapes.json): CreateMigrationTask (backup-file import), CreateOnlineMigrationTask
/// (the migration machine), SetOnlineMigrationTask (its configuration, once it is RUNNING) and UpdateMigrationTask
/// (the resume mode). Bodies are checked as the service would: a missing or ill-typed field is DCS.4800. Passwords
/// are read only to know one was given; never kept, logged or answered.
/// </summary>
internal static class DcsCreateEndpoints
{
    private static readonly Regex Address = new(@"\A[A-Za-z0-9.\-]{1,253}:[0-9]{1,5}\z", RegexOptions.CultureInvariant);

    /// <summary>POST /v2/{project_id}/migration-task: CreateMigrationTaskBody → {id, name, status}.</summary>
    public static Task CreateBackupImport(HttpContext ctx, DcsStore store, byte[] body)
    {
        if (!DcsEndpoints.CheckProject(ctx, out var refusal)) return refusal;
        var o = Reply.ParseObject(body);
        if (o is null) return Invalid(ctx, "body");
        var name = Str(o, "task_name");
        if (!ValidName(name)) return Invalid(ctx, "task_name");
        if (Str(o, "migration_type") != "backupfile_import")
        {
            return Reply.DcsError(ctx, 400, "DCS.4800", "Invalid parameter: migration_type (only backupfile_import is simulated on this route; online migrations use /migration/instance)");
        }
        if (Str(o, "migration_method") != "full_amount_migration") return Invalid(ctx, "migration_method");
        if (o["target_instance"] is not JsonObject target || !ValidId(Str(target, "id"))) return Invalid(ctx, "target_instance.id");
        if (o["backup_files"] is not JsonObject files || files["files"] is not JsonArray list) return Invalid(ctx, "backup_files.files");
        var backupId = Str(files, "backup_id");
        var bucket = Str(files, "bucket_name");
        var fileNames = list.Select(f => f is JsonObject fo ? Str(fo, "file_name") : null).ToList();
        if (fileNames.Any(string.IsNullOrEmpty)) return Invalid(ctx, "backup_files.files.file_name");
        var byFiles = !string.IsNullOrEmpty(bucket) && fileNames.Count > 0 && Str(files, "file_source") == "self_build_obs";
        var byBackup = ValidId(backupId) && fileNames.Count == 0 && bucket is null;
        if (byFiles == byBackup) return Invalid(ctx, "backup_files (bucket_name and files, or backup_id)");
        var kept = new JsonObject { ["file_source"] = byFiles ? "self_build_obs" : null, ["bucket_name"] = bucket, ["backup_id"] = backupId };
        kept["files"] = new JsonArray(fileNames.Select(n => (JsonNode?)new JsonObject { ["file_name"] = n, ["size"] = "1048576", ["update_at"] = Reply.DcsTime(DateTime.UtcNow) }).ToArray());
        var answer = store.CreateBackupImport(name!, Str(target, "id")!, !string.IsNullOrEmpty(Str(target, "password")), kept);
        return Reply.Json(ctx, 200, answer);
    }

    /// <summary>POST /v2/{project_id}/migration/instance: CreateOnlineMigrationTaskBody → {instance_id} (the task id).</summary>
    public static Task CreateOnline(HttpContext ctx, DcsStore store, byte[] body)
    {
        if (!DcsEndpoints.CheckProject(ctx, out var refusal)) return refusal;
        var o = Reply.ParseObject(body);
        if (o is null) return Invalid(ctx, "body");
        var name = Str(o, "name");
        if (!ValidName(name)) return Invalid(ctx, "name");
        foreach (var field in new[] { "vpc_id", "subnet_id", "security_group_id" })
        {
            if (!ValidId(Str(o, field))) return Invalid(ctx, field);
        }
        var id = store.CreateOnline(name!, Str(o, "description") ?? string.Empty, Str(o, "vpc_id")!, Str(o, "subnet_id")!, Str(o, "security_group_id")!);
        return Reply.Json(ctx, 200, new JsonObject { ["instance_id"] = id });
    }

    /// <summary>POST /v2/{project_id}/migration/{task_id}/task: SetOnlineMigrationTaskBody → {id, name, status}.</summary>
    public static Task Configure(HttpContext ctx, DcsStore store, byte[] body)
    {
        if (!DcsEndpoints.CheckProject(ctx, out var refusal)) return refusal;
        var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid migration task id.");
        var o = Reply.ParseObject(body);
        if (o is null) return Invalid(ctx, "body");
        var method = Str(o, "migration_method");
        if (method is not ("full_amount_migration" or "incremental_migration")) return Invalid(ctx, "migration_method");
        var resume = Str(o, "resume_mode");
        if (resume is not ("auto" or "manual")) return Invalid(ctx, "resume_mode");
        var bandwidth = 0;
        if (o["bandwidth_limit_mb"] is JsonNode bw)
        {
            // A string of MB/s, as the SDK has it: a number is refused.
            if (bw is not JsonValue v || !v.TryGetValue<string>(out var text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out bandwidth) || bandwidth is < 1 or > 10240)
            {
                return Invalid(ctx, "bandwidth_limit_mb");
            }
        }
        if (!TryInstance(o, "source_instance", out var source)) return Invalid(ctx, "source_instance");
        if (!TryInstance(o, "target_instance", out var target)) return Invalid(ctx, "target_instance");
        var (answer, refused) = store.Configure(id, method, resume, bandwidth, source, target);
        return refused is null ? Reply.Json(ctx, 200, answer) : Reply.DcsError(ctx, refused.Status, refused.Code, refused.Message);
    }

    /// <summary>PUT /v2/{project_id}/migration-task/{task_id}: {resume_mode} → an empty body.</summary>
    public static Task UpdateResumeMode(HttpContext ctx, DcsStore store, byte[] body)
    {
        if (!DcsEndpoints.CheckProject(ctx, out var refusal)) return refusal;
        var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
        if (!ValidId(id)) return Reply.DcsError(ctx, 400, "DCS.4070", "Invalid migration task id.");
        var o = Reply.ParseObject(body);
        var resume = o is null ? null : Str(o, "resume_mode");
        if (resume is not ("auto" or "manual")) return Invalid(ctx, "resume_mode");
        var refused = store.SetResumeMode(id, resume);
        return refused is null ? Reply.Json(ctx, 200, new JsonObject()) : Reply.DcsError(ctx, refused.Status, refused.Code, refused.Message);
    }

    /// <summary>A ConfigMigrationInstanceBody: exactly one of addrs ('host:port') and id; a password or none.</summary>
    private static bool TryInstance(JsonObject o, string field, out (string? Addr, string? Id, bool Password) instance)
    {
        instance = default;
        if (o[field] is not JsonObject i) return false;
        if (i.Any(kv => kv.Key is not ("addrs" or "id" or "password"))) return false;
        var addr = Str(i, "addrs");
        var id = Str(i, "id");
        if (i["password"] is JsonNode p && (p is not JsonValue pv || !pv.TryGetValue<string>(out _))) return false;
        if ((addr is null) == (id is null)) return false;
        if (addr is not null && (!Address.IsMatch(addr) || !int.TryParse(addr[(addr.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)) return false;
        if (id is not null && !ValidId(id)) return false;
        instance = (addr, id, !string.IsNullOrEmpty(Str(i, "password")));
        return true;
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool ValidName(string? name) => name is { Length: >= 1 and <= 64 } && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    private static bool ValidId(string? id) => id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static Task Invalid(HttpContext ctx, string field) => Reply.DcsError(ctx, 400, "DCS.4800", "Invalid parameter: " + field);
}

/// <summary>Test control of created migrations: <c>POST /_sim/dcs/tasks/{task_id}/fail-next</c> (Set-SimDcsFailure).</summary>
internal static class DcsCreateControlApi
{
    public static void Map(SimulatorState state, Action<string, string, Func<HttpContext, Task>> map)
    {
        map("POST", "/_sim/dcs/tasks/{task_id}/fail-next", ctx =>
        {
            var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
            if (state.Dcs.GetState(id) is null) return Reply.Error(ctx, 404, "SIM.0404", "No such DCS task.");
            var o = Reply.ParseObject(Pipeline.Body(ctx));
            var message = o?["message"] is JsonValue v && v.TryGetValue<string>(out var m) ? m : null;
            if (message is null) state.Dcs.FailNextStep(id); else state.Dcs.FailNextStep(id, message);
            return Reply.Json(ctx, 200, new JsonObject { ["id"] = id, ["status"] = state.Dcs.GetState(id) });
        });
    }
}
