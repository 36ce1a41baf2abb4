using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Invoke-HuaweiMigrationPlan over the simulator: stages, idempotence, results, refusals, secrets.</summary>
    public class InvokeMigrationPlanTests : LifecycleTestBase, IDisposable
    {
        private const string SourcePw = "Src-PLAN-planted-4e1f";
        private const string TargetPw = "Tgt-PLAN-planted-a93c";
        private const string Target = "5e7a3b1c-0000-4000-8000-00000000abcd";

        private readonly string _dir = Path.Combine(Path.GetTempPath(), "hm-plan-" + Guid.NewGuid().ToString("N"));

        public InvokeMigrationPlanTests()
        {
            Directory.CreateDirectory(_dir);
            Sim.State.Timings.RunningToFinish = TimeSpan.FromMilliseconds(400);
            Sim.State.Timings.LaunchDelay = TimeSpan.FromMilliseconds(200);
            Sim.State.Timings.DcsCreating = TimeSpan.FromMilliseconds(200);
            Sim.State.Timings.DcsMigrationStep = TimeSpan.FromMilliseconds(200);
            Sim.State.Timings.DcsExchangeDelay = TimeSpan.FromMilliseconds(200);
            Ps.Set("spw", PsSession.Secure(SourcePw));
            Ps.Set("tpw", PsSession.Secure(TargetPw));
        }

        /// <summary>Writes a plan of <paramref name="servers"/> server rows and <paramref name="redis"/> Redis rows; returns its path.</summary>
        private string Plan(int servers, int redis, bool syncing = false, string extraRows = "")
        {
            if (servers > 0 && Sim.State.Sms.Templates.Ids.Count == 0) Sim.State.Sms.Templates.Add("wave-tpl");
            var lines = new List<string> { "Kind,Name,SourceServer,Template,SourceAddress,TargetInstanceId,Method,VpcId,SubnetId,SecurityGroupId,Syncing" };
            for (var i = 0; i < servers; i++)
            {
                var name = "web-" + i.ToString("00");
                Sim.State.Sms.AddSourceServer(name, true, dataDisksGb: new long[] { 100 });
                lines.Add("Server," + name + "," + name + ",wave-tpl,,,,,," + (syncing ? ",True" : ","));
            }
            for (var i = 0; i < redis; i++)
            {
                lines.Add("Redis,cache-" + i.ToString("00") + ",,,10.0.1." + (10 + i) + ":6379," + Target + "," + (i % 2 == 0 ? "Incremental" : "Full") + ",vpc-0001,subnet-0001,sg-0001,");
            }
            if (extraRows.Length > 0) lines.Add(extraRows);
            var path = Path.Combine(_dir, "wave.csv");
            File.WriteAllLines(path, lines);
            Ps.Set("plan", path);
            return path;
        }

        private const string Passwords = " -RedisPassword @{ '10.0.1.10:6379' = $spw; '10.0.1.11:6379' = $spw; '10.0.1.12:6379' = $spw; '" + Target + "' = $tpw }";

        private static readonly string[] Writes = { "POST", "PUT", "DELETE", "PATCH" };

        private RecordedRequest[] WriteRequests => Sim.State.Requests.Where(r => Writes.Contains(r.Method) && !r.Path.StartsWith("/v3/auth", StringComparison.Ordinal)).ToArray();

        [Fact]
        public void Create_and_Replicate_make_and_replicate_every_row_and_a_second_run_sends_nothing()
        {
            Plan(4, 2);

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Replicate, Create -Force -PollInterval 0.1" + Passwords);

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var results = r.Objects<MigrationPlanResult>().ToList();
            Assert.Equal(12, results.Count);
            // A Redis migration may be steady before its Replicate stage starts: nothing is sent for it either way.
            Assert.All(results, x => Assert.True(x.Outcome == MigrationPlanOutcomes.Done
                || x.Kind == MigrationPlanKinds.Redis && x.Stage == MigrationPlanStages.Replicate && x.Outcome == MigrationPlanOutcomes.AlreadyDone, x + " " + x.Message));
            Assert.All(results.Where(x => x.Stage == MigrationPlanStages.Replicate && x.Kind == MigrationPlanKinds.Server), x => Assert.Equal("MIGRATE_SUCCESS", x.State));
            Assert.Equal(new[] { "Create", "Replicate" }, results.Select(x => x.Stage).Distinct());
            Assert.Equal(4, Sim.State.Sms.Count);

            Sim.State.ClearRequests();
            var again = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.1" + Passwords);

            Assert.True(again.Errors.Count == 0 && again.Terminating is null, again.Describe());
            Assert.All(again.Objects<MigrationPlanResult>(), x => Assert.True(x.Outcome == MigrationPlanOutcomes.AlreadyDone, x + " " + x.Message));
            Assert.Empty(WriteRequests);
            Assert.Equal(4, Sim.State.Sms.Count);
        }


        private static MigrationPlanResult Of(IEnumerable<MigrationPlanResult> results, string name, string stage) =>
            results.Single(x => x.Name == name && x.Stage == stage);

        private void AssertNoSecret(params PsResult[] runs)
        {
            foreach (var run in runs)
            {
                var text = run.AllText() + string.Join("\n", run.Objects<MigrationPlanResult>().Select(x => x.Message + " " + x.State + " " + x.TaskId));
                Assert.DoesNotContain(SourcePw, text, StringComparison.Ordinal);
                Assert.DoesNotContain(TargetPw, text, StringComparison.Ordinal);
            }
            foreach (var q in Sim.State.Requests)
            {
                var logged = q.Body + " " + q.QueryString + " " + string.Join(" ", q.Headers.Values);
                Assert.DoesNotContain(SourcePw, logged, StringComparison.Ordinal);
                Assert.DoesNotContain(TargetPw, logged, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_wave_goes_through_every_stage_failed_rows_are_skipped_and_a_second_run_sends_nothing_for_rows_already_done()
        {
            Plan(12, 3, syncing: true);
            var results = Path.Combine(_dir, "results.csv");
            Ps.Set("results", results);
            const string Common = " -Force -PollInterval 0.1 -ResultPath $results" + Passwords;
            // cache-01 fails at its first migration step.
            Sim.State.Dcs.FailTaskNamed("cache-01");

            var create = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create -Verbose" + Common);
            Assert.True(create.Errors.Count == 0 && create.Terminating is null, create.Describe());
            Assert.All(create.Objects<MigrationPlanResult>(), x => Assert.True(x.Outcome == MigrationPlanOutcomes.Done, x + " " + x.Message));
            var ids = create.Objects<MigrationPlanResult>().Where(x => x.Kind == MigrationPlanKinds.Server).ToDictionary(x => x.Name!, x => x.TaskId!);
            Assert.Equal(12, ids.Values.Distinct().Count());
            // web-03's test launch fails; web-05's start is refused by the service.
            Sim.State.Sms.SetLaunchFailures(ids["web-03"], new[] { "test" });
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/tasks/" + ids["web-05"] + "/action$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.6521", ErrorMessage = "The agent of the source server is busy.", Count = 1000 });

            var run = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Cutover, Test, Replicate" + Common);

            Assert.True(run.Terminating is null, run.Describe());
            var all = run.Objects<MigrationPlanResult>().ToList();
            Assert.Equal(45, all.Count);
            Assert.Equal(new[] { "Replicate", "Test", "Cutover" }, all.Select(x => x.Stage).Distinct());
            Assert.Equal(MigrationPlanOutcomes.Failed, Of(all, "web-05", "Replicate").Outcome);
            Assert.Contains("SMS.6521", Of(all, "web-05", "Replicate").Message);
            Assert.Equal(MigrationPlanOutcomes.Failed, Of(all, "cache-01", "Replicate").Outcome);
            Assert.Equal(MigrationPlanOutcomes.Done, Of(all, "web-03", "Replicate").Outcome);
            Assert.Equal(MigrationPlanOutcomes.Failed, Of(all, "web-03", "Test").Outcome);
            Assert.Contains("error", Of(all, "web-03", "Test").Message);
            foreach (var (name, stage) in new[] { ("web-05", "Test"), ("web-05", "Cutover"), ("cache-01", "Test"), ("cache-01", "Cutover"), ("web-03", "Cutover") })
            {
                Assert.Equal(MigrationPlanOutcomes.Skipped, Of(all, name, stage).Outcome);
            }
            var failedOrSkipped = new[] { "web-03", "web-05", "cache-01" };
            foreach (var x in all.Where(x => !failedOrSkipped.Contains(x.Name)))
            {
                var expected = x.Kind == MigrationPlanKinds.Redis && x.Stage != "Cutover" ? new[] { MigrationPlanOutcomes.Done, MigrationPlanOutcomes.AlreadyDone } : new[] { MigrationPlanOutcomes.Done };
                Assert.True(expected.Contains(x.Outcome), x + " " + x.Message);
            }
            Assert.All(all.Where(x => x.Kind == MigrationPlanKinds.Redis && x.Stage == "Test" && x.Outcome != MigrationPlanOutcomes.Skipped), x => Assert.Equal("Nothing to do for Redis.", x.Message));

            // Run again: nothing already done is sent again; the failed rows fail as before.
            Sim.State.ClearRequests();
            var again = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate, Test, Cutover" + Common);
            Assert.True(again.Terminating is null, again.Describe());
            var second = again.Objects<MigrationPlanResult>().ToList();
            Assert.Equal(60, second.Count);
            Assert.All(second.Where(x => x.Stage == "Create"), x => Assert.Equal(MigrationPlanOutcomes.AlreadyDone, x.Outcome));
            foreach (var x in second.Where(x => x.Stage != "Create"))
            {
                var before = all.Single(y => y.Name == x.Name && y.Stage == x.Stage);
                var expected = before.Outcome == MigrationPlanOutcomes.Done ? MigrationPlanOutcomes.AlreadyDone : before.Outcome;
                Assert.True(expected == x.Outcome, "second run: " + x + " " + x.Message + "; first run: " + before);
            }
            // Writes went only to the rows that failed: web-05's start and web-03's test launch, once each.
            var writes = WriteRequests;
            Assert.All(writes, q => Assert.True(q.Path.Contains(ids["web-05"], StringComparison.Ordinal) || q.Path.Contains(ids["web-03"], StringComparison.Ordinal), q.Method + " " + q.Path));
            Assert.Equal(2, writes.Length);
            Assert.Equal(12, Sim.State.Sms.Count);
            Assert.Equal(3, Sim.State.Dcs.Ids.Count);

            // Cleanup clears the snapshots of the tasks that ran (web-05 never started), removes every task; run again, it finds them gone and sends nothing.
            Sim.State.ClearRequests();
            var cleanup = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Cleanup" + Common);
            var clears = Sim.State.Requests.Where(q => q.Method == "POST" && q.Path.EndsWith("/action", StringComparison.Ordinal) && q.Body!.Contains("\"clear\"", StringComparison.Ordinal)).ToList();
            Assert.Equal(11, clears.Count);
            Assert.DoesNotContain(clears, q => q.Path.Contains(ids["web-05"], StringComparison.Ordinal));
            Assert.True(cleanup.Errors.Count == 0 && cleanup.Terminating is null, cleanup.Describe());
            Assert.All(cleanup.Objects<MigrationPlanResult>(), x => Assert.True(x.Outcome == MigrationPlanOutcomes.Done, x + " " + x.Message));
            Assert.Equal(0, Sim.State.Sms.Count);
            Assert.Empty(Sim.State.Dcs.Ids);
            Sim.State.ClearRequests();
            var cleanAgain = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Cleanup" + Common);
            Assert.All(cleanAgain.Objects<MigrationPlanResult>(), x => Assert.True(x.Outcome == MigrationPlanOutcomes.AlreadyDone, x + " " + x.Message));
            Assert.Empty(WriteRequests);

            // The result file: one header, then every result of every run, in order.
            var lines = File.ReadAllLines(results);
            Assert.Equal("Row,Name,Kind,Stage,Outcome,TaskId,State,Message", lines[0]);
            Assert.Single(lines, l => l.StartsWith("Row,", StringComparison.Ordinal));
            Assert.Equal(15 + 45 + 60 + 15 + 15, lines.Length - 1);
            AssertNoSecret(create, run, again, cleanup, cleanAgain);
            Assert.DoesNotContain(SourcePw, File.ReadAllText(results), StringComparison.Ordinal);
        }

        [Fact]
        public void Stopped_mid_Replicate_a_second_run_carries_on_without_a_duplicate_task_or_start()
        {
            Plan(6, 0);
            Sim.State.Timings.RunningToFinish = TimeSpan.FromSeconds(2);
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = Ps.Runspace;
                ps.AddScript("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.2");
                var output = new System.Management.Automation.PSDataCollection<System.Management.Automation.PSObject>();
                var async = ps.BeginInvoke<System.Management.Automation.PSObject, System.Management.Automation.PSObject>(null, output);
                // The first poll of Replicate: a task listing after the starts went out.
                bool Polling()
                {
                    var requests = Sim.State.Requests.ToList();
                    var starts = requests.FindIndex(q => q.Method == "POST" && q.Path.EndsWith("/action", StringComparison.Ordinal));
                    return starts >= 0 && requests.Skip(starts).Any(q => q.Method == "GET" && q.Path == "/v3/tasks");
                }
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (!Polling() && DateTime.UtcNow < deadline) System.Threading.Thread.Sleep(10);
                Assert.True(Polling(), "Replicate never polled");
                ps.Stop();
                Assert.True(async.IsCompleted);
                var first = output.Select(o => o.BaseObject).OfType<MigrationPlanResult>().ToList();
                Assert.Equal(6, first.Count(x => x.Stage == "Create" && x.Outcome == MigrationPlanOutcomes.Done));
                Assert.DoesNotContain(first, x => x.Stage == "Replicate" && x.Outcome == MigrationPlanOutcomes.Done);
            }
            Assert.Equal(6, Sim.State.Sms.Count);
            var startsBefore = Sim.State.Requests.Count(q => q.Method == "POST" && q.Path.EndsWith("/action", StringComparison.Ordinal));
            Sim.State.ClearRequests();

            var again = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.2");

            Assert.True(again.Errors.Count == 0 && again.Terminating is null, again.Describe());
            var results = again.Objects<MigrationPlanResult>().ToList();
            Assert.All(results.Where(x => x.Stage == "Create"), x => Assert.Equal(MigrationPlanOutcomes.AlreadyDone, x.Outcome));
            Assert.All(results.Where(x => x.Stage == "Replicate"), x => Assert.True(x.Outcome == MigrationPlanOutcomes.Done && x.State == "MIGRATE_SUCCESS", x + " " + x.Message));
            Assert.Equal(6, results.Count(x => x.Stage == "Replicate"));
            // Every task was started in the first run: none is started again, none made again.
            Assert.Equal(6, startsBefore);
            Assert.Empty(WriteRequests);
            Assert.Equal(6, Sim.State.Sms.Count);
        }

        [Fact]
        public void Create_and_Replicate_cost_at_most_three_requests_a_row_a_stage_beside_the_polls_and_poll_with_list_calls()
        {
            const int N = 20;
            Plan(N, 0);

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.2");

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Equal(2 * N, r.Objects<MigrationPlanResult>().Count(x => x.Outcome == MigrationPlanOutcomes.Done));
            var requests = Sim.State.Requests.Where(q => !q.Path.StartsWith("/v3/auth", StringComparison.Ordinal)).ToList();
            // Polls and the check's reads are list calls; no task is read on its own.
            Assert.DoesNotContain(requests, q => q.Method == "GET" && q.Path.StartsWith("/v3/tasks/", StringComparison.Ordinal));
            var lists = requests.Count(q => q.Method == "GET" && (q.Path == "/v3/tasks" || q.Path == "/v3/sources" || q.Path == "/v3/vm/templates" || q.Path == "/v3/migprojects"));
            var beside = requests.Count - lists;
            Assert.True(beside <= 3 * N * 2, beside + " requests beside the list calls for " + N + " rows and two stages");
            // Create: a read of the source server and the creation; Replicate: the start.
            Assert.Equal(N, requests.Count(q => q.Method == "POST" && q.Path == "/v3/tasks"));
            Assert.Equal(N, requests.Count(q => q.Method == "POST" && q.Path.EndsWith("/action", StringComparison.Ordinal)));
            Assert.True(lists <= 40, lists + " list calls");
        }

        [Fact]
        public void WhatIf_sends_no_change_and_says_what_each_row_would_get()
        {
            Plan(3, 1);
            Sim.State.Sms.Add(name: "web-01", state: "MIGRATE_SUCCESS");

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -WhatIf" + Passwords);

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Empty(WriteRequests);
            var results = r.Objects<MigrationPlanResult>().ToList();
            Assert.Equal(8, results.Count);
            Assert.All(results.Where(x => x.Name != "web-01"), x => Assert.Equal(MigrationPlanOutcomes.WhatIf, x.Outcome));
            Assert.All(results.Where(x => x.Name == "web-01"), x => Assert.Equal(MigrationPlanOutcomes.AlreadyDone, x.Outcome));
        }

        [Fact]
        public void A_plan_with_a_problem_is_refused_whole_and_with_SkipInvalid_the_other_rows_run()
        {
            Plan(2, 0, extraRows: "Server,web-99,no-such-server,wave-tpl,,,,,,,");
            Sim.State.ClearRequests();

            var refused = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create -Force");

            Assert.Equal("MigrationPlanHasProblems", refused.SingleError().FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("Row 3 'web-99'", refused.Describe());
            Assert.Empty(WriteRequests);
            Assert.Equal(0, Sim.State.Sms.Count);

            var skipped = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -SkipInvalid -PollInterval 0.1");

            Assert.True(skipped.Errors.Count == 0 && skipped.Terminating is null, skipped.Describe());
            var results = skipped.Objects<MigrationPlanResult>().ToList();
            Assert.All(results.Where(x => x.Name == "web-99"), x => Assert.True(x.Outcome == MigrationPlanOutcomes.Skipped && x.Message!.Contains("SourceServer", StringComparison.Ordinal), x + " " + x.Message));
            Assert.Equal(2, results.Count(x => x.Name == "web-99"));
            Assert.Equal(4, results.Count(x => x.Outcome == MigrationPlanOutcomes.Done));
            Assert.Equal(2, Sim.State.Sms.Count);
        }

        [Fact]
        public void A_plain_string_Redis_password_is_refused_before_any_request_naming_its_key_only()
        {
            Plan(0, 1);
            Sim.State.ClearRequests();

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create -Force -RedisPassword @{ '10.0.1.10:6379' = '" + SourcePw + "' }");

            Assert.Equal("RedisPasswordNotSecure", r.SingleError().FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("'10.0.1.10:6379'", r.Describe());
            Assert.Contains("not a SecureString", r.Describe());
            Assert.DoesNotContain(SourcePw, r.Describe(), StringComparison.Ordinal);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Cleanup_with_RemoveSourceServer_removes_tasks_and_servers_and_a_second_run_finds_them_gone()
        {
            Plan(3, 0);
            var create = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create -Force");
            Assert.True(create.Errors.Count == 0, create.Describe());

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Cleanup -RemoveSourceServer -Force -PollInterval 0.1");

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.All(r.Objects<MigrationPlanResult>(), x => Assert.True(x.Outcome == MigrationPlanOutcomes.Done, x + " " + x.Message));
            Assert.Equal(3, r.Objects<MigrationPlanResult>().Count());
            Assert.Equal(0, Sim.State.Sms.Count);
            Assert.Equal(0, Ps.Run("@(Get-SmsSourceServer).Count").Output.Select(o => (int)o.BaseObject).Single());

            Sim.State.ClearRequests();
            var again = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Cleanup -RemoveSourceServer -Force -PollInterval 0.1");
            // The plan's source servers are gone: the check finds no server to match (a problem), so nothing is sent.
            Assert.Equal("MigrationPlanHasProblems", again.SingleError().FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(WriteRequests);
        }

        [Fact]
        public void One_Timeout_for_the_run_a_row_still_waiting_then_is_Failed_with_the_time_out()
        {
            Plan(2, 0);
            Sim.State.Timings.RunningToFinish = TimeSpan.FromHours(1);

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.2 -Timeout 2");

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var replicate = r.Objects<MigrationPlanResult>().Where(x => x.Stage == "Replicate").ToList();
            Assert.Equal(2, replicate.Count);
            Assert.All(replicate, x => Assert.True(x.Outcome == MigrationPlanOutcomes.Failed && x.Message!.Contains("within 2 seconds", StringComparison.Ordinal) && x.Message.Contains("RUNNING", StringComparison.Ordinal), x + " " + x.Message));
        }

        [Fact]
        public void Progress_is_one_activity_a_stage_counting_rows_and_the_new_tasks_follow_PostTask()
        {
            Plan(3, 0, syncing: true);

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.1");

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var activities = r.Progress.Select(p => p.Activity).Distinct().ToList();
            Assert.Equal(new[] { "Stage Create", "Stage Replicate" }, activities);
            Assert.Contains(r.Progress, p => p.Activity == "Stage Replicate" && p.StatusDescription == "3 of 3 rows");
            Assert.All(r.Progress.GroupBy(p => p.ActivityId), g => Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, g.Last().RecordType));
            Assert.All(r.Objects<MigrationPlanResult>().Where(x => x.Stage == "Replicate"), x => Assert.Equal("SYNCING", x.State));
            foreach (var post in Sim.State.Requests.Where(q => q.Method == "POST" && q.Path == "/v3/tasks"))
            {
                var body = Newtonsoft.Json.Linq.JObject.Parse(post.Body!);
                var problems = Conformance.SdkShapes.Instance.Validate(body, "PostTask", "POST /v3/tasks");
                Assert.True(problems.Count == 0, string.Join("\n", problems));
                foreach (var key in new[] { "name", "type", "region_id", "region_name", "project_id", "project_name", "source_server", "target_server" }) Assert.NotNull(body[key]);
                Assert.True((bool)body["syncing"]!);
                Assert.Equal(Sim.State.Sms.Templates.Ids.Single(), (string?)body["vm_template_id"]);
            }
        }

        [Fact]
        public void A_Redis_task_made_but_not_configured_is_configured_by_the_next_run_not_made_again()
        {
            Plan(0, 1);
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v2/[^/]+/migration/[^/]+/task$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "DCS.4999", ErrorMessage = "The migration machine is busy.", Count = 1 });

            var first = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create -Force -PollInterval 0.1" + Passwords);

            var failed = Assert.Single(first.Objects<MigrationPlanResult>());
            Assert.True(failed.Outcome == MigrationPlanOutcomes.Failed && failed.Message!.Contains("DCS.4999", StringComparison.Ordinal) && failed.Message.Contains("not configured", StringComparison.Ordinal), failed + " " + failed.Message);
            var id = Assert.Single(Sim.State.Dcs.Ids);
            Assert.False(Sim.State.Dcs.IsConfigured(id));
            Sim.State.ClearRequests();

            var again = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.1" + Passwords);

            Assert.True(again.Errors.Count == 0 && again.Terminating is null, again.Describe());
            var create = again.Objects<MigrationPlanResult>().Single(x => x.Stage == "Create");
            Assert.Equal(MigrationPlanOutcomes.Done, create.Outcome);
            Assert.Equal(id, create.TaskId);
            Assert.True(Sim.State.Dcs.IsConfigured(id));
            Assert.Single(Sim.State.Dcs.Ids);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "POST" && q.Path.EndsWith("/migration/instance", StringComparison.Ordinal));
            AssertNoSecret(first, again);
        }

        [Fact]
        public void Without_Force_each_stage_asks_first_and_nothing_is_sent_unasked()
        {
            Plan(2, 0);

            // This host fails on any prompt: the High-impact stage asks, so nothing is made.
            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create");

            Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("HostFunctionNotImplemented", StringComparison.Ordinal));
            Assert.Empty(WriteRequests);
            Assert.Empty(r.Objects<MigrationPlanResult>());
            Assert.Equal(0, Sim.State.Sms.Count);
        }

        [Fact]
        public void A_Cleanup_whose_removal_failed_is_run_again_without_clearing_again()
        {
            Plan(2, 0);
            Sim.State.Timings.RunningToFinish = TimeSpan.FromMilliseconds(200);
            var made = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.1");
            Assert.True(made.Errors.Count == 0, made.Describe());
            Sim.State.AddFault(new FaultRule { Method = "DELETE", PathPattern = "^/v3/tasks/[^/]+$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.6601", ErrorMessage = "The task is locked.", Count = 100 });
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/tasks/delete$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.6601", ErrorMessage = "The task is locked.", Count = 100 });

            var first = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Cleanup -Force -PollInterval 0.1");

            Assert.All(first.Objects<MigrationPlanResult>(), x => Assert.True(x.Outcome == MigrationPlanOutcomes.Failed && x.Message!.Contains("SMS.6601", StringComparison.Ordinal), x + " " + x.Message));
            Assert.Equal(2, Sim.State.Requests.Count(q => q.Method == "POST" && q.Body != null && q.Body.Contains("\"clear\"", StringComparison.Ordinal)));
            Sim.State.ClearFaults();
            Sim.State.ClearRequests();

            var again = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Cleanup -Force -PollInterval 0.1");

            Assert.True(again.Errors.Count == 0 && again.Terminating is null, again.Describe());
            Assert.All(again.Objects<MigrationPlanResult>(), x => Assert.Equal(MigrationPlanOutcomes.Done, x.Outcome));
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "POST" && q.Body != null && q.Body.Contains("\"clear\"", StringComparison.Ordinal));
            Assert.Equal(0, Sim.State.Sms.Count);
        }

        public new void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
            base.Dispose();
        }
    }
}
