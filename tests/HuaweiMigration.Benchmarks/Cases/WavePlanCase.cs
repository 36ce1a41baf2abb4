using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>
    /// 11. A wave plan of 200 server rows through Create and Replicate: <c>Invoke-HuaweiMigrationPlan</c> against the
    /// same two stages done with the module's own cmdlets one row at a time (per row: <c>New-SmsTask</c>, then
    /// <c>Start-SmsTask</c> and <c>Wait-SmsTask -State MIGRATE_SUCCESS</c>), both at 20 ms of latency, the same
    /// <c>-PollInterval</c>, and a replication that takes <see cref="ReplicationSeconds"/> once a task runs. R rounds
    /// (<c>--runs</c>), each side on fresh source servers; wall time, and the plan's requests per row and stage beside
    /// its polls (IAM token calls not counted).
    /// </summary>
    internal static class WavePlanCase
    {
        private const int Rows = 200;
        private const double ReplicationSeconds = 0.5;
        private const double Poll = 0.5;
        private const string Case = "11 Wave plan";

        private const string PlanScript =
            "$r = @(Invoke-HuaweiMigrationPlan -Path $args[0] -Stage Create, Replicate -PollInterval $args[1] -Force -ErrorAction Stop); " +
            "@($r | Where-Object { $_.Stage -eq 'Replicate' -and $_.Outcome -eq 'Done' }).Count";

        // The honest one-row-at-a-time equivalent: the template and the source servers looked up once, then per row
        // the task made, started, and waited for until replicated, before the next row. The rows come as the plan's
        // names (each row's task and source server share its name; the hosted runspace has no Import-Csv).
        private const string SerialScript =
            "$tpl = Get-SmsTemplate -Name $args[2] -ErrorAction Stop; $servers = @{}; foreach ($s in Get-SmsSourceServer) { $servers[$s.Name] = $s }; $n = 0; " +
            "foreach ($name in $args[0]) { " +
            "$t = $servers[$name] | New-SmsTask -Name $name -TemplateId $tpl.Id -ErrorAction Stop; " +
            "$t | Start-SmsTask -ErrorAction Stop | Out-Null; " +
            "$w = $t | Wait-SmsTask -State MIGRATE_SUCCESS -PollInterval $args[1] -ErrorAction Stop; if ($w.State -eq 'MIGRATE_SUCCESS') { $n++ } }; $n";

        public static async Task RunAsync()
        {
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 0, dcsTasks: 0);
            using var rs = Connected(sim.BaseUri);
            var dir = Directory.CreateTempSubdirectory("hm-bench-wave-").FullName;
            var latency = Latency.TotalMilliseconds;
            var poll = Poll.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"  {Case}: {Rows} server rows through Create and Replicate, {latency} ms, replication {ReplicationSeconds} s, -PollInterval {poll}");
            try
            {
                // Warm-up of both sides on 5 rows (JIT, connections), neither timed nor counted.
                await sim.TimingsAsync(latencyMs: 0);
                var warm = await Fresh(sim, dir, 5, "warm");
                Harness.Run(rs, PlanScript, warm.Plan, Poll);
                warm = await Fresh(sim, dir, 5, "warm2");
                Harness.Run(rs, SerialScript, warm.Names, Poll, warm.Template);

                var runs = new List<(Side Plan, Side Serial)>();
                for (var r = 1; r <= Runs; r++)
                {
                    var plan = await Fresh(sim, dir, Rows, "plan" + r);
                    var p = await Measure(sim, () => Harness.Run(rs, PlanScript, plan.Plan, Poll));
                    var serial = await Fresh(sim, dir, Rows, "serial" + r);
                    var s = await Measure(sim, () => Harness.Run(rs, SerialScript, serial.Names, Poll, serial.Template));
                    runs.Add((p, s));
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "  run {0}: wall plan {1:0} ms, one row at a time {2:0} ms, speed-up {3:0.00}; requests plan {4} ({5}), serial {6}; replicated {7} / {8} of {9}",
                        r, p.Ms, s.Ms, s.Ms / p.Ms, p.Requests, p.Stages, s.Requests, p.Done, s.Done, Rows));
                    if (r == 1)
                    {
                        Console.WriteLine("    plan requests: " + p.Shape);
                        Console.WriteLine("    serial requests: " + s.Shape);
                    }
                }

                var setting = $"{Rows} rows, {latency} ms, replication {ReplicationSeconds} s, -PollInterval {poll}";
                for (var i = 0; i < runs.Count; i++)
                {
                    var (p, s) = runs[i];
                    Add(Case, $"wall (ms), run {i + 1}", p.Ms, s.Ms, "one row at a time", s.Ms / p.Ms, "(report)", true,
                        $"speed-up = one row at a time / plan; {p.Done} / {s.Done} of {Rows} replicated");
                }
                var planWall = Median(runs.Select(x => x.Plan.Ms));
                var serialWall = Median(runs.Select(x => x.Serial.Ms));
                var speedUp = serialWall / planWall;
                Add(Case, $"wall (ms), median of {runs.Count}", planWall, serialWall, "one row at a time (New-SmsTask, Start-SmsTask, Wait-SmsTask)", speedUp, "≥ 5", speedUp >= 5,
                    $"{setting}; per run {string.Join(", ", runs.Select(x => (x.Serial.Ms / x.Plan.Ms).ToString("0.00", CultureInfo.InvariantCulture)))}");
                var create = Median(runs.Select(x => x.Plan.CreatePerRow));
                var replicate = Median(runs.Select(x => x.Plan.ReplicatePerRow));
                var polls = Median(runs.Select(x => (double)x.Plan.Polls));
                Add(Case, "Create: requests per row (check's reads included)", create, Median(runs.Select(x => x.Serial.Requests / (double)Rows)), "one row at a time, all requests per row", create, "≤ 3", create <= 3,
                    "requests up to the last task creation (the check's listings, the creations) / rows");
                Add(Case, "Replicate: requests per row beside the polls", replicate, polls, "the polls (list calls)", replicate, "≤ 3", replicate <= 3,
                    "requests after the last creation that are not list calls / rows; the reference column is the number of list calls (polls)");
                var all = runs.All(x => x.Plan.Done == Rows && x.Serial.Done == Rows);
                Add(Case, $"correct: fewest replicated after a run (of {Rows})", runs.Min(x => x.Plan.Done), runs.Min(x => x.Serial.Done), "one row at a time", all ? 1 : 0, $"= {Rows}", all,
                    all ? "every row replicated on both sides in every run" : "NOT every row replicated");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        private sealed record Side(double Ms, int Requests, int Done, double CreatePerRow, double ReplicatePerRow, int Polls, string Stages, string Shape);

        /// <summary>Fresh SMS objects: <paramref name="rows"/> registered servers, a template, and the plan's CSV.</summary>
        private static async Task<(string Plan, string Template, string[] Names)> Fresh(SimulatorProcess sim, string dir, int rows, string prefix)
        {
            await sim.TimingsAsync(latencyMs: 0);
            await sim.SeedAsync(0, 0);
            await sim.ControlAsync(HttpMethod.Put, "_sim/timings", new JsonObject { ["startDelay"] = 0, ["runningToFinish"] = ReplicationSeconds });
            var template = prefix + "-template";
            await sim.ControlAsync(HttpMethod.Post, "_sim/sms/templates", new JsonObject { ["name"] = template });
            var names = Enumerable.Range(1, rows).Select(n => $"{prefix}-{n:0000}").ToList();
            for (var i = 0; i < rows; i += 20)
            {
                await Task.WhenAll(names.Skip(i).Take(20).Select(n => sim.ControlAsync(HttpMethod.Post, "_sim/sms/sources",
                    new JsonObject { ["name"] = n, ["osType"] = "LINUX", ["dataDisks"] = new JsonArray { 100 } })));
            }
            var csv = new StringBuilder("Kind,Name,SourceServer,Template\n");
            foreach (var n in names) csv.Append("Server,").Append(n).Append(',').Append(n).Append(',').Append(template).Append('\n');
            var path = Path.Combine(dir, prefix + ".csv");
            await File.WriteAllTextAsync(path, csv.ToString());
            return (path, template, names.ToArray());
        }

        /// <summary>One side of one round: the latency on, the requests cleared; timed; then the log, split by stage.</summary>
        private static async Task<Side> Measure(SimulatorProcess sim, Func<IList<System.Management.Automation.PSObject>> run)
        {
            await sim.TimingsAsync(latencyMs: Latency.TotalMilliseconds);
            await sim.ClearRequestsAsync();
            IList<System.Management.Automation.PSObject> output = Array.Empty<System.Management.Automation.PSObject>();
            var ms = Time(() => output = run());
            var log = (await sim.RequestsAsync()).Where(r => !r.Path.StartsWith("/v3/auth/", StringComparison.OrdinalIgnoreCase)).ToList();
            await sim.TimingsAsync(latencyMs: 0);
            var done = output.Count > 0 ? Convert.ToInt32(output[^1].BaseObject, CultureInfo.InvariantCulture) : 0;
            var lastCreate = log.FindLastIndex(r => r.Method == "POST" && r.Path == "/v3/tasks");
            var create = log.Take(lastCreate + 1).ToList();
            var replicate = log.Skip(lastCreate + 1).ToList();
            var polls = replicate.Count(IsList);
            var stages = $"Create {create.Count}: {ShapeOf(create)}; Replicate {replicate.Count}: {ShapeOf(replicate)}";
            return new Side(ms, log.Count, done, create.Count / (double)Rows, (replicate.Count - polls) / (double)Rows, polls, stages, ShapeOf(log));
        }

        // A list call: a GET of a collection (no id in the path), as the engine's batched polls are.
        private static bool IsList(SimRequest r) => r.Method == "GET" && !System.Text.RegularExpressions.Regex.IsMatch(r.Path, "/[0-9a-f-]{16,}(/|$)");

        private static string ShapeOf(IEnumerable<SimRequest> log) =>
            string.Join(", ", log.GroupBy(r => r.Method + " " + Shape(r.Path)).Select(g => g.Count() + " × " + g.Key));

        // Ids out of a path, so the requests group by route.
        private static string Shape(string path) => System.Text.RegularExpressions.Regex.Replace(path, "/[0-9a-f-]{16,}", "/{id}");
    }
}
