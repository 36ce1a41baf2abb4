using System;
using System.IO;
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
    /// The fault API (POST /_sim/faults) and the timings (PUT /_sim/timings) do what their documented fields say, and
    /// refuse with a 400 what makes no sense (negative times, impossible counts, unknown fields), never ignoring it.
    /// Raw HTTP only, as a user's own test would call them.
    /// </summary>
    public sealed class FaultApiTests : IAsyncLifetime
    {
        private SimulatorHost _host = null!;
        private HttpClient _http = null!;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 12, DcsTaskCount = 0 });
            // Redirects are what is tested: the client must not follow them.
            _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            var login = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName +
                        "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName + "\"}}}}}}";
            using var answer = await _http.PostAsync("v3/auth/tokens", new StringContent(login, Encoding.UTF8, "application/json"));
            _http.DefaultRequestHeaders.Add("X-Auth-Token", answer.Headers.GetValues("X-Subject-Token").Single());
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _host.DisposeAsync();
        }

        [Fact]
        public async Task A_redirect_answers_the_location_and_status_asked_for()
        {
            await AddFaultAsync("{\"kind\":\"Redirect\",\"statusCode\":307,\"location\":\"https://moved.example.net/v3/tasks?from=sim\",\"pathPattern\":\"^/v3/tasks$\"}");

            using var answer = await _http.GetAsync("v3/tasks");

            Assert.Equal(307, (int)answer.StatusCode);
            Assert.Equal("https://moved.example.net/v3/tasks?from=sim", answer.Headers.Location!.OriginalString);
        }

        [Fact]
        public async Task An_oversized_body_has_the_size_asked_for_streamed_without_a_length()
        {
            await AddFaultAsync("{\"kind\":\"OversizedBody\",\"sizeBytes\":1000,\"pathPattern\":\"^/v3/tasks$\"}");

            using var answer = await _http.GetAsync("v3/tasks", HttpCompletionOption.ResponseHeadersRead);

            Assert.Null(answer.Content.Headers.ContentLength);
            Assert.True(answer.Headers.TransferEncodingChunked);
            var body = await ReadAtMostAsync(answer, 1024 * 1024);
            Assert.Equal(1000, body.Length);
            Assert.Equal("oversized", (string?)JObject.Parse(Encoding.UTF8.GetString(body))["tasks"]![0]!["id"]);
        }

        [Fact]
        public async Task An_oversized_body_with_declareLength_sends_its_Content_Length()
        {
            await AddFaultAsync("{\"kind\":\"OversizedBody\",\"sizeBytes\":1000,\"declareLength\":true,\"pathPattern\":\"^/v3/tasks$\"}");

            using var answer = await _http.GetAsync("v3/tasks", HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal(1000, answer.Content.Headers.ContentLength);
            Assert.Equal(1000, (await ReadAtMostAsync(answer, 1024 * 1024)).Length);
        }

        [Fact]
        public async Task An_inflated_count_is_raised_by_the_countOffset_asked_for()
        {
            await AddFaultAsync("{\"kind\":\"InflatedCount\",\"countOffset\":3,\"pathPattern\":\"^/v3/tasks$\"}");

            var inflated = JObject.Parse(await _http.GetStringAsync("v3/tasks?limit=1"));
            var real = JObject.Parse(await _http.GetStringAsync("v3/tasks?limit=1"));

            Assert.Equal(12, (int)real["count"]!);
            Assert.Equal(15, (int)inflated["count"]!);
        }

        [Fact]
        public async Task A_retry_after_beyond_what_an_int_holds_is_sent_as_it_was_asked()
        {
            await AddFaultAsync("{\"kind\":\"Throttle\",\"retryAfter\":3000000000,\"pathPattern\":\"^/v3/tasks$\"}");

            using var answer = await _http.GetAsync("v3/tasks");

            Assert.Equal(429, (int)answer.StatusCode);
            Assert.Equal("3000000000", answer.Headers.GetValues("Retry-After").Single());
        }

        [Fact]
        public async Task Every_documented_field_together_is_accepted()
        {
            await AddFaultAsync("{\"kind\":\"Throttle\",\"method\":\"GET\",\"pathPattern\":\"^/v3/tasks$\",\"count\":-1,\"probability\":0.5,\"statusCode\":429," +
                                "\"errorCode\":\"APIG.0308\",\"errorMessage\":\"slow down\",\"retryAfter\":\"00:00:02\",\"delay\":0.01,\"failuresBeforeSuccess\":1," +
                                "\"location\":\"/elsewhere\",\"sizeBytes\":4096,\"declareLength\":false,\"countOffset\":-2}");
        }

        [Theory]
        [InlineData("{\"kind\":\"Latency\",\"delay\":-0.5}", "delay")]
        [InlineData("{\"kind\":\"Latency\",\"delay\":\"-00:00:01\"}", "delay")]
        [InlineData("{\"kind\":\"Latency\",\"delay\":\"2.00:00:00\"}", "delay")]
        [InlineData("{\"kind\":\"Throttle\",\"retryAfter\":-1}", "retryAfter")]
        [InlineData("{\"kind\":\"Error\",\"count\":0}", "count")]
        [InlineData("{\"kind\":\"Error\",\"count\":-2}", "count")]
        [InlineData("{\"kind\":\"Error\",\"probability\":1.5}", "probability")]
        [InlineData("{\"kind\":\"Error\",\"probability\":-0.1}", "probability")]
        [InlineData("{\"kind\":\"Error\",\"statusCode\":99}", "statusCode")]
        [InlineData("{\"kind\":\"Error\",\"statusCode\":600}", "statusCode")]
        [InlineData("{\"kind\":\"Error\",\"failuresBeforeSuccess\":-1}", "failuresBeforeSuccess")]
        [InlineData("{\"kind\":\"OversizedBody\",\"sizeBytes\":-1}", "sizeBytes")]
        [InlineData("{\"kind\":\"OversizedBody\",\"sizeBytes\":10}", "sizeBytes")]
        [InlineData("{\"kind\":\"OversizedBody\",\"sizeBytes\":1000000000000}", "sizeBytes")]
        [InlineData("{\"kind\":\"OversizedBody\",\"sizeByte\":1000}", "sizeByte")]
        [InlineData("{\"kind\":\"Redirect\",\"location\":\"https://a.example.com/\\r\\nX-Injected: 1\"}", "location")]
        [InlineData("{\"kind\":\"Redirect\",\"location\":\"\"}", "location")]
        [InlineData("{\"kind\":\"Redirect\",\"location\":42}", "location")]
        [InlineData("{\"kind\":\"3\"}", "kind")]
        public async Task A_fault_that_makes_no_sense_is_refused_with_a_400_naming_the_field(string fault, string field)
        {
            using var answer = await _http.PostAsync("_sim/faults", new StringContent(fault, Encoding.UTF8, "application/json"));

            var json = JObject.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(400, (int)answer.StatusCode);
            Assert.Equal("SIM.0400", (string?)json["error_code"]);
            Assert.Contains(field, (string)json["error_msg"]!, StringComparison.Ordinal);
            using var list = await _http.GetAsync("v3/tasks?limit=1");
            Assert.Equal(200, (int)list.StatusCode);
        }

        [Theory]
        [InlineData("{\"stopToAbort\":-1}", "stopToAbort")]
        [InlineData("{\"startDelay\":\"-00:00:00.5\"}", "startDelay")]
        [InlineData("{\"latency\":-0.02}", "latency")]
        [InlineData("{\"dcsStopToTerminated\":0.2,\"networkCheckDelay\":-3}", "networkCheckDelay")]
        [InlineData("{\"runningToFinish\":\"3.00:00:00\"}", "runningToFinish")]
        [InlineData("{\"stopToAbort\":0.1,\"stopToAbortt\":0.2}", "stopToAbortt")]
        public async Task A_negative_or_unknown_timing_is_refused_with_a_400_and_changes_nothing(string timings, string field)
        {
            var before = await _http.GetStringAsync("_sim/timings");

            using var answer = await _http.PutAsync("_sim/timings", new StringContent(timings, Encoding.UTF8, "application/json"));

            Assert.Equal(400, (int)answer.StatusCode);
            Assert.Contains(field, (string)JObject.Parse(await answer.Content.ReadAsStringAsync())["error_msg"]!, StringComparison.Ordinal);
            Assert.Equal(before, await _http.GetStringAsync("_sim/timings"));
            Assert.Equal(TimeSpan.Zero, _host.State.Latency);
        }

        private async Task AddFaultAsync(string fault)
        {
            using var answer = await _http.PostAsync("_sim/faults", new StringContent(fault, Encoding.UTF8, "application/json"));
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        }

        /// <summary>The body, or a failure once it is longer than <paramref name="limit"/> (so an 80 MB answer fails fast).</summary>
        private static async Task<byte[]> ReadAtMostAsync(HttpResponseMessage answer, int limit)
        {
            await using var stream = await answer.Content.ReadAsStreamAsync();
            using var kept = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                kept.Write(buffer, 0, n);
                Assert.True(kept.Length <= limit, "the body is longer than " + limit + " bytes");
            }
            return kept.ToArray();
        }
    }
}
