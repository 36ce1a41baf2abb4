using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace HuaweiMigration.Benchmarks
{
    /// <summary>
    /// The raw-HTTP floor of the bulk cases: what a client with no overhead at all would send for the same work,
    /// over plain <see cref="HttpClient"/> with the token (bodies read as strings, nothing parsed but counts).
    /// </summary>
    internal sealed class RawSms : IDisposable
    {
        private readonly HttpClient _http;
        private readonly string _token;

        private RawSms(Uri baseUri, string token)
        {
            _http = new HttpClient { BaseAddress = baseUri };
            _token = token;
        }

        public static async Task<RawSms> ConnectAsync(SimulatorProcess sim) => new RawSms(sim.BaseUri, await sim.TokenAsync());

        public async Task<string> SendAsync(HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Auth-Token", _token);
            if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        }

        /// <summary>The pages of a listing one after another (a filtered list cannot be read ahead safely).</summary>
        public async Task ReadPagesAsync(string query, int tasks, int pageSize)
        {
            for (var p = 0; p * pageSize < tasks; p++) await SendAsync(HttpMethod.Get, $"v3/tasks?{query}limit={pageSize}&offset={p * pageSize}");
        }

        /// <summary>The pages of a listing all at once.</summary>
        public Task ReadPagesAtOnceAsync(int tasks, int pageSize) =>
            Task.WhenAll(Enumerable.Range(0, (tasks + pageSize - 1) / pageSize).Select(p => SendAsync(HttpMethod.Get, $"v3/tasks?limit={pageSize}&offset={p * pageSize}")));

        /// <summary>One stop per task, <paramref name="throttle"/> in flight.</summary>
        public async Task StopAllAsync(string[] ids, int throttle)
        {
            using var slots = new SemaphoreSlim(throttle);
            await Task.WhenAll(ids.Select(async id =>
            {
                await slots.WaitAsync();
                try { await SendAsync(HttpMethod.Post, "v3/tasks/" + id + "/action", "{\"operation\":\"stop\"}"); }
                finally { slots.Release(); }
            }));
        }

        /// <summary>Polls the count of tasks in <paramref name="state"/> until it reaches <paramref name="count"/>.</summary>
        public async Task WaitForCountAsync(string state, int count, TimeSpan interval)
        {
            while (JsonNode.Parse(await SendAsync(HttpMethod.Get, $"v3/tasks?state={state}&limit=1&offset=0"))!["count"]!.GetValue<long>() < count)
            {
                await Task.Delay(interval);
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
