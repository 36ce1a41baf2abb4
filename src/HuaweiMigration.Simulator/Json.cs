using System;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator;

/// <summary>Answer helpers: every answer is JSON, errors in the shape of the service that owns the route.</summary>
internal static class Reply
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    // Relaxed escaping keeps quotes and '<' readable in messages, as the real services send them.
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task Json(HttpContext ctx, int status, JsonNode? body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = JsonContentType;
        var text = body is null ? "null" : body.ToJsonString(Compact);
        return ctx.Response.WriteAsync(text, Encoding.UTF8);
    }

    public static Task Empty(HttpContext ctx, int status)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = JsonContentType;
        return Task.CompletedTask;
    }

    /// <summary>The plain API Gateway / generic shape.</summary>
    public static Task Error(HttpContext ctx, int status, string code, string message) =>
        Json(ctx, status, new JsonObject { ["error_code"] = code, ["error_msg"] = message });

    /// <summary>
    /// SMS's error body. A refusal by IAM policy (403) carries what an admin needs to fix the policy, as the real
    /// service sends it: the encoded authorization message, the denied action as a parameter, and the details.
    /// </summary>
    public static Task SmsError(HttpContext ctx, int status, string code, string message)
    {
        var denied = status == 403;
        return Json(ctx, status, new JsonObject
        {
            ["error_code"] = code,
            ["error_msg"] = message,
            ["encoded_authorization_message"] = denied
                ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"action\":\"sms:server:migrate\",\"effect\":\"Deny\",\"resource\":\"" + ctx.Request.Path + "\"}"))
                : null,
            ["error_param"] = denied ? new JsonArray("sms:server:migrate") : new JsonArray(),
            ["details"] = denied
                ? new JsonArray(new JsonObject { ["error_code"] = "IAM.0002", ["error_msg"] = "Policy doesn't allow sms:server:migrate to be performed." })
                : new JsonArray(),
        });
    }

    /// <summary>An error in the shape of the service the path belongs to (SMS, DCS, IAM, or the plain gateway shape).</summary>
    public static Task ServiceError(HttpContext ctx, int status, string code, string message)
    {
        var path = ctx.Request.Path.Value ?? "/";
        if (path.StartsWith("/v3/tasks", StringComparison.Ordinal) || path.StartsWith("/v3/sources", StringComparison.Ordinal)
            || path.StartsWith("/v3/migprojects", StringComparison.Ordinal) || path.StartsWith("/v3/vm/", StringComparison.Ordinal))
        {
            return SmsError(ctx, status, code, message);
        }
        if (path.StartsWith("/v2/", StringComparison.Ordinal)) return DcsError(ctx, status, code, message);
        if (path.StartsWith("/v3/auth", StringComparison.Ordinal) || path.StartsWith("/v3/projects", StringComparison.Ordinal))
        {
            return IamError(ctx, status, status == 413 ? "Request Entity Too Large" : status >= 500 ? "Internal Server Error" : "Bad Request", message, code);
        }
        return Error(ctx, status, code, message);
    }

    public static Task DcsError(HttpContext ctx, int status, string code, string message) =>
        Json(ctx, status, new JsonObject { ["error_code"] = code, ["error_msg"] = message, ["error_ext_msg"] = null });

    /// <summary>IAM's Keystone-style body, plus the flat fields so a generic parser finds a code too.</summary>
    public static Task IamError(HttpContext ctx, int status, string title, string message, string code) =>
        Json(ctx, status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["title"] = title },
            ["error_code"] = code,
            ["error_msg"] = message,
        });

    public static long ToEpochMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static string IamTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string DcsTime(DateTime utc) => utc.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Parses a request body as a JSON object, or null when it is not one.</summary>
    /// <summary>No request of these APIs needs more; a bigger body is not parsed (the parser would rent buffers its size).</summary>
    private const int MaxParsedBody = 1024 * 1024;

    public static JsonObject? ParseObject(byte[] body)
    {
        if (body.Length == 0 || body.Length > MaxParsedBody) return null;
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string NewRequestId() => Guid.NewGuid().ToString("N");
}
