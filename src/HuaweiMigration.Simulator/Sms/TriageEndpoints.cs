using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// SMS triage: ShowOverview, ListErrorServers, ShowConsistencyResult, ShowConfigSetting,
/// UploadSpecialConfigurationSetting and CollectLog, with the limits the API reference states.
/// </summary>
internal static class TriageEndpoints
{
    /// <summary>ConfigBody config_key values the SDK documents.</summary>
    private static readonly HashSet<string> ConfigKeys = new(StringComparer.Ordinal)
    {
        "MIGRATE_EXCLUDE_DIR", "SYNC_EXCLUDE_DIR", "ONLY_SYNC_DIR", "CONSISTENCY_DIR", "CONSISTENCY_DIR_ILLEGAL",
        "LINUX_BLOCK_COMPRESS_THREAD_NUM", "MIGRATE_DST_IP", "LINUX_BLOCK_CACHE_SIZE", "LINUX_CPU_LIMIT", "LINUX_MEM_LIMIT",
        "LINUX_IO_LIMIT", "NUM_PROCESS_MIGRATE", "NUM_PROCESS_SYNC", "CONSISTENCY_RECHECK", "CONSISTENCY_MODE",
        "DYNAMIC_PORT", "INSTALL_PWD_AGENT",
    };

    /// <summary>GET /v3/sources/overview.</summary>
    public static Task Overview(HttpContext ctx, SmsStore store) => Reply.Json(ctx, 200, store.Overview());

    /// <summary>GET /v3/errors: offset is required (the SDK's query_required); limit 0 to 100, default 50; offset 0 to 65535.</summary>
    public static Task ListErrors(HttpContext ctx, SmsStore store)
    {
        var q = ctx.Request.Query;
        if (q["offset"].Count == 0) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: offset (required)");
        if (!SmsEndpoints.TryRange(q["offset"], 0, 0, 65535, out var offset)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: offset");
        if (!SmsEndpoints.TryRange(q["limit"], 50, 0, 100, out var limit)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: limit");
        if (limit == 0) limit = 50;
        var (count, page) = store.ListErrors(q["enterprise_project_id"].ToString(), offset, limit);
        return Reply.Json(ctx, 200, new JsonObject { ["count"] = count, ["migration_errors"] = new JsonArray(page.ToArray<JsonNode?>()) });
    }

    /// <summary>GET /v3/tasks/{task_id}/consistency-result.</summary>
    public static Task ConsistencyResult(HttpContext ctx, SmsStore store)
    {
        var id = SmsEndpoints.TaskId(ctx);
        if (!SmsEndpoints.ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        return store.ConsistencyResult(id) is JsonObject result ? Reply.Json(ctx, 200, result) : SmsEndpoints.NotFound(ctx);
    }

    /// <summary>GET /v3/tasks/{task_id}/configuration-setting[?config_key=…].</summary>
    public static Task ShowConfiguration(HttpContext ctx, SmsStore store)
    {
        var id = SmsEndpoints.TaskId(ctx);
        if (!SmsEndpoints.ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        var key = ctx.Request.Query["config_key"].ToString();
        if (key.Length > 0 && !ConfigKeys.Contains(key)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: config_key");
        return store.Configuration(id, key) is JsonObject configuration ? Reply.Json(ctx, 200, configuration) : SmsEndpoints.NotFound(ctx);
    }

    /// <summary>
    /// POST /v3/tasks/{task_id}/configuration-setting (ConfigurationRequestBody): configurations is required, at most 50
    /// ConfigBody, each with a documented config_key and a config_value of at most 1,024 characters (config_status at
    /// most 255); the task's settings become those given.
    /// </summary>
    public static Task SetConfiguration(HttpContext ctx, SmsStore store, byte[] body)
    {
        var id = SmsEndpoints.TaskId(ctx);
        if (!SmsEndpoints.ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        if (Reply.ParseObject(body)?["configurations"] is not JsonArray array || array.Count > 50) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        var settings = new List<(string Key, string Value, string? Status)>();
        foreach (var node in array)
        {
            if (node is not JsonObject o
                || o["config_key"] is not JsonValue kv || kv.GetValueKind() != JsonValueKind.String
                || o["config_value"] is not JsonValue vv || vv.GetValueKind() != JsonValueKind.String
                || (o["config_status"] is JsonNode sn && (sn is not JsonValue sv || sv.GetValueKind() != JsonValueKind.String)))
            {
                return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
            }
            var key = kv.GetValue<string>();
            var value = vv.GetValue<string>();
            var status = o["config_status"]?.GetValue<string>();
            if (!ConfigKeys.Contains(key)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: config_key");
            if (value.Length > 1024 || status?.Length > 255) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: config_value");
            settings.RemoveAll(s => s.Key == key);
            settings.Add((key, value, status));
        }
        return store.SetConfiguration(id, settings) ? Reply.Empty(ctx, 200) : SmsEndpoints.NotFound(ctx);
    }

    /// <summary>POST /v3/tasks/{task_id}/log (UploadLogRequestBody): log_bucket is required, an OBS bucket name.</summary>
    public static Task CollectLog(HttpContext ctx, SmsStore store, byte[] body)
    {
        var id = SmsEndpoints.TaskId(ctx);
        if (!SmsEndpoints.ValidId(id)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        if (Reply.ParseObject(body)?["log_bucket"] is not JsonValue bv || bv.GetValueKind() != JsonValueKind.String) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        var bucket = bv.GetValue<string>();
        if (bucket.Length is < 3 or > 63 || bucket.Any(c => !(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')))
        {
            return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: log_bucket");
        }
        return store.CollectLog(id, bucket) ? Reply.Empty(ctx, 200) : SmsEndpoints.NotFound(ctx);
    }
}
