using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;

namespace HuaweiMigration.Benchmarks
{
    /// <summary>One request the simulator recorded.</summary>
    internal sealed record SimRequest(string Method, string Path, string Query, DateTime Timestamp);

    /// <summary>
    /// The simulator in its own process, driven over its /_sim control API, so the cases measure the client and not
    /// the server's CPU (the harness and the simulator still share this machine's cores).
    /// </summary>
    internal sealed class SimulatorProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http = new HttpClient();
        private string? _token;

        private SimulatorProcess(Process process, Uri baseUri)
        {
            _process = process;
            BaseUri = baseUri;
            _http.BaseAddress = baseUri;
        }

        public Uri BaseUri { get; }

        public static async Task<SimulatorProcess> StartAsync(int smsTasks, int dcsTasks)
        {
            var ready = Path.Combine(Path.GetTempPath(), "hm-bench-sim-" + Guid.NewGuid().ToString("N") + ".json");
            var dll = Path.Combine(AppContext.BaseDirectory, "HuaweiMigration.Simulator.dll");
            var process = Harness.StartDotnet(dll, "--urls", "http://127.0.0.1:0", "--tasks", smsTasks.ToString(CultureInfo.InvariantCulture),
                "--dcs-tasks", dcsTasks.ToString(CultureInfo.InvariantCulture), "--ready-file", ready, "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < 600 && !File.Exists(ready); i++)
            {
                if (process.HasExited) throw new InvalidOperationException("the simulator exited: " + process.StandardError.ReadToEnd());
                await Task.Delay(50);
            }
            if (!File.Exists(ready)) throw new TimeoutException("the simulator did not start");
            var url = JsonNode.Parse(File.ReadAllText(ready))!["url"]!.GetValue<string>();
            File.Delete(ready);
            return new SimulatorProcess(process, new Uri(url.TrimEnd('/') + "/"));
        }

        public Task SeedAsync(int smsTasks, int dcsTasks) => SendAsync(HttpMethod.Post, "_sim/seed", new JsonObject { ["smsTasks"] = smsTasks, ["dcsTasks"] = dcsTasks });

        /// <summary>Latency of every answer, and the state timings (seconds).</summary>
        public Task TimingsAsync(double? latencyMs = null, double? stopToAbortMs = null, double? dcsStopToTerminatedMs = null)
        {
            var body = new JsonObject();
            if (latencyMs is double l) body["latency"] = l / 1000;
            if (stopToAbortMs is double s) body["stopToAbort"] = s / 1000;
            if (dcsStopToTerminatedMs is double d) body["dcsStopToTerminated"] = d / 1000;
            return SendAsync(HttpMethod.Put, "_sim/timings", body);
        }

        public async Task<string> AddSmsTaskAsync(string name, string state) =>
            (await SendAsync(HttpMethod.Post, "_sim/sms/tasks", new JsonObject { ["name"] = name, ["state"] = state }))["id"]!.GetValue<string>();

        public async Task<string> AddDcsTaskAsync(string name, string status) =>
            (await SendAsync(HttpMethod.Post, "_sim/dcs/tasks", new JsonObject { ["name"] = name, ["status"] = status }))["id"]!.GetValue<string>();

        /// <summary>Any other /_sim control call (a path such as <c>_sim/sms/sources</c>), answering its JSON.</summary>
        public Task<JsonNode> ControlAsync(HttpMethod method, string path, JsonObject? body) => SendAsync(method, path, body);

        public Task ClearRequestsAsync() => SendAsync(HttpMethod.Delete, "_sim/requests", null);

        public async Task<List<SimRequest>> RequestsAsync()
        {
            var log = (JsonArray)(await SendAsync(HttpMethod.Get, "_sim/requests", null));
            return log.Select(r => new SimRequest(r!["method"]!.GetValue<string>(), r["path"]!.GetValue<string>(), r["queryString"]?.GetValue<string>() ?? string.Empty,
                DateTime.Parse(r["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind))).ToList();
        }

        /// <summary>A project-scoped IAM token for raw HTTP references, issued once.</summary>
        public async Task<string> TokenAsync()
        {
            if (_token != null) return _token;
            var body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName
                + "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName
                + "\"}}}},\"scope\":{\"project\":{\"name\":\"ap-southeast-1\"}}}}";
            using var response = await _http.PostAsync("v3/auth/tokens", new StringContent(body, Encoding.UTF8, "application/json"));
            return _token = response.Headers.GetValues("X-Subject-Token").Single();
        }

        /// <summary>The <c>count</c> of an SMS or DCS listing (raw HTTP, with the token).</summary>
        public async Task<long> CountAsync(string pathAndQuery)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
            request.Headers.Add("X-Auth-Token", await TokenAsync());
            using var response = await _http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return json["count"]!.GetValue<long>();
        }

        private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body != null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
            return JsonNode.Parse(text)!;
        }

        public ValueTask DisposeAsync()
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _process.WaitForExit(5000);
            _process.Dispose();
            _http.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
