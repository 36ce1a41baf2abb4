using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>3. Listing 10,000 tasks at 20 ms a request, against the latency bound and raw HTTP of the same pages.</summary>
    internal static class ListingCase
    {
        public static async Task RunAsync()
        {
            const int tasks = 10000, pageSize = 200, concurrency = 8;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: tasks, dcsTasks: 0);
            using var rs = Connected(sim.BaseUri);
            Harness.Run(rs, "Get-SmsTask -First 1 | Out-Null");
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            var runs = new List<double>();
            var piped = new List<double>();
            var requests = 0;
            for (var round = 0; round < (Quick ? 2 : 3); round++)
            {
                await sim.ClearRequestsAsync();
                // The module's own cost: every task is read, typed and written; nothing downstream binds it.
                runs.Add(Time(() => Harness.Run(rs, "$null = Get-SmsTask")));
                requests = (await sim.RequestsAsync()).Count(q => q.Path == "/v3/tasks");
                // With a downstream cmdlet, PowerShell binds each of the 10,000 objects to it as well.
                piped.Add(Time(() => Harness.Run(rs, "Get-SmsTask | Out-Null")));
            }
            var pages = (int)Math.Ceiling(tasks / (double)pageSize);
            var bound = Math.Ceiling(pages / (double)concurrency) * Latency.TotalMilliseconds;
            var wall = runs.Min();

            // The same pages over raw HttpClient, first page alone, then 8 in flight, bodies read as strings only.
            var token = await sim.TokenAsync();
            using var http = new HttpClient();
            async Task<double> RawListingAsync()
            {
                var clock = Stopwatch.StartNew();
                async Task Page(int offset)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sim.BaseUri, $"v3/tasks?limit={pageSize}&offset={offset}"));
                    request.Headers.Add("X-Auth-Token", token);
                    using var response = await http.SendAsync(request);
                    _ = await response.Content.ReadAsStringAsync();
                }
                await Page(0);
                using var slots = new SemaphoreSlim(concurrency);
                await Task.WhenAll(Enumerable.Range(1, pages - 1).Select(async p => { await slots.WaitAsync(); try { await Page(p * pageSize); } finally { slots.Release(); } }));
                return clock.Elapsed.TotalMilliseconds;
            }
            await RawListingAsync();
            var raw = Math.Min(await RawListingAsync(), await RawListingAsync());

            Add("3 Listing", $"{tasks:N0} tasks at {Latency.TotalMilliseconds} ms: requests", requests, pages, $"{pages} pages of {pageSize}", requests / (double)pages, "= pages", requests == pages, string.Empty);
            Add("3 Listing", $"{tasks:N0} tasks at {Latency.TotalMilliseconds} ms: $null = Get-SmsTask (ms)", wall, raw, $"raw HttpClient, same pages, {concurrency} in flight", wall / raw, "≤ 1.5", wall / raw <= 1.5,
                $"first page alone, then {concurrency} in flight; {tasks / wall * 1000:0} tasks/s");
            Add("3 Listing", "same, against the latency bound (ms)", wall, bound, $"⌈{pages}/{concurrency}⌉ × latency", wall / bound, "(report)", true, "what no client can beat at this latency");
            Add("3 Listing", "Get-SmsTask | Out-Null instead (ms)", piped.Min(), raw, $"raw HttpClient, same pages", piped.Min() / raw, "(report)", true, "adds PowerShell binding each object to Out-Null");
        }
    }
}
