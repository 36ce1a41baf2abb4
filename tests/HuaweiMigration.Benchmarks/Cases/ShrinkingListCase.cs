using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>
    /// 5. <c>Get-SmsTask -State RUNNING | Suspend-SmsTask</c> over 1,000 running tasks: every pause shrinks the
    /// filtered list while it is read. Requests against the pages the tasks fill, wall against its lower bound.
    /// </summary>
    internal static class ShrinkingListCase
    {
        public static async Task RunAsync()
        {
            const int tasks = 1000, pageSize = 200, throttle = 10;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 0, dcsTasks: 0);
            await Seed.SmsTasksAsync(sim, tasks, "shrink", "RUNNING");
            using var rs = Connected(sim.BaseUri);
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            await sim.ClearRequestsAsync();

            var wall = Time(() => Harness.Run(rs, "Get-SmsTask -State RUNNING | Suspend-SmsTask | Out-Null"));
            var log = await sim.RequestsAsync();
            // The listing's reads carry the state filter; Suspend-SmsTask then reads its tasks back (unfiltered pages)
            // for the objects it writes.
            var reads = log.Where(r => r.Method == "GET" && r.Path == "/v3/tasks").ToList();
            var filtered = reads.Where(r => r.Query.Contains("state=RUNNING", StringComparison.Ordinal)).ToList();
            var listings = filtered.Count;
            var offsets = string.Join(" ", filtered.Select(r => System.Text.RegularExpressions.Regex.Match(r.Query, "offset=(\\d+)").Groups[1].Value));
            var stops = log.Count(r => r.Method == "POST");
            await sim.TimingsAsync(latencyMs: 0);
            var left = await sim.CountAsync("v3/tasks?state=RUNNING&limit=1");

            var pages = (int)Math.Ceiling(tasks / (double)pageSize);
            var latency = Latency.TotalMilliseconds;
            var raw = await RawFloorAsync(sim, tasks, pageSize, throttle);
            // No client does better than reading the first page, then sending the stops -ThrottleLimit at a time.
            var bound = latency + Math.Ceiling(tasks / (double)throttle) * latency;
            Add("5 Shrinking list", $"{tasks:N0} RUNNING | Suspend-SmsTask: list requests", listings, pages, $"{pages} pages of {pageSize}", listings / (double)pages, "≤ pages + 2", listings <= pages + 2,
                $"offsets read: {offsets}; {stops} stops sent, {left} left running; then {reads.Count - listings} unfiltered pages read the tasks back for the output");
            Add("5 Shrinking list", $"same, wall at {latency} ms (ms)", wall, raw, "raw HTTP: the pages, 1,000 stops 10 at a time, the pages again", wall / raw, "(report)", true,
                $"the latency bound (one page + ⌈1000/10⌉ × latency) is {bound:0} ms");
        }

        /// <summary>The same work over raw HTTP on 1,000 fresh running tasks: the filtered pages, the stops, the pages again.</summary>
        private static async Task<double> RawFloorAsync(SimulatorProcess sim, int tasks, int pageSize, int throttle)
        {
            await sim.TimingsAsync(latencyMs: 0);
            await sim.SeedAsync(0, 0);
            var ids = await Seed.SmsTasksAsync(sim, tasks, "raw", "RUNNING");
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            using var raw = await RawSms.ConnectAsync(sim);
            var clock = Stopwatch.StartNew();
            await raw.ReadPagesAsync("state=RUNNING&", tasks, pageSize);
            await raw.StopAllAsync(ids, throttle);
            await raw.ReadPagesAtOnceAsync(tasks, pageSize);
            return clock.Elapsed.TotalMilliseconds;
        }
    }
}
