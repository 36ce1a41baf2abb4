using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using HuaweiMigration.Simulator;
using HuaweiMigration.Simulator.Sms;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Export-HuaweiMigrationReport over HTTP against the simulator: what the HTML page and the CSV file hold, that
    /// hostile text from the service stays text, that an existing file is never overwritten without -Force (and
    /// nothing is read first), and that the reads it needs are batched.
    /// </summary>
    public sealed class MigrationReportTests : LifecycleTestBase, IDisposable
    {
        private const string HostileName = "<script>alert(1)</script>";
        private const string HostileError = "disk \\\"><img src=x onerror=alert(2)> full";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "hwm-report-" + Guid.NewGuid().ToString("N"));

        public MigrationReportTests()
        {
            Directory.CreateDirectory(_folder);
        }

        void IDisposable.Dispose()
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
            Dispose();
        }

        private string File(string name) => Path.Combine(_folder, name);

        /// <summary>A small wave: a failed server with a hostile name and error, a running one at 40%, a done one, a waiting one; a moving cache and a failed one.</summary>
        private (string Failed, string Running, string Redis) SeedWave()
        {
            var source = Sim.State.Sms.AddSourceServer("src-hostile");
            var failed = Sim.State.Sms.Add(name: HostileName, state: "RUNNING", source: new SmsTaskSource(source, null, null));
            Sim.State.Sms.SetSourceServerError(source, "{\"error_code\":\"SMS.6509\",\"error_msg\":\"" + HostileError + "\",\"error_param\":[\"/dev/vdb\"]}");
            var running = Sim.State.Sms.Add(name: "web-01", state: "RUNNING", progress: 40);
            Sim.State.Sms.Add(name: "db-01", state: "MIGRATE_SUCCESS");
            Sim.State.Sms.Add(name: "app-01", state: "READY");
            var redis = Sim.State.Dcs.Add("redis-01", "INCRMIGEATING");
            Sim.State.Dcs.Add("redis-02", "FAILED");
            Sim.State.ClearRequests();
            return (failed, running, redis);
        }

        private PsResult Export(string script)
        {
            var r = Ps.Run(script);
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            return r;
        }

        [Fact]
        public void The_html_page_has_the_header_the_totals_and_a_row_per_task_problems_first()
        {
            var (failed, running, redis) = SeedWave();
            var path = File("wave.html");
            Ps.Set("path", path);
            Ps.Set("running", running);
            Export("$global:sms = @(Get-SmsTask); $global:dcs = @(Get-DcsMigrationTask)");
            var progress = ProgressOf(running);
            Export("$sms + $dcs | Export-HuaweiMigrationReport -Path $path -Title 'Wave 1'");
            var html = System.IO.File.ReadAllText(path);

            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<title>Wave 1</title>", html);
            Assert.Contains("Region <b>ap-southeast-1</b>", html);
            Assert.Contains("Project <b>" + SimulatorCredentials.ProjectIdFor("ap-southeast-1") + "</b>", html);
            Assert.Matches("Made at <time datetime=\"20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"", html);

            // Totals: 6 tasks, two failed (the hostile server and redis-02), two running, one waiting, one done.
            Assert.Contains("<b id=\"total\">6</b> tasks", html);
            Assert.Contains("data-group=\"Failed\"><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" rx=\"2\" fill=\"#d32f2f\"/></svg>Failed <span class=\"n\">2</span>", html);
            Assert.Contains("Running <span class=\"n\">2</span>", html);
            Assert.Contains("Waiting <span class=\"n\">1</span>", html);
            Assert.Contains("Done <span class=\"n\">1</span>", html);
            Assert.Contains("aria-label=\"Totals by state: Failed 2, Running 2, Waiting 1, Done 1\"", html);

            // The running server: its progress bar (the task's Progress, as Get-SmsTask shows it), its speed and its time left.
            var web = Row(html, running);
            Assert.InRange(progress, 1, 99);
            Assert.Contains(">" + progress + "%</span>", web);
            Assert.Contains("<rect width=\"" + Math.Round(1.2 * progress, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\" height=\"10\"", web);
            Assert.Matches("\\d+(\\.\\d+)? Mbit/s", web);
            Assert.Matches("(\\d+ min|\\d+ h \\d\\d min|under a minute)", web);

            // The failed server: its error code, message and what to do; the cache: its figures.
            var bad = Row(html, failed);
            Assert.Contains("<span class=\"code\">SMS.6509</span>", bad);
            Assert.Contains("A file system of the source server cannot be migrated", bad);
            var cache = Row(html, redis);
            Assert.Contains("Incremental sync", cache);
            Assert.Contains(" keys", cache);
            Assert.Contains("Get-DcsMigrationLog", html);

            // Problems first: failed rows before running ones, running before waiting, waiting before done.
            var order = Regex.Matches(html, "<tr class=\"(\\w+)\" data-group").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(new[] { "failed", "failed", "running", "running", "waiting", "done" }, order);
        }

        [Fact]
        public void Hostile_names_and_errors_stay_text_and_the_page_loads_nothing_from_elsewhere()
        {
            var (failed, _, _) = SeedWave();
            var path = File("hostile.html");
            Ps.Set("path", path);
            Export("Get-SmsTask | Export-HuaweiMigrationReport -Path $path");
            var html = System.IO.File.ReadAllText(path);

            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.Contains("disk &quot;&gt;&lt;img src=x onerror=alert(2)&gt; full", html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror=alert(2)>", html);
            foreach (var outside in new[] { "http:", "https:", "//", "url(", "<link", "@import", "src=\"", "href=" })
            {
                Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
            }
            Assert.DoesNotMatch("[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]", html);
            Assert.Contains("data-id=\"" + failed + "\"", html);
        }

        [Fact]
        public void Control_characters_from_the_service_are_removed()
        {
            Sim.State.Sms.Add(name: "web\u001b]0;pwned\u0007-02\u0001", state: "READY");
            var path = File("control.html");
            Ps.Set("path", path);
            Export("Get-SmsTask | Export-HuaweiMigrationReport -Path $path");
            var html = System.IO.File.ReadAllText(path);
            Assert.Contains("<span class=\"name\">web-02</span>", html);
            Assert.DoesNotContain("pwned", html);
        }

        [Fact]
        public void The_csv_file_has_a_header_a_line_per_task_and_defuses_formulas()
        {
            Sim.State.Sms.Add(name: "=HYPERLINK(\"http://x\",\"y\")", state: "READY");
            Sim.State.Sms.Add(name: "@SUM(1,2)", state: "MIGRATE_SUCCESS");
            var running = Sim.State.Sms.Add(name: "web-01", state: "RUNNING", progress: 40);
            Sim.State.ClearRequests();
            var path = File("wave.csv");
            Ps.Set("path", path);
            Export("$global:sms = @(Get-SmsTask)");
            var progress = ProgressOf(running);
            Export("$sms | Export-HuaweiMigrationReport -Path $path");
            var text = System.IO.File.ReadAllText(path);
            var lines = text.Split("\r\n");

            Assert.Equal("Kind,Name,Id,State,StateGroup,Progress,SpeedMbitPerSecond,SecondsLeft,Detail,ErrorCode,ErrorMessage,Advice,Stage,Outcome,Message", lines[0]);
            Assert.Equal(5, lines.Length); // header, three rows, and the empty text after the last CRLF
            Assert.Equal(string.Empty, lines[4]);
            Assert.Contains("Server,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", text);
            Assert.Contains("Server,\"'@SUM(1,2)\",", text);
            var web = lines.Single(l => l.Contains(running, StringComparison.Ordinal));
            Assert.StartsWith("Server,web-01," + running + ",RUNNING,Running," + progress + ",", web);
            Assert.DoesNotContain("\"=", text);
            Assert.DoesNotContain(",=", text);
            Assert.DoesNotContain(",@", text);
        }

        [Fact]
        public void An_existing_file_is_refused_before_any_request_unless_Force()
        {
            Sim.State.Sms.Add(name: "web-01", state: "RUNNING");
            var path = File("exists.html");
            System.IO.File.WriteAllText(path, "keep me");
            Ps.Set("path", path);
            var tasks = Ps.Run("$global:tasks = @(Get-SmsTask)");
            Assert.True(tasks.Errors.Count == 0, tasks.Describe());
            Sim.State.ClearRequests();

            var refused = Ps.Run("$tasks | Export-HuaweiMigrationReport -Path $path");
            var error = refused.SingleError();
            Assert.Equal("ReportFileExists", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Contains("-Force", error.ToString());
            Assert.Equal("keep me", System.IO.File.ReadAllText(path));
            Assert.Empty(Sim.State.Requests);

            var forced = Ps.Run("$tasks | Export-HuaweiMigrationReport -Path $path -Force -PassThru");
            Assert.True(forced.Errors.Count == 0 && forced.Terminating is null, forced.Describe());
            var info = Assert.IsType<FileInfo>(Assert.Single(forced.Output).BaseObject);
            Assert.Equal(path, info.FullName);
            Assert.StartsWith("<!DOCTYPE html>", System.IO.File.ReadAllText(path));
        }

        [Fact]
        public void WhatIf_writes_nothing_and_reads_nothing()
        {
            var path = File("whatif.html");
            Ps.Set("path", path);
            var ids = Enumerable.Range(1, 3).Select(i => Sim.State.Sms.Add(name: "web-0" + i, state: "RUNNING")).ToArray();
            Ps.Set("ids", ids);
            Sim.State.ClearRequests();
            var r = Ps.Run("$ids | ForEach-Object { [HuaweiMigration.Models.MigrationPlanResult]@{ Row = 1; Name = 'x'; TaskId = $_; Stage = 'Create'; Outcome = 'Done' } } | Export-HuaweiMigrationReport -Path $path -WhatIf");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.False(System.IO.File.Exists(path));
            Assert.Empty(Sim.State.Requests);
            Assert.Empty(r.Output);
        }

        [Fact]
        public void Plan_results_merge_into_their_tasks_rows_and_the_others_are_read_in_one_batch()
        {
            var piped = Sim.State.Sms.Add(name: "web-01", state: "RUNNING", progress: 40);
            var unpiped = Sim.State.Sms.Add(name: "web-02", state: "MIGRATE_SUCCESS");
            var redis = Sim.State.Dcs.Add("redis-01", "SUCCESS");
            Ps.Set("piped", piped);
            Ps.Set("unpiped", unpiped);
            Ps.Set("redis", redis);
            var tasks = Ps.Run("$global:web1 = Get-SmsTask -Id $piped");
            Assert.True(tasks.Errors.Count == 0, tasks.Describe());
            var progress = (int)Ps.Run("$web1.Progress").Output.Single().BaseObject;
            Sim.State.ClearRequests();
            var path = File("plan.csv");
            Ps.Set("path", path);

            Export(@"
                function Result($row, $name, $kind, $stage, $outcome, $id, $message) {
                    [HuaweiMigration.Models.MigrationPlanResult]@{ Row = $row; Name = $name; Kind = $kind; Stage = $stage; Outcome = $outcome; TaskId = $id; Message = $message }
                }
                @(
                    $web1
                    Result 1 'web-01' 'Server' 'Create' 'Done' $piped 'Created.'
                    Result 1 'web-01' 'Server' 'Replicate' 'Failed' $piped 'Timed out waiting.'
                    Result 2 'web-02' 'Server' 'Replicate' 'Done' $unpiped 'Replicated.'
                    Result 3 'redis-01' 'Redis' 'Replicate' 'AlreadyDone' $redis 'Already steady.'
                    Result 4 'web-04' 'Server' 'Create' 'Failed' $null 'SourceServer: no source server matches.'
                ) | Export-HuaweiMigrationReport -Path $path");

            var lines = System.IO.File.ReadAllText(path).Split("\r\n").Where(l => l.Length > 0).Skip(1).ToList();
            Assert.Equal(4, lines.Count);
            // The last result about web-01 merged into its piped task's row: a failed stage makes the row a problem.
            Assert.Contains(lines, l => l.StartsWith("Server,web-01," + piped + ",RUNNING,Failed," + progress + ",", StringComparison.Ordinal) && l.EndsWith(",Replicate,Failed,Timed out waiting.", StringComparison.Ordinal));
            // web-02 and redis-01 were not piped: read.
            Assert.Contains(lines, l => l.StartsWith("Server,web-02," + unpiped + ",MIGRATE_SUCCESS,Done,100,", StringComparison.Ordinal) && l.EndsWith(",Replicate,Done,Replicated.", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Redis,redis-01," + redis + ",SUCCESS,Done,100,", StringComparison.Ordinal));
            // A result with no task: the result alone.
            Assert.Contains(lines, l => l.StartsWith("Server,web-04,,Failed,Failed,", StringComparison.Ordinal) && l.EndsWith(",Create,Failed,SourceServer: no source server matches.", StringComparison.Ordinal));
            // One read per service for the tasks not piped (one task each: a GET by id is the cheaper read); no stats for a finished cache.
            Assert.Equal(2, Sim.State.Requests.Count);
            Assert.Single(Sim.State.Requests, q => q.Method == "GET" && q.Path == "/v3/tasks/" + unpiped);
            Assert.Single(Sim.State.Requests, q => q.Method == "GET" && q.Path.Contains("/migration-task", StringComparison.Ordinal));
        }

        [Fact]
        public void Many_results_without_their_tasks_cost_a_few_list_pages_not_a_GET_each()
        {
            var ids = Enumerable.Range(1, 250).Select(i => Sim.State.Sms.Add(name: "web-" + i.ToString("000"), state: "RUNNING")).ToArray();
            var caches = Enumerable.Range(1, 5).Select(i => Sim.State.Dcs.Add("redis-" + i, "INCRMIGEATING")).ToArray();
            Ps.Set("ids", ids);
            Ps.Set("caches", caches);
            Sim.State.ClearRequests();
            var path = File("many.html");
            Ps.Set("path", path);
            Export(@"
                $i = 0
                @($ids | ForEach-Object { [HuaweiMigration.Models.MigrationPlanResult]@{ Row = ++$i; Name = 'web'; TaskId = $_; Stage = 'Replicate'; Outcome = 'Done' } }) +
                @($caches | ForEach-Object { [HuaweiMigration.Models.MigrationPlanResult]@{ Row = ++$i; Name = 'redis'; Kind = 'Redis'; TaskId = $_; Stage = 'Replicate'; Outcome = 'Done' } }) |
                    Export-HuaweiMigrationReport -Path $path");

            var requests = Sim.State.Requests.ToList();
            // SMS: the list, page by page (200 a page), never one GET per task.
            Assert.InRange(requests.Count(q => q.Method == "GET" && q.Path == "/v3/tasks"), 2, 3);
            Assert.DoesNotContain(requests, q => q.Path.StartsWith("/v3/tasks/", StringComparison.Ordinal));
            // DCS: the tasks from one list call; the figures are per task by the API, one GET each for the moving ones.
            Assert.Equal(5, requests.Count(q => q.Path.EndsWith("/stats", StringComparison.Ordinal)));
            Assert.True(requests.Count <= 3 + 1 + 5 + 1, string.Join("\n", requests.Select(q => q.Method + " " + q.Path)));
            Assert.Contains("<b id=\"total\">255</b> tasks", System.IO.File.ReadAllText(path));
        }

        [Fact]
        public void Other_objects_are_refused_one_by_one_and_the_report_is_still_written()
        {
            Sim.State.Sms.Add(name: "web-01", state: "READY");
            var path = File("mixed.csv");
            Ps.Set("path", path);
            var r = Ps.Run("@(Get-SmsTask) + @('just text') | Export-HuaweiMigrationReport -Path $path");
            var error = r.SingleError();
            Assert.Equal("UnsupportedReportInput", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("String", error.ToString());
            Assert.Equal(2, System.IO.File.ReadAllLines(path).Length);
        }

        [Fact]
        public void A_missing_folder_or_an_unknown_extension_is_refused_before_any_request()
        {
            Ps.Set("missing", Path.Combine(_folder, "no-such-folder", "r.html"));
            Ps.Set("text", File("r.txt"));
            var missing = Ps.Run("Export-HuaweiMigrationReport -Path $missing");
            Assert.Equal("ReportFolderNotFound", missing.SingleError().FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.SingleError().CategoryInfo.Category);
            var unknown = Ps.Run("Export-HuaweiMigrationReport -Path $text");
            Assert.Equal("InvalidReportFormat", unknown.SingleError().FullyQualifiedErrorId.Split(',')[0]);
            var csv = Ps.Run("Export-HuaweiMigrationReport -Path $text -Format Csv");
            Assert.True(csv.Errors.Count == 0 && csv.Terminating is null, csv.Describe());
            Assert.Equal(CsvHeaderLine, System.IO.File.ReadAllText(File("r.txt")));
            Assert.Empty(Sim.State.Requests);
        }

        /// <summary>The Progress of the task with <paramref name="id"/> among $sms, as the module computes it for Get-SmsTask.</summary>
        private int ProgressOf(string id)
        {
            Ps.Set("progressOf", id);
            return (int)Ps.Run("($sms | Where-Object Id -eq $progressOf).Progress").Output.Single().BaseObject;
        }

        [Fact]
        public void A_plan_shows_each_rows_task_from_one_listing_per_service_and_the_rows_without_one()
        {
            var web = Sim.State.Sms.Add(name: "wave1-web-01", state: "MIGRATE_SUCCESS");
            Sim.State.Sms.Add(name: "other-01", state: "RUNNING");
            var redis = Sim.State.Dcs.Add("wave1-redis-01", "SUCCESS");
            Sim.State.ClearRequests();
            var plan = File("wave1.csv");
            System.IO.File.WriteAllText(plan, "Kind,Name,SourceServer,TargetServerId\r\nServer,wave1-web-01,web-01,ecs-1\r\nRedis,wave1-redis-01,,\r\n,wave1-app-01,app-01,ecs-2\r\nServer,,x,y\r\n");
            var path = File("plan-report.csv");
            Ps.Set("plan", plan);
            Ps.Set("path", path);
            var r = Ps.Run("Export-HuaweiMigrationReport -Plan $plan -Path $path");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Contains(r.Warning, w => w.Contains("Row 4 of the plan is left out of the report: it has no Name.", StringComparison.Ordinal));

            var lines = System.IO.File.ReadAllText(path).Split("\r\n").Where(l => l.Length > 0).Skip(1).ToList();
            Assert.Equal(3, lines.Count);
            Assert.Equal("Server,wave1-app-01,,NOT_CREATED,Waiting,,,,No task of this name yet.,,,,,,", lines[0]);
            Assert.Contains("Redis,wave1-redis-01," + redis + ",SUCCESS,Done,100,", lines[1]);
            Assert.Contains("Server,wave1-web-01," + web + ",MIGRATE_SUCCESS,Done,", lines[2]);
            Assert.DoesNotContain(lines, l => l.Contains("other-01", StringComparison.Ordinal));
            // One SMS listing and one DCS listing, whatever the number of rows; no GET per task.
            Assert.Equal(2, Sim.State.Requests.Count);
            Assert.Single(Sim.State.Requests, q => q.Path == "/v3/tasks");
            Assert.Single(Sim.State.Requests, q => q.Path.EndsWith("/migration-tasks", StringComparison.Ordinal));
        }

        [Fact]
        public void A_missing_plan_is_refused_before_any_request_and_nothing_is_written()
        {
            Ps.Set("plan", File("no-such-plan.csv"));
            Ps.Set("path", File("never.html"));
            var r = Ps.Run("Export-HuaweiMigrationReport -Plan $plan -Path $path");
            var error = r.SingleError();
            Assert.Equal("MigrationPlanNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.False(System.IO.File.Exists(File("never.html")));
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void A_cache_whose_figures_cannot_be_read_costs_only_its_detail_with_a_warning()
        {
            var broken = Sim.State.Dcs.Add("redis-broken", "INCRMIGEATING");
            var fine = Sim.State.Dcs.Add("redis-fine", "INCRMIGEATING");
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "/migration-task/" + broken + "/stats$", Count = -1, Kind = FaultKind.Error, StatusCode = 403, ErrorCode = "DCS.4003", ErrorMessage = "No permission." });
            Ps.Set("path", File("partial.csv"));
            var r = Ps.Run("Get-DcsMigrationTask | Export-HuaweiMigrationReport -Path $path");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var warning = Assert.Single(r.Warning);
            Assert.Contains("'redis-broken' (" + broken + "): its progress could not be read", warning);
            var lines = System.IO.File.ReadAllLines(File("partial.csv"));
            Assert.Contains(lines, l => l.StartsWith("Redis,redis-broken," + broken + ",INCRMIGEATING,Running,,,,,", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Redis,redis-fine," + fine + ",INCRMIGEATING,Running,", StringComparison.Ordinal) && l.Contains("Incremental sync", StringComparison.Ordinal));
        }

        private const string CsvHeaderLine = "Kind,Name,Id,State,StateGroup,Progress,SpeedMbitPerSecond,SecondsLeft,Detail,ErrorCode,ErrorMessage,Advice,Stage,Outcome,Message\r\n";

        /// <summary>The table row of the task with <paramref name="id"/>.</summary>
        private static string Row(string html, string id)
        {
            var start = html.IndexOf("data-id=\"" + id + "\"", StringComparison.Ordinal);
            Assert.True(start > 0, "No row for " + id);
            return html.Substring(start, html.IndexOf("</tr>", start, StringComparison.Ordinal) - start);
        }
    }
}
