using System;
using System.Linq;
using System.Threading.Tasks;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>4. Suspend-and-wait of 1,000 piped tasks, against its lower bound and a naive loop.</summary>
    internal static class BulkCase
    {
        public static async Task RunAsync()
        {
            const int tasks = 1000, throttle = 10;
            var naiveSample = Quick ? 30 : 100;
            const double stopToAbort = 100;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 0, dcsTasks: 0);
            await sim.TimingsAsync(stopToAbortMs: stopToAbort);
            await Seed.SmsTasksAsync(sim, tasks, "bulk", "RUNNING");
            using var rs = Connected(sim.BaseUri);
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            await sim.ClearRequestsAsync();

            var wall = Time(() => Harness.Run(rs, "Get-SmsTask -State RUNNING | Suspend-SmsTask -Wait -PollInterval 0.1 | Out-Null"));
            var bulkLog = await sim.RequestsAsync();
            var requests = bulkLog.Count;
            var lastStop = bulkLog.Where(r => r.Method == "POST").Max(r => r.Timestamp);
            var afterStops = string.Join(" ", bulkLog.Where(r => r.Timestamp > lastStop).Select(r => $"+{(r.Timestamp - lastStop).TotalMilliseconds:0}ms {r.Method} {r.Path}{r.Query}"));
            Console.WriteLine("  after the last stop: " + afterStops);
            await sim.TimingsAsync(latencyMs: 0);
            var paused = await sim.CountAsync("v3/tasks?state=ABORT&limit=1");
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            var latency = Latency.TotalMilliseconds;
            // Lower bound: list the tasks, send 1,000 stops at -ThrottleLimit 10, wait for the last one to pause, read once.
            var listing = (1 + Math.Ceiling((tasks / 200.0 - 1) / 8)) * latency;
            var bound = listing + Math.Ceiling(tasks / (double)throttle) * latency + stopToAbort + 2 * latency;

            // The naive loop on a sample, scaled: one stop, then one GET per poll until ABORT, task after task.
            var sample = await Seed.SmsTasksAsync(sim, naiveSample, "naive", "RUNNING");
            rs.SessionStateProxy.SetVariable("sample", sample);
            await sim.ClearRequestsAsync();
            var naiveSampleMs = Time(() => Harness.Run(rs, @"
                foreach ($id in $sample) {
                    $null = Suspend-SmsTask -Id $id
                    while ((Get-SmsTask -Id $id).State -ne 'ABORT') { [System.Threading.Thread]::Sleep(100) }
                }"));
            var naiveRequests = (await sim.RequestsAsync()).Count * (tasks / (double)naiveSample);
            var naive = naiveSampleMs * (tasks / (double)naiveSample);

            // The raw-HTTP floor of the same work on 1,000 fresh running tasks: the pages, the stops, then a poll of
            // the paused count every 100 ms until all are paused.
            await sim.TimingsAsync(latencyMs: 0);
            await sim.SeedAsync(0, 0);
            var fresh = await Seed.SmsTasksAsync(sim, tasks, "raw", "RUNNING");
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            using var raw = await RawSms.ConnectAsync(sim);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await raw.ReadPagesAsync("state=RUNNING&", tasks, 200);
            await raw.StopAllAsync(fresh, throttle);
            await raw.WaitForCountAsync("ABORT", tasks, TimeSpan.FromMilliseconds(100));
            var floor = clock.Elapsed.TotalMilliseconds;

            Add("4 Bulk", $"Suspend-SmsTask -Wait, {tasks:N0} piped, {latency} ms: wall (ms)", wall, bound, "list + ⌈1000/10⌉ × latency + pause + one poll", wall / bound, "≤ 1.2", wall / bound <= 1.2, $"{paused} of {tasks} paused");
            Add("4 Bulk", "vs a naive loop (one stop, then poll each task)", wall, naive, $"naive loop, measured on {naiveSample} and scaled", naive / wall, "≥ 10× faster", naive / wall >= 10, $"naive ≈ {naive / 1000:0.0} s");
            Add("4 Bulk", "same, against raw HTTP doing the same work (ms)", wall, floor, "raw: pages, 1,000 stops 10 at a time, poll until paused", wall / floor, "(report)", true, "what this machine allows, simulator included");
            Add("4 Bulk", "requests", requests, naiveRequests, "naive loop (scaled)", requests / naiveRequests, "(report)", true, $"{requests} requests: {tasks} stops + listing and polls");
        }
    }
}
