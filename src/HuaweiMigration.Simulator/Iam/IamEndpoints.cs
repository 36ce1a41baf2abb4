using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Iam;

internal static class IamEndpoints
{
    public static Task IssueToken(HttpContext ctx, SimulatorState state, byte[] body)
    {
        var auth = AuthResult.Of(ctx);
        var root = Reply.ParseObject(body);
        var identity = root?["auth"]?["identity"] as JsonObject;
        var methods = identity?["methods"] as JsonArray;
        var user = identity?["password"]?["user"] as JsonObject;
        if (identity is null || methods is null || user is null ||
            !methods.Any(m => m is JsonValue v && v.TryGetValue<string>(out var s) && s == "password"))
        {
            return Reply.IamError(ctx, 400, "Bad Request", "The request you have made requires a password identity.", "IAM.0011");
        }

        var userName = Str(user["name"]);
        var password = Str(user["password"]);
        var domainName = Str(user["domain"]?["name"]);
        var domainId = Str(user["domain"]?["id"]);
        var known = state.Identity.FindUser(userName);
        var domainOk = (domainName is not null && domainName == SimulatorCredentials.DomainName) ||
                       (domainName is null && domainId == SimulatorCredentials.DomainId);
        if (known is null || password is null || known.Password != password || !domainOk)
        {
            return Reply.IamError(ctx, 401, "Unauthorized", "The username or password is wrong.", "IAM.0001");
        }

        string? projectId = null;
        string? projectName = null;
        var scope = root?["auth"]?["scope"] as JsonObject;
        if (scope?["project"] is JsonObject project)
        {
            var name = Str(project["name"]);
            var id = Str(project["id"]);
            if (name is not null && SimulatorCredentials.IsKnownRegion(name))
            {
                projectName = name;
                projectId = SimulatorCredentials.ProjectIdFor(name);
            }
            else if (name is null && id is not null && SimulatorCredentials.RegionForProjectId(id) is string region)
            {
                projectName = region;
                projectId = id;
            }
            else
            {
                return Reply.IamError(ctx, 400, "Bad Request", $"The project '{name ?? id}' does not exist or is not in the scope of the user's account.", "IAM.0012");
            }
        }
        else if (scope?["domain"] is JsonObject domain)
        {
            var name = Str(domain["name"]);
            var id = Str(domain["id"]);
            if (!(name == SimulatorCredentials.DomainName || (name is null && id == SimulatorCredentials.DomainId)))
            {
                return Reply.IamError(ctx, 401, "Unauthorized", "The request you have made requires authentication: the scope domain is not the user's.", "IAM.0001");
            }
        }

        if (auth is not null) auth.Valid = true;
        var token = state.Identity.Issue(known, projectId, projectName);
        ctx.Response.Headers["X-Subject-Token"] = token.Value;
        var nocatalog = string.Equals(ctx.Request.Query["nocatalog"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        return Reply.Json(ctx, 201, TokenBody(token, includeCatalog: !nocatalog));
    }

    public static Task ValidateToken(HttpContext ctx, SimulatorState state)
    {
        var subject = state.Identity.FindToken(ctx.Request.Headers["X-Subject-Token"].ToString());
        if (subject is null || subject.ExpiresAt <= DateTime.UtcNow)
        {
            return Reply.IamError(ctx, 404, "Not Found", "The token is invalid or has expired.", "IAM.0004");
        }
        var nocatalog = string.Equals(ctx.Request.Query["nocatalog"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        return Reply.Json(ctx, 200, TokenBody(subject, includeCatalog: !nocatalog));
    }

    public static Task ListProjects(HttpContext ctx)
    {
        var name = ctx.Request.Query["name"].ToString();
        var projects = new JsonArray();
        foreach (var region in SimulatorCredentials.Regions.Where(r => name.Length == 0 || r == name))
        {
            projects.Add(new JsonObject
            {
                ["id"] = SimulatorCredentials.ProjectIdFor(region),
                ["name"] = region,
                ["domain_id"] = SimulatorCredentials.DomainId,
                ["parent_id"] = SimulatorCredentials.DomainId,
                ["is_domain"] = false,
                ["enabled"] = true,
                ["description"] = "",
            });
        }
        return Reply.Json(ctx, 200, new JsonObject { ["projects"] = projects, ["links"] = new JsonObject { ["self"] = null } });
    }

    public static Task ListDomains(HttpContext ctx) =>
        Reply.Json(ctx, 200, new JsonObject
        {
            ["domains"] = new JsonArray(new JsonObject
            {
                ["id"] = SimulatorCredentials.DomainId,
                ["name"] = SimulatorCredentials.DomainName,
                ["enabled"] = true,
                ["description"] = null,
            }),
        });

    private static JsonObject TokenBody(IssuedToken token, bool includeCatalog)
    {
        JsonObject Domain() => new() { ["id"] = SimulatorCredentials.DomainId, ["name"] = SimulatorCredentials.DomainName };
        var body = new JsonObject
        {
            ["expires_at"] = Reply.IamTime(token.ExpiresAt),
            ["issued_at"] = Reply.IamTime(token.IssuedAt),
            ["methods"] = new JsonArray("password"),
            ["user"] = new JsonObject
            {
                ["id"] = token.User.Id,
                ["name"] = token.User.Name,
                ["domain"] = Domain(),
                ["password_expires_at"] = "",
            },
            ["roles"] = new JsonArray(new JsonObject { ["id"] = "0", ["name"] = "te_admin" }, new JsonObject { ["id"] = "0", ["name"] = "op_gated_sms" }),
        };
        if (token.ProjectId is not null)
        {
            body["project"] = new JsonObject { ["id"] = token.ProjectId, ["name"] = token.ProjectName, ["domain"] = Domain() };
        }
        else
        {
            body["domain"] = Domain();
        }
        if (includeCatalog)
        {
            // The simulator serves every service from one base URL, so the catalog would only mislead; keep it empty.
            body["catalog"] = new JsonArray();
        }
        return new JsonObject { ["token"] = body };
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
