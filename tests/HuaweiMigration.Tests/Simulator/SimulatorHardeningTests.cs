using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// The simulator ships to users, who point their own tests (and mistakes) at it: every malformed request gets a
    /// Huawei-shaped error with a request id, and nothing a client sends makes it grow without bound. Raw HTTP only.
    /// </summary>
    public sealed class SimulatorHardeningTests : IAsyncLifetime
    {
        private SimulatorHost _host = null!;
        private HttpClient _http = null!;
        private string _taskId = string.Empty;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 5, DcsTaskCount = 2, RequestLogCapacity = 50 });
            _http = new HttpClient { BaseAddress = _host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            var login = new JObject
            {
                ["auth"] = new JObject
                {
                    ["identity"] = new JObject
                    {
                        ["methods"] = new JArray("password"),
                        ["password"] = new JObject
                        {
                            ["user"] = new JObject { ["name"] = SimulatorCredentials.UserName, ["password"] = SimulatorCredentials.Password, ["domain"] = new JObject { ["name"] = SimulatorCredentials.DomainName } },
                        },
                    },
                    ["scope"] = new JObject { ["project"] = new JObject { ["name"] = SimulatorCredentials.DefaultRegion } },
                },
            };
            using var answer = await _http.PostAsync("v3/auth/tokens", new StringContent(login.ToString(), Encoding.UTF8, "application/json"));
            answer.EnsureSuccessStatusCode();
            _http.DefaultRequestHeaders.Add("X-Auth-Token", answer.Headers.GetValues("X-Subject-Token").Single());
            _taskId = _host.State.Sms.Ids.First();
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _host.DisposeAsync();
        }

        private static readonly byte[] InvalidUtf8 = { (byte)'{', (byte)'"', (byte)'o', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}' };

        public static TheoryData<string, string, string, int, string> MalformedRequests() => new TheoryData<string, string, string, int, string>
        {
            // method, path, body kind, expected status, expected error_code prefix
            { "POST", "/_sim/faults", "not-json", 400, "SIM.0400" },
            { "POST", "/_sim/faults", "invalid-utf8", 400, "SIM.0400" },
            { "POST", "/_sim/seed", "{\"smsTasks\": 300000}", 400, "SIM.0400" },
            { "PUT", "/_sim/sms/tasks/{id}", "{\"failOnStart\": \"yes please\"}", 400, "SIM.0400" },
            { "PUT", "/_sim/timings", "{\"stopToAbort\": {\"nested\": true}}", 400, "SIM.0400" },
            { "POST", "/_sim/faults", "40MB", 413, "SIM.0413" },
            { "POST", "/v3/tasks/{id}/action", "invalid-utf8", 400, "" },
            { "POST", "/v3/tasks/{id}/action", "not-json", 400, "" },
            { "POST", "/v3/tasks/{id}/action", "40MB", 413, "APIGW.0413" },
            { "POST", "/v3/auth/tokens", "invalid-utf8", 400, "" },
            { "POST", "/v3/tasks/delete", "[1,2", 400, "" },
        };

        [Theory]
        [MemberData(nameof(MalformedRequests))]
        public async Task A_malformed_request_gets_a_Huawei_shaped_error_with_a_request_id(string method, string path, string body, int status, string code)
        {
            HttpContent content = body switch
            {
                "invalid-utf8" => new ByteArrayContent(InvalidUtf8),
                "not-json" => new StringContent("{ this is not json", Encoding.UTF8),
                "40MB" => new ByteArrayContent(new byte[40 * 1024 * 1024]),
                _ => new StringContent(body, Encoding.UTF8),
            };
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", _taskId)) { Content = content };
            using var answer = await _http.SendAsync(request);

            Assert.Equal(status, (int)answer.StatusCode);
            Assert.True(answer.Headers.TryGetValues("X-Request-Id", out var ids) && ids.Single().Length == 32, "no request id");
            var json = JObject.Parse(await answer.Content.ReadAsStringAsync());
            var errorCode = (string?)json["error_code"];
            Assert.False(string.IsNullOrEmpty(errorCode), json.ToString());
            Assert.False(string.IsNullOrEmpty((string?)json["error_msg"]), json.ToString());
            Assert.StartsWith(code, errorCode);
            Assert.DoesNotContain("SIM.0500", json.ToString());
        }

        [Fact]
        public async Task Memory_stays_flat_under_a_stream_of_20_MB_posts_each_refused_with_413()
        {
            var big = new byte[20 * 1024 * 1024];
            async Task PostBig()
            {
                using var content = new ByteArrayContent(big);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var answer = await _http.PostAsync("v3/tasks/" + _taskId + "/action", content);
                Assert.Equal(413, (int)answer.StatusCode);
            }

            await PostBig();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < 10; i++) await PostBig();
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Assert.True(after - before < 30L * 1024 * 1024, "memory grew by " + (after - before) / (1024 * 1024) + " MB after ten 20 MB posts");
        }

        [Fact]
        public async Task The_request_log_is_a_bounded_ring_with_bodies_cut_to_a_few_KB()
        {
            var large = Encoding.UTF8.GetBytes("{\"operation\":\"stop\",\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
            using (var content = new ByteArrayContent(large))
            {
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                (await _http.PostAsync("v3/tasks/" + _taskId + "/action", content)).Dispose();
            }
            var logged = Assert.Single(_host.State.Requests, r => r.Path.EndsWith("/action", StringComparison.Ordinal));
            // Cut to what the entry has room for after its path, query and headers (4 KB in all).
            Assert.InRange(Encoding.UTF8.GetByteCount(logged.Body!), 2048, RequestCapture.MaxEntryBytes + 64);
            Assert.EndsWith("(" + large.Length + " bytes in all)", logged.Body);

            for (var i = 0; i < 60; i++) (await _http.GetAsync("v3/tasks?limit=1")).Dispose();
            Assert.Equal(50, _host.State.Requests.Count);
            Assert.All(_host.State.Requests, r => Assert.Equal("/v3/tasks", r.Path));

            (await _http.DeleteAsync("_sim/requests")).Dispose();
            Assert.Empty(_host.State.Requests);
        }
    }
}
