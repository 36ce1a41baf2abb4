using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Client.Http;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Iam
{
    /// <summary>The IAM calls the module needs: issue and validate tokens, find the project and the account.</summary>
    internal sealed class IamClient
    {
        internal const string Service = "IAM";
        private readonly ApiTransport _transport;
        private readonly Uri _endpoint;
        private readonly IApiLog _log;

        private readonly TimeSpan _timeout;

        public IamClient(ApiTransport transport, Uri endpoint, IApiLog log, TimeSpan timeout)
        {
            _transport = transport;
            _endpoint = endpoint;
            _log = log;
            _timeout = timeout;
        }

        private ApiRequest Request(Method method, params string[] path) =>
            new ApiRequest(Service, _endpoint, method, path) { Timeout = _timeout };

        /// <summary><c>POST /v3/auth/tokens?nocatalog=true</c> with the password method, scoped to the region's project.</summary>
        public async Task<IssuedToken> IssuePasswordTokenAsync(PasswordCredential credential, string region, string? projectId, CancellationToken cancellationToken)
        {
            var scope = projectId != null
                ? new JObject { ["project"] = new JObject { ["id"] = projectId } }
                : new JObject { ["project"] = new JObject { ["name"] = region } };
            var body = new JObject
            {
                ["auth"] = new JObject
                {
                    ["identity"] = new JObject
                    {
                        ["methods"] = new JArray("password"),
                        ["password"] = new JObject
                        {
                            ["user"] = new JObject
                            {
                                ["name"] = credential.UserName,
                                ["password"] = credential.RevealPassword(),
                                ["domain"] = new JObject { ["name"] = credential.DomainName },
                            },
                        },
                    },
                    ["scope"] = scope,
                },
            };
            var request = Request(Method.Post, "v3", "auth", "tokens").AddQuery("nocatalog", "true");
            request.JsonBody = body.ToString(Newtonsoft.Json.Formatting.None);
            request.SensitiveBody = true;
            // An IAM error that quoted the body it refused would show the password: it is cut out like a header value.
            if (body.SelectToken("auth.identity.password.user.password") is JValue { Type: JTokenType.String } password) request.Secrets.Add((string)password!);
            request.Scope = AuthScope.Anonymous;
            _log.Verbose("IAM: asking for a token for user '" + credential.UserName + "' in " + (projectId ?? region) + ".");
            var response = await _transport.SendAsync(request, null, null, null, _log, cancellationToken).ConfigureAwait(false);
            if (!response.Headers.TryGetValue("X-Subject-Token", out var token) || string.IsNullOrEmpty(token))
            {
                throw new HuaweiCloudApiException("IAM issued no token: the answer had no X-Subject-Token header.", ApiErrorKind.InvalidResponse, response.StatusCode, requestId: response.RequestId, service: Service);
            }
            return ReadToken(response, ToSecure(token));
        }

        /// <summary><c>GET /v3/auth/tokens</c>: what IAM knows of a ready token (expiry, project, user).</summary>
        public async Task<IssuedToken> ValidateTokenAsync(TokenCredential credential, CancellationToken cancellationToken)
        {
            var request = Request(Method.Get, "v3", "auth", "tokens");
            request.Headers.Add(new KeyValuePair<string, string>("X-Subject-Token", credential.RevealToken()));
            request.AddQuery("nocatalog", "true");
            var response = await _transport.SendAsync(request, credential, null, null, _log, cancellationToken).ConfigureAwait(false);
            return ReadToken(response, new SecureString());
        }

        /// <summary><c>GET /v3/projects?name={region}</c>: the id of the region's project.</summary>
        public async Task<string?> FindProjectIdAsync(ApiCredential credential, string region, string? domainId, CancellationToken cancellationToken)
        {
            var request = Request(Method.Get, "v3", "projects").AddQuery("name", region);
            var response = await _transport.SendAsync(request, credential, domainId, null, _log, cancellationToken).ConfigureAwait(false);
            var body = ApiTransport.Read<JObject>(response, Service);
            var project = (body["projects"] as JArray)?.OfType<JObject>().FirstOrDefault(p => string.Equals((string?)p["name"], region, StringComparison.Ordinal));
            return (string?)project?["id"];
        }

        /// <summary><c>GET /v3/auth/domains</c>: the account's domain id.</summary>
        public async Task<string?> FindDomainIdAsync(ApiCredential credential, CancellationToken cancellationToken)
        {
            var request = Request(Method.Get, "v3", "auth", "domains");
            var response = await _transport.SendAsync(request, credential, null, null, _log, cancellationToken).ConfigureAwait(false);
            var body = ApiTransport.Read<JObject>(response, Service);
            return (string?)(body["domains"] as JArray)?.OfType<JObject>().FirstOrDefault()?["id"];
        }

        private static IssuedToken ReadToken(ApiResponse response, SecureString token)
        {
            var body = ApiTransport.Read<JObject>(response, Service);
            var t = body["token"] as JObject
                ?? throw new HuaweiCloudApiException("IAM's token answer had no 'token' object.", ApiErrorKind.InvalidResponse, response.StatusCode, requestId: response.RequestId, service: Service);
            var expires = ParseTime((string?)t["expires_at"])
                ?? throw new HuaweiCloudApiException("IAM's token answer had no readable 'expires_at'.", ApiErrorKind.InvalidResponse, response.StatusCode, requestId: response.RequestId, service: Service);
            var project = t["project"] as JObject;
            var user = t["user"] as JObject;
            var domainId = (string?)(project?["domain"] as JObject)?["id"] ?? (string?)(user?["domain"] as JObject)?["id"] ?? (string?)(t["domain"] as JObject)?["id"];
            return new IssuedToken(token, expires, ParseTime((string?)t["issued_at"]), (string?)project?["id"], domainId, Json.ServerText.Clean((string?)user?["name"]));
        }

        private static DateTime? ParseTime(string? value) =>
            DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTime?)null;

        private static SecureString ToSecure(string value)
        {
            var s = new SecureString();
            foreach (var c in value) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }
    }
}
