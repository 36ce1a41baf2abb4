using System;
using System.Linq;
using System.Threading.Tasks;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>6. <c>Get-DcsMigrationTask | Stop-DcsMigrationTask -Wait</c> over 200 migrating tasks.</summary>
    internal static class DcsStopCase
    {
        public static async Task RunAsync()
        {
            const int tasks = 200, batch = 50;
            const double stopToTerminated = 100;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 0, dcsTasks: 0);
            await sim.TimingsAsync(dcsStopToTerminatedMs: stopToTerminated);
            await Seed.DcsTasksAsync(sim, tasks, "dcs-stop", "MIGRATING");
            using var rs = Connected(sim.BaseUri);
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            await sim.ClearRequestsAsync();

            var wall = Time(() => Harness.Run(rs, "Get-DcsMigrationTask | Stop-DcsMigrationTask -Wait -PollInterval 0.1 -Confirm:$false | Out-Null"));
            var log = await sim.RequestsAsync();
            await sim.TimingsAsync(latencyMs: 0);
            var stopped = Harness.Run(rs, "@(Get-DcsMigrationTask -Status TERMINATED).Count").Single();

            var latency = Latency.TotalMilliseconds;
            var batches = (int)Math.Ceiling(tasks / (double)batch);
            // The listing (one page), the batch stops (all in flight at once), the stop taking effect, one read.
            var bound = latency + latency + stopToTerminated + latency;
            Add("6 DCS stop", $"{tasks} piped | Stop-DcsMigrationTask -Wait, {latency} ms: wall (ms)", wall, bound, "list + one round of batches + stop + one poll", wall / bound, "(report)", true,
                $"{stopped} of {tasks} terminated");
            Add("6 DCS stop", "requests", log.Count, 1 + batches + 1, $"1 list + {batches} batches of {batch} + 1 poll", log.Count / (double)(batches + 2), "(report)", true,
                string.Join(", ", log.GroupBy(r => r.Method + " " + Shape(r.Path)).Select(g => g.Count() + " × " + g.Key)));
        }

        // Ids out of a path, so the requests group by route.
        private static string Shape(string path) => System.Text.RegularExpressions.Regex.Replace(path, "/[0-9a-f-]{16,}", "/{id}");
    }
}
