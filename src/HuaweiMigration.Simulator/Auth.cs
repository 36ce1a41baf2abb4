using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Simulator.Signing;
using HuaweiMigration.Simulator.Iam;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator;

/// <summary>The outcome of checking a request's credentials; handlers read it from HttpContext.Items.</summary>
internal sealed class AuthResult
{
    public const string ItemKey = "sim.auth";

    public string Kind { get; set; } = "None";
    public bool Valid { get; set; }
    public string? Error { get; set; }
    public string? AccessKey { get; set; }
    public IssuedToken? Token { get; set; }

    /// <summary>The project the credentials speak for: the token's scope or the signed X-Project-Id.</summary>
    public string? ProjectId { get; set; }

    public static AuthResult? Of(HttpContext ctx) => ctx.Items.TryGetValue(ItemKey, out var v) ? v as AuthResult : null;
}

/// <summary>API Gateway authentication: X-Auth-Token or SDK-HMAC-SHA256 signature.</summary>
internal static class Auth
{
    private const string Prefix = "Incorrect IAM authentication information: ";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(15);

    public static AuthResult Evaluate(HttpContext ctx, IdentityStore identity, byte[] body)
    {
        var headers = ctx.Request.Headers;
        var tokenHeader = headers["X-Auth-Token"].ToString();
        if (tokenHeader.Length > 0)
        {
            var result = new AuthResult { Kind = "Token" };
            var token = identity.FindToken(tokenHeader);
            if (token is null)
            {
                result.Error = Prefix + "verify token fail";
            }
            else if (token.ExpiresAt <= DateTime.UtcNow)
            {
                result.Error = Prefix + "the token has expired";
            }
            else
            {
                result.Valid = true;
                result.Token = token;
                result.ProjectId = token.ProjectId;
            }
            return result;
        }

        var authorization = headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return EvaluateSignature(ctx, identity, body, authorization);
        }

        return new AuthResult { Kind = "None", Error = Prefix + "x-auth-token not found" };
    }

    private static AuthResult EvaluateSignature(HttpContext ctx, IdentityStore identity, byte[] body, string authorization)
    {
        var result = new AuthResult { Kind = "AkSk" };
        var parsed = SignatureVerifier.ParseAuthorization(authorization);
        if (parsed is null)
        {
            result.Kind = authorization.StartsWith(SignatureVerifier.Algorithm, StringComparison.Ordinal) ? "AkSk" : "None";
            result.Error = Prefix + "unsupported or malformed Authorization header";
            return result;
        }
        result.AccessKey = parsed.AccessKey;

        var key = identity.FindKey(parsed.AccessKey);
        if (key is null)
        {
            result.Error = Prefix + "access key not found";
            return result;
        }

        var request = ctx.Request;
        var sdkDate = request.Headers[SignatureVerifier.DateHeader].ToString();
        if (sdkDate.Length == 0 || !parsed.SignedHeaders.Contains("x-sdk-date", StringComparer.Ordinal))
        {
            result.Error = Prefix + "X-Sdk-Date is missing or not signed";
            return result;
        }
        if (!SignatureVerifier.TryParseDate(sdkDate, out var signedAt) || (DateTime.UtcNow - signedAt).Duration() > ClockSkew)
        {
            result.Error = Prefix + "request time skew is too large (X-Sdk-Date)";
            return result;
        }

        IEnumerable<string> HeaderValues(string name) =>
            name == "host" ? new[] { request.Host.Value ?? string.Empty } : request.Headers[name].Select(v => v ?? string.Empty);
        var query = request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v ?? string.Empty)));
        var expected = SignatureVerifier.ExpectedSignature(
            request.Method, request.Path.Value ?? "/", query, parsed.SignedHeaders, HeaderValues, body, sdkDate, key.SecretKey);
        if (!SignatureVerifier.Matches(expected, parsed.Signature))
        {
            result.Error = Prefix + "verify aksk signature fail (signature does not match)";
            return result;
        }

        if (key.SecurityToken is not null &&
            !string.Equals(request.Headers["X-Security-Token"].ToString(), key.SecurityToken, StringComparison.Ordinal))
        {
            result.Error = Prefix + "the security token of the temporary access key is missing or invalid";
            return result;
        }

        var domainId = request.Headers["X-Domain-Id"].ToString();
        if (domainId.Length > 0 && !string.Equals(domainId, SimulatorCredentials.DomainId, StringComparison.Ordinal))
        {
            result.Error = Prefix + "X-Domain-Id does not match the access key's account";
            return result;
        }
        var projectId = request.Headers["X-Project-Id"].ToString();
        if (projectId.Length > 0)
        {
            if (SimulatorCredentials.RegionForProjectId(projectId) is null)
            {
                result.Error = Prefix + "X-Project-Id is not a project of the access key's account";
                return result;
            }
            result.ProjectId = projectId;
        }

        result.Valid = true;
        return result;
    }
}
