using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>
    /// 9 and 10. The module at its default settings (no -PollInterval, no -ThrottleLimit; <c>--module-poll N</c> adds
    /// <c>-PollInterval N</c>) against a stand-in for the best script a user would write with Huawei's SDK
    /// (<see cref="SdkScript"/>), with 2 s state transitions: R rounds (<c>--runs</c>), each side on freshly seeded tasks,
    /// module then stand-in; wall time and requests (IAM token calls excluded on both sides), and a check of the result.
    /// </summary>
    internal static class DefaultsCase
    {
        private const double TransitionMs = 2000;

        /// <summary>9. 1,000 RUNNING SMS tasks: list, stop each, wait until all are ABORT.</summary>
        public static async Task SeedWorkflowAsync()
        {
            const int tasks = 1000;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 0, dcsTasks: 0);
            await Compare(sim, "9 Seed workflow", $"{tasks:N0} RUNNING SMS tasks, stop {TransitionMs / 1000:0} s",
                "Get-SmsTask -State RUNNING | Suspend-SmsTask -Wait -Confirm:$false" + PollArgument() + " | Out-Null",
                "SDK script: pages, stops by 10 workers, GET each pending task every 1 s",
                transitions: ms => sim.TimingsAsync(stopToAbortMs: ms),
                seed: async n => { await sim.SeedAsync(0, 0); await Seed.SmsTasksAsync(sim, n, "seed", "RUNNING"); },
                standIn: SdkScript.SuspendRunningAsync,
                check: async raw => (int)await sim.CountAsync("v3/tasks?state=ABORT&limit=1"),
                tasks, "paused");
        }

        /// <summary>10. 200 MIGRATING DCS tasks: list, batch-stop, wait until all are TERMINATED.</summary>
        public static async Task DcsStopAsync()
        {
            const int tasks = 200;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 0, dcsTasks: 0);
            await Compare(sim, "10 DCS stop", $"{tasks} MIGRATING DCS tasks, stop {TransitionMs / 1000:0} s",
                "Get-DcsMigrationTask | Stop-DcsMigrationTask -Wait -Confirm:$false" + PollArgument() + " | Out-Null",
                "SDK script: list, 4 batch stops at once, GET each pending task every 1 s",
                transitions: ms => sim.TimingsAsync(dcsStopToTerminatedMs: ms),
                seed: async n => { await sim.SeedAsync(0, 0); await Seed.DcsTasksAsync(sim, n, "dcs-defaults", "MIGRATING"); },
                standIn: SdkScript.StopDcsAsync,
                check: async raw =>
                {
                    var project = "v2/" + SimulatorCredentials.ProjectIdFor(SimulatorCredentials.DefaultRegion);
                    using var doc = JsonDocument.Parse(await raw.SendAsync(HttpMethod.Get, project + "/migration-tasks?offset=0&limit=1000"));
                    return doc.RootElement.GetProperty("migration_tasks").EnumerateArray().Count(t => t.GetProperty("status").GetString() == "TERMINATED");
                },
                tasks, "terminated");
        }

        private static string PollArgument() => ModulePoll is double p ? " -PollInterval " + p.ToString(CultureInfo.InvariantCulture) : string.Empty;

        private sealed record Side(double Ms, int Requests, int Iam, int Done, string Shape, List<SimRequest> Log, string Phases);

        private static async Task Compare(
            SimulatorProcess sim, string @case, string what, string module, string standInIs,
            Func<double, Task> transitions, Func<int, Task> seed, Func<RawSms, Task<int>> standIn, Func<RawSms, Task<int>> check,
            int tasks, string settled)
        {
            var latency = Latency.TotalMilliseconds;
            var setting = ModulePoll is double p ? $"-PollInterval {p.ToString(CultureInfo.InvariantCulture)}" : "defaults";
            Console.WriteLine($"  {@case}: {what}, {latency} ms; module ({setting}): {module}");
            // Both sides hold their token before any request is counted; IAM calls are left out of both counts anyway.
            using var raw = await RawSms.ConnectAsync(sim);
            using var rs = Connected(sim.BaseUri);

            // Warm-up of both sides on 20 tasks that settle at once (JIT, connections), neither timed nor counted.
            await sim.TimingsAsync(latencyMs: 0);
            await transitions(0);
            await seed(20);
            Harness.Run(rs, module);
            await seed(20);
            await standIn(raw);
            await transitions(TransitionMs);

            var runs = new List<(Side Module, Side StandIn)>();
            for (var r = 1; r <= Runs; r++)
            {
                var m = await Measure(sim, raw, seed, check, tasks, latency, () => { Harness.Run(rs, module); return Task.CompletedTask; });
                var s = await Measure(sim, raw, seed, check, tasks, latency, () => standIn(raw));
                runs.Add((m, s));
                Console.WriteLine($"  run {r}: module {m.Phases}; stand-in {s.Phases}");
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "  run {0}: wall module {1:0} ms, stand-in {2:0} ms, speed-up {3:0.00}; requests module {4}, stand-in {5}, ratio {6:0.000}; {7} / {8} of {9} {10}; IAM calls {11} / {12}",
                    r, m.Ms, s.Ms, s.Ms / m.Ms, m.Requests, s.Requests, m.Requests / (double)s.Requests, m.Done, s.Done, tasks, settled, m.Iam, s.Iam));
                if (r == 1)
                {
                    Console.WriteLine("    module requests: " + m.Shape);
                    Console.WriteLine("    stand-in requests: " + s.Shape);
                    var lastAction = m.Log.Where(q => q.Method == "POST").Select(q => q.Timestamp).DefaultIfEmpty(m.Log.First().Timestamp).Max();
                    Console.WriteLine("    module after its last action: " + string.Join(" ", m.Log.Where(q => q.Timestamp > lastAction)
                        .Select(q => $"+{(q.Timestamp - lastAction).TotalMilliseconds:0}ms {q.Method} {Shape(q.Path)}")));
                }
            }

            for (var i = 0; i < runs.Count; i++)
            {
                var (m, s) = runs[i];
                Add(@case, $"wall (ms), run {i + 1}, module {setting}", m.Ms, s.Ms, standInIs, s.Ms / m.Ms, "(report)", true,
                    $"speed-up = stand-in / module; {m.Done} / {s.Done} of {tasks} {settled}");
                Add(@case, $"requests, run {i + 1}, module {setting}", m.Requests, s.Requests, "the stand-in's requests", m.Requests / (double)s.Requests, "(report)", true,
                    "ratio = module / stand-in; IAM token calls not counted");
            }
            var moduleWall = Median(runs.Select(x => x.Module.Ms));
            var standInWall = Median(runs.Select(x => x.StandIn.Ms));
            var moduleRequests = Median(runs.Select(x => (double)x.Module.Requests));
            var standInRequests = Median(runs.Select(x => (double)x.StandIn.Requests));
            var speedUp = standInWall / moduleWall;
            var share = moduleRequests / standInRequests;
            Add(@case, $"wall (ms), median of {runs.Count}, module {setting}", moduleWall, standInWall, standInIs, speedUp, "≥ 1.2", speedUp >= 1.2,
                $"{what}, {latency} ms; speed-up = stand-in / module; per run {string.Join(", ", runs.Select(x => (x.StandIn.Ms / x.Module.Ms).ToString("0.00", CultureInfo.InvariantCulture)))}");
            Add(@case, $"requests, median of {runs.Count}, module {setting}", moduleRequests, standInRequests, "the stand-in's requests", share, "≤ 0.55", share <= 0.55,
                "ratio = module / stand-in; IAM token calls not counted");
            var allModule = runs.All(x => x.Module.Done == tasks);
            var allStandIn = runs.All(x => x.StandIn.Done == tasks);
            Add(@case, $"correct: fewest {settled} after a run (of {tasks:N0})", runs.Min(x => x.Module.Done), runs.Min(x => x.StandIn.Done), "the stand-in's", allModule && allStandIn ? 1 : 0,
                $"= {tasks}", allModule && allStandIn, $"module {(allModule ? "all" : "NOT all")}, stand-in {(allStandIn ? "all" : "NOT all")} in every run");
        }

        /// <summary>One side of one round: fresh tasks, the latency on, the requests cleared; timed; then the log and the check.</summary>
        private static async Task<Side> Measure(SimulatorProcess sim, RawSms raw, Func<int, Task> seed, Func<RawSms, Task<int>> check, int tasks, double latency, Func<Task> run)
        {
            await sim.TimingsAsync(latencyMs: 0);
            await seed(tasks);
            await sim.TimingsAsync(latencyMs: latency);
            await sim.ClearRequestsAsync();
            var start = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            await run();
            var ms = clock.Elapsed.TotalMilliseconds;
            var end = start + clock.Elapsed;
            var log = await sim.RequestsAsync();
            await sim.TimingsAsync(latencyMs: 0);
            var done = await check(raw);
            var iam = log.Count(IsIam);
            var counted = log.Where(r => !IsIam(r)).ToList();
            var shape = string.Join(", ", counted.GroupBy(r => r.Method + " " + Shape(r.Path)).Select(g => g.Count() + " × " + g.Key));
            // Where the time went (the simulator's arrival times, same clock): until the first action, the actions, the wait after them.
            var posts = counted.Where(r => r.Method == "POST").Select(r => r.Timestamp).ToList();
            var phases = posts.Count == 0 ? "no action sent" : string.Format(CultureInfo.InvariantCulture, "list {0:0} ms, actions {1:0} ms, wait {2:0} ms",
                (posts.Min() - start).TotalMilliseconds, (posts.Max() - posts.Min()).TotalMilliseconds, (end - posts.Max()).TotalMilliseconds);
            return new Side(ms, counted.Count, iam, done, shape, counted, phases);
        }

        // IAM token calls (/v3/auth/...): not the work compared, and the two sides get their token differently.
        private static bool IsIam(SimRequest r) => r.Path.StartsWith("/v3/auth/", StringComparison.OrdinalIgnoreCase);

        // Ids out of a path, so the requests group by route.
        private static string Shape(string path) => System.Text.RegularExpressions.Regex.Replace(path, "/[0-9a-f-]{16,}", "/{id}");
    }
}
