using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// The request log (served unauthenticated at /_sim/requests, and <see cref="SimulatorState.Requests"/> in process)
    /// never holds a secret a client sent: passwords in bodies (right and wrong ones), tokens, signatures and keys in
    /// headers and query strings. Each secret is looked for in the served log's raw text and in every field of every
    /// entry; what is not secret stays readable. Raw HTTP only.
    /// </summary>
    public sealed class RequestLogSecretTests : IAsyncLifetime
    {
        private const string Project = "0605767c3a80d5762fb7c0107b5e1d1e";

        private SimulatorHost _host = null!;
        private HttpClient _http = null!;
        private WireSecrets _wire = null!;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 3, DcsTaskCount = 1 });
            _http = new HttpClient { BaseAddress = _host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            _wire = new WireSecrets(_host.State);
        }

        public async Task DisposeAsync()
        {
            _wire.Dispose();
            _http.Dispose();
            await _host.DisposeAsync();
        }

        [Fact]
        public async Task IAM_logins_right_or_wrong_leave_no_password_and_still_show_user_domain_and_scope()
        {
            // A wrong password with JSON escapes: neither its raw nor its decoded form may remain.
            const string wrongRaw = "Wr\\u006Fng-\\\"Pass\\\"-Word-7731";
            const string wrong = "Wrong-\"Pass\"-Word-7731";
            var right = await PostAsync("v3/auth/tokens", Login(SimulatorCredentials.Password));
            Assert.Equal(201, right.Status);
            var token = right.Token!;
            Assert.Equal(401, (await PostAsync("v3/auth/tokens", Login(wrongRaw))).Status);
            // The token and access-key methods of IAM (the simulator refuses them, and logs them all the same).
            await PostAsync("v3/auth/tokens", "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + token + "\",\"duration_seconds\":900}}}}");
            await PostAsync("v3/auth/tokens", "{\"auth\":{\"identity\":{\"methods\":[\"hw_ak_sk\"],\"hw_ak_sk\":{\"access\":{\"key\":\"" + SimulatorCredentials.AccessKey +
                                              "\"},\"secret\":{\"key\":\"" + SimulatorCredentials.SecretKey + "\"}}}}}");

            await AssertNowhereAsync(SimulatorCredentials.Password, wrong, wrongRaw, "Pass\\\"-Word", token, SimulatorCredentials.SecretKey);
            var logins = JArray.Parse(await _http.GetStringAsync("_sim/requests")).Where(e => (string?)e["path"] == "/v3/auth/tokens").ToList();
            Assert.Equal(4, logins.Count);
            var login = JObject.Parse((string)logins[0]["body"]!);
            Assert.Equal(SimulatorCredentials.UserName, (string?)login.SelectToken("auth.identity.password.user.name"));
            Assert.Equal(SimulatorCredentials.DomainName, (string?)login.SelectToken("auth.identity.password.user.domain.name"));
            Assert.Equal(JsonRedactor.Mark, (string?)login.SelectToken("auth.identity.password.user.password"));
            Assert.Equal(SimulatorCredentials.DefaultRegion, (string?)login.SelectToken("auth.scope.project.name"));
            Assert.Equal("password", (string?)login.SelectToken("auth.identity.methods[0]"));
            Assert.Equal(JsonRedactor.Mark, (string?)JObject.Parse((string)logins[1]["body"]!).SelectToken("auth.identity.password.user.password"));
            Assert.Equal(JsonRedactor.Mark, (string?)JObject.Parse((string)logins[2]["body"]!).SelectToken("auth.identity.token.id"));
            Assert.Equal(JsonRedactor.Mark, (string?)JObject.Parse((string)logins[3]["body"]!).SelectToken("auth.identity.hw_ak_sk.secret.key"));
            // What the log is for is still there.
            Assert.Equal("Password", (string?)logins[0]["authKind"]);
            Assert.Equal(new[] { 201, 401 }, logins.Take(2).Select(l => (int)l["statusCode"]!));
            // In-process observers (the module's leak tests) still learn what was sent.
            Assert.Contains(wrong, _wire.In("body"));
            Assert.Contains(token, _wire.In("body"));
        }

        [Fact]
        public async Task DCS_and_SMS_create_bodies_leave_no_instance_or_template_password()
        {
            const string source = "redis-SOURCE-secret-4411", target = "redis-TARGET-secret-8822", backup = "redis-BACKUP-secret-5533", template = "Tmpl-Passw0rd-6644";
            await PostAsync("v2/" + Project + "/migration/" + Guid.NewGuid() + "/task",
                "{\"migration_method\":\"incremental_migration\",\"resume_mode\":\"auto\",\"bandwidth_limit_mb\":\"100\"," +
                "\"source_instance\":{\"addrs\":\"192.168.0.10:6379\",\"password\":\"" + source + "\"}," +
                "\"target_instance\":{\"id\":\"9f2b1c3d\",\"password\":\"" + target + "\"}}");
            await PostAsync("v2/" + Project + "/migration-task",
                "{\"task_name\":\"import-1\",\"migration_type\":\"backupfile_import\",\"migration_method\":\"full_amount_migration\"," +
                "\"backup_files\":{\"file_source\":\"self_build_obs\",\"bucket_name\":\"b\",\"files\":[{\"file_name\":\"dump.rdb\"}]}," +
                "\"target_instance\":{\"id\":\"9f2b1c3d\",\"password\":\"" + backup + "\"}}");
            await PostAsync("v3/vm/templates", "{\"template\":{\"name\":\"t1\",\"is_template\":true,\"region\":\"ap-southeast-1\",\"target_password\":\"" + template + "\"}}");

            await AssertNowhereAsync(source, target, backup, template);
            var bodies = _host.State.Requests.Select(r => r.Body!).ToList();
            Assert.Contains(bodies, b => b.Contains("\"addrs\":\"192.168.0.10:6379\"", StringComparison.Ordinal) && b.Contains("\"password\":\"[redacted]\"", StringComparison.Ordinal));
            Assert.Contains(bodies, b => b.Contains("\"target_password\":\"[redacted]\"", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Secret_headers_and_query_parameters_are_redacted_and_the_others_kept()
        {
            var token = (await PostAsync("v3/auth/tokens", Login(SimulatorCredentials.Password))).Token!;
            const string signature = "SDK-HMAC-SHA256 Access=SIMAKEXAMPLE00000001, SignedHeaders=host;x-sdk-date, Signature=9f8e7d6c5b4a39281706f5e4d3c2b1a0";
            const string apiKey = "api-KEY-value-3141", cookie = "session=COOKIE-value-2718", queryToken = "QUERY-token-1618", securityToken = "SECURITY-token-1414";
            using (var request = new HttpRequestMessage(HttpMethod.Get, "v3/tasks?limit=1&offset=0&token=" + queryToken + "&name=mig"))
            {
                request.Headers.Add("X-Auth-Token", token);
                request.Headers.TryAddWithoutValidation("X-Security-Token", securityToken);
                request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
                request.Headers.TryAddWithoutValidation("X-Domain-Id", SimulatorCredentials.DomainId);
                using var answer = await _http.SendAsync(request);
                Assert.Equal(200, (int)answer.StatusCode);
            }
            using (var request = new HttpRequestMessage(HttpMethod.Get, "v3/tasks"))
            {
                request.Headers.TryAddWithoutValidation("Authorization", signature);
                (await _http.SendAsync(request)).Dispose();
            }

            await AssertNowhereAsync(token, "9f8e7d6c5b4a39281706f5e4d3c2b1a0", apiKey, "COOKIE-value", queryToken, securityToken);
            var list = _host.State.Requests.First(r => r.Path == "/v3/tasks");
            Assert.Equal(JsonRedactor.Mark, list.Headers["X-Auth-Token"]);
            Assert.Equal(JsonRedactor.Mark, list.Headers["X-Security-Token"]);
            Assert.Equal(JsonRedactor.Mark, list.Headers["X-Api-Key"]);
            Assert.Equal(JsonRedactor.Mark, list.Headers["Cookie"]);
            Assert.Equal(SimulatorCredentials.DomainId, list.Headers["X-Domain-Id"]);
            Assert.Equal(new Dictionary<string, string> { ["limit"] = "1", ["offset"] = "0", ["token"] = JsonRedactor.Mark, ["name"] = "mig" }, list.Query);
            Assert.Equal("Token", list.AuthKind);
            Assert.True(list.AuthValid);
            var signed = _host.State.Requests.Last(r => r.Path == "/v3/tasks");
            Assert.Equal(JsonRedactor.Mark, signed.Headers["Authorization"]);
            Assert.Equal("AkSk", signed.AuthKind);
            Assert.Equal(SimulatorCredentials.AccessKey, signed.AccessKey);
            // What was sent is still known to in-process observers, tied to its request.
            Assert.Equal(token, _wire.Of(list, "X-Auth-Token"));
            Assert.Equal(signature, _wire.Of(signed, "Authorization"));
        }

        [Theory]
        [InlineData("password=Form-Secret-2236&user=u")]
        [InlineData("{\"user\":\"u\",\"password\": Form-Secret-2236}")]
        [InlineData("{\"user\":\"u\",\"password\":\"Form-Secret-2236\"")]
        [InlineData("{\"user\":\"u\"} {\"password\":\"Form-Secret-2236\"}")]
        public async Task A_body_that_is_not_JSON_is_not_kept_from_where_it_stops_being_JSON(string body)
        {
            await PostAsync("v3/tasks/delete", body);

            await AssertNowhereAsync("Form-Secret-2236");
            var logged = Assert.Single(_host.State.Requests).Body!;
            Assert.Contains("not JSON after byte", logged, StringComparison.Ordinal);
            Assert.EndsWith(Encoding.UTF8.GetByteCount(body) + " bytes in all)", logged, StringComparison.Ordinal);
        }

        private static string Login(string passwordJson) =>
            "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName +
            "\",\"password\":\"" + passwordJson + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName +
            "\"}}}},\"scope\":{\"project\":{\"name\":\"" + SimulatorCredentials.DefaultRegion + "\"}}}}";

        private async Task<(int Status, string? Token)> PostAsync(string path, string json)
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var answer = await _http.PostAsync(path, content);
            return ((int)answer.StatusCode, answer.Headers.TryGetValues("X-Subject-Token", out var t) ? t.Single() : null);
        }

        /// <summary>None of <paramref name="secrets"/> in the served log's raw text, nor in any field of any entry in process.</summary>
        private async Task AssertNowhereAsync(params string[] secrets)
        {
            var served = await _http.GetStringAsync("_sim/requests");
            var decoded = JArray.Parse(served).ToString();
            var entries = _host.State.Requests;
            Assert.NotEmpty(entries);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, served, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, decoded, StringComparison.Ordinal);
                foreach (var r in entries)
                {
                    var fields = new[] { r.ToString(), r.Method, r.Path, r.QueryString, r.Body ?? string.Empty, r.AccessKey ?? string.Empty }
                        .Concat(r.Query.SelectMany(q => new[] { q.Key, q.Value }))
                        .Concat(r.Headers.SelectMany(h => new[] { h.Key, h.Value }));
                    Assert.All(fields, f => Assert.DoesNotContain(secret, f, StringComparison.Ordinal));
                }
            }
        }
    }
}
