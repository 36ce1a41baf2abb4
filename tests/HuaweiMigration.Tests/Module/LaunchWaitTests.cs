using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Launches you can follow (SPEC.md): Start-SmsTest, Start-SmsCutover, Start-SmsCloneTest, Start-SmsMigrationDrill
    /// and Clear-SmsTaskSnapshot with -Wait, over real HTTP against the simulator, whose launches run for a short
    /// launch delay and then end in their success or (when armed) failure end on the task's source server.
    /// </summary>
    public class LaunchWaitTests : LifecycleTestBase
    {
        /// <summary>Long enough that a poll every 0.1 s sees the launch running before it ends.</summary>
        private static readonly TimeSpan LaunchDelay = TimeSpan.FromMilliseconds(500);

        public LaunchWaitTests()
        {
            Sim.State.Timings.LaunchDelay = LaunchDelay;
        }

        /// <summary>
        /// The command (task ids in $args), the state it launches from, the operation (to arm its failure), and the
        /// source server's state at the failure end.
        /// </summary>
        public static TheoryData<string, string, string, string> Launches() => new TheoryData<string, string, string, string>
        {
            { "Start-SmsTest", "SYNCING", "test", "error" },
            { "Start-SmsCutover -Confirm:$false", "SYNCING", "cutover", "error" },
            { "Start-SmsCloneTest -TemplateId tpl-0001", "SYNCING", "clone_test", "error" },
            { "Start-SmsMigrationDrill", "MIGRATE_SUCCESS", "migration_test", "premigfailed" },
            { "Clear-SmsTaskSnapshot -Confirm:$false", "MIGRATE_SUCCESS", "clear", "clearfailed" },
        };

        /// <summary>The written task shows the operation's success end (SPEC.md, "Launches you can follow").</summary>
        private static void AssertSuccessEnd(string operation, SmsTask task)
        {
            var source = task.SourceServer;
            Assert.NotNull(source);
            switch (operation)
            {
                case "test":
                    Assert.Equal("tested", source!.MigrationCycle);
                    break;
                case "cutover":
                    Assert.Equal("finished", source!.State);
                    // A list row carries no migration_cycle; a task read on its own does.
                    Assert.Contains(source.MigrationCycle, new[] { null, "cutovered" });
                    break;
                case "clone_test":
                    Assert.Equal("syncing", source!.State);
                    Assert.False(string.IsNullOrEmpty(task.CloneServer?.VmId), "no clone server");
                    break;
                case "migration_test":
                    Assert.Equal("premiged", source!.State);
                    break;
                case "clear":
                    Assert.Equal("cleared", source!.State);
                    Assert.Null(task.TargetSnapshotId);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
            }
        }

        [Theory]
        [MemberData(nameof(Launches))]
        public void A_launch_Wait_writes_the_task_at_its_success_end_and_a_failed_launch_is_an_error_for_that_task_alone(
            string command, string from, string operation, string failState)
        {
            // One task alone (read by id each poll): the wait lasts until the launch has ended.
            var alone = Sim.State.Sms.Add(name: "alone", state: from);
            var started = DateTime.UtcNow;
            var single = Ps.Run("$args | " + command + " -Wait -PollInterval 0.1 -Timeout 60", alone);
            Assert.True(single.Errors.Count == 0 && single.Terminating is null, single.Describe());
            var task = Assert.Single(single.Objects<SmsTask>());
            Assert.Equal(alone, task.Id);
            AssertSuccessEnd(operation, task);
            Assert.True(DateTime.UtcNow - started >= LaunchDelay, "the wait ended before the launch could have");
            // It saw the launch running first: more than one poll.
            Assert.True(Requests("GET").Count(r => r.Path == "/v3/tasks/" + alone) >= 2, "the wait polled once");

            // Two tasks in one pipeline (read by listing): one launch fails, the other succeeds.
            Sim.State.ClearRequests();
            var ok = Sim.State.Sms.Add(name: "ok", state: from);
            var doomed = Sim.State.Sms.Add(name: "doomed", state: from, failLaunches: new[] { operation });
            var both = Ps.Run("$args | " + command + " -Wait -PollInterval 0.1 -Timeout 60", ok, doomed);

            Assert.Null(both.Terminating);
            var written = Assert.Single(both.Objects<SmsTask>());
            Assert.Equal(ok, written.Id);
            AssertSuccessEnd(operation, written);
            var error = Assert.Single(both.Errors);
            Assert.StartsWith("SmsLaunchFailed,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Equal(doomed, error.TargetObject);
            Assert.Contains("its source server is " + failState, error.ToString());
            // Both launches were sent, once each.
            Assert.Single(Actions(ok));
            Assert.Single(Actions(doomed));
        }

        [Fact]
        public void Without_Wait_a_launch_writes_the_task_while_it_runs()
        {
            // The contrast that makes the waits above mean something: the same command without -Wait does not wait.
            Sim.State.Timings.LaunchDelay = TimeSpan.FromHours(1);
            var id = AddTasks(1, "SYNCING").Single();
            var r = Ps.Run("Start-SmsCutover -Id $args[0] -Confirm:$false", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Single(r.Objects<SmsTask>());
            Assert.Equal("cutovering", Assert.Single(Ps.Run("Get-SmsTask -Id $args[0]", id).Objects<SmsTask>()).SourceServer!.State);
        }

        [Fact]
        public void Invoke_cutover_Wait_follows_the_cutover_rule_to_finished()
        {
            var ok = AddTasks(1, "SYNCING", "ok").Single();
            var doomed = Sim.State.Sms.Add(name: "doomed", state: "SYNCING", failLaunches: new[] { "cutover" });
            var r = Ps.Run("$args | Invoke-SmsTaskAction -Operation cutover -Wait -PollInterval 0.1 -Timeout 60", ok, doomed);

            var task = Assert.Single(r.Objects<SmsTask>());
            Assert.Equal(ok, task.Id);
            Assert.Equal("finished", task.SourceServer!.State);
            // The task state says nothing of a launch: waiting until it settles would have ended at once.
            Assert.Equal(SmsTaskState.SYNCING, task.State);
            var error = Assert.Single(r.Errors);
            Assert.StartsWith("SmsLaunchFailed,", error.FullyQualifiedErrorId);
            Assert.Equal(doomed, error.TargetObject);
            Assert.Contains(r.Progress, p => p.Activity == "Cutting over SMS tasks");
        }

        [Fact]
        public void Invoke_skip_Wait_waits_until_the_task_settles()
        {
            var id = AddTasks(1, "RUNNING").Single();
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript("Invoke-SmsTaskAction -Id $args[0] -Operation skip -Wait -PollInterval 0.1 -Timeout 60").AddArgument(id);
            var running = ps.BeginInvoke();

            // The wait polls the running task, and goes on polling: it has not settled.
            Assert.True(SpinWait.SpinUntil(() => Requests("GET").Count(r => r.Path == "/v3/tasks/" + id) >= 3, TimeSpan.FromSeconds(30)), "the wait never polled");
            Assert.False(running.IsCompleted, "the wait ended on a running task");
            Sim.State.Sms.SetState(id, "MIGRATE_SUCCESS");

            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the wait did not see the task settle");
            var output = ps.EndInvoke(running);
            Assert.Empty(ps.Streams.Error);
            var task = Assert.IsType<SmsTask>(Assert.Single(output).BaseObject);
            Assert.Equal(SmsTaskState.MIGRATE_SUCCESS, task.State);
            Assert.Equal("{\"operation\":\"skip\"}", Assert.Single(Actions(id)).Body);
        }

        /// <summary>
        /// 120 launched tasks fit in one page of 200: each poll costs one task list call (and for a test launch one
        /// source-server list call), never one GET per task. Polls are counted by the progress records the wait
        /// writes after each poll that leaves tasks pending, plus the last poll. With a poll every second and a launch
        /// delay of 0.5 s every launch has ended before the first poll, so every task is believed at the same poll
        /// (after the grace period): no poll ever reads a last task on its own.
        /// </summary>
        [Theory]
        [InlineData("Start-SmsCutover -Confirm:$false", "Cutting over SMS tasks", false)]
        [InlineData("Start-SmsTest", "Testing SMS tasks", true)]
        public void A_wait_on_120_launches_costs_a_few_list_calls_a_poll(string command, string activity, bool readsSources)
        {
            var ids = AddTasks(120, "SYNCING");
            var read = Ps.Run("$global:tasks = @(Get-SmsTask -State SYNCING); $global:tasks.Count");
            Assert.Equal(120, (int)read.Output.Single().BaseObject);
            Sim.State.ClearRequests();

            var r = Ps.Run("$global:tasks | " + command + " -Wait -PollInterval 1 -Timeout 60");

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var written = r.Objects<SmsTask>().ToList();
            Assert.Equal(ids.OrderBy(i => i), written.Select(t => t.Id).OrderBy(i => i));
            Assert.All(written, t => Assert.Equal(readsSources ? "tested" : "finished", readsSources ? t.SourceServer!.MigrationCycle : t.SourceServer!.State));
            Assert.Equal(120, Requests("POST").Length);

            var gets = Requests("GET");
            var taskLists = gets.Count(g => g.Path == "/v3/tasks");
            var taskGets = gets.Count(g => g.Path.StartsWith("/v3/tasks/", StringComparison.Ordinal));
            var sourceLists = gets.Count(g => g.Path == "/v3/sources");
            var sourceGets = gets.Count(g => g.Path.StartsWith("/v3/sources/", StringComparison.Ordinal));
            Assert.Equal(gets.Length, taskLists + taskGets + sourceLists + sourceGets);
            var polls = r.Progress.Count(p => p.Activity == activity && p.RecordType == ProgressRecordType.Processing) + 1;
            var counts = $"{polls} polls: {taskLists} task lists, {taskGets} task GETs, {sourceLists} source lists, {sourceGets} source GETs";

            Assert.True(polls >= 2, counts);
            Assert.Equal(0, taskGets);
            Assert.Equal(0, sourceGets);
            Assert.True(taskLists >= polls, counts); // every poll listed the tasks
            Assert.True(taskLists <= 2 * polls, counts);
            if (readsSources)
            {
                Assert.True(sourceLists >= 1, counts);
                Assert.True(taskLists + sourceLists <= 3 * polls, counts);
            }
            else
            {
                Assert.Equal(0, sourceLists);
            }
        }
    }

    /// <summary>The help of each launch cmdlet tells of -Wait.</summary>
    public class LaunchHelpTests : IClassFixture<LaunchHelpTests.Session>
    {
        public sealed class Session : IDisposable
        {
            public PsSession Ps { get; } = new PsSession();

            public void Dispose() => Ps.Dispose();
        }

        private readonly PsSession _ps;

        public LaunchHelpTests(Session session) => _ps = session.Ps;

        [Theory]
        [InlineData("Start-SmsTest", "tested")]
        [InlineData("Start-SmsCutover", "finished")]
        [InlineData("Start-SmsCloneTest", "clone server")]
        [InlineData("Start-SmsMigrationDrill", "premiged")]
        [InlineData("Clear-SmsTaskSnapshot", "cleared")]
        [InlineData("Invoke-SmsTaskAction", "settles")]
        public void The_help_of_a_launch_cmdlet_describes_Wait(string cmdlet, string end)
        {
            var r = _ps.Run("$p = Get-Help $args[0] -Parameter Wait; (@($p.description) | ForEach-Object Text) -join ' '", cmdlet);
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var description = Assert.Single(r.Output).ToString();
            Assert.StartsWith("Wait until", description);
            Assert.Contains(end, description);
            var syntax = _ps.Run("(Get-Command $args[0]).Parameters['Wait'].ParameterType.Name", cmdlet);
            Assert.Equal("SwitchParameter", Assert.Single(syntax.Output).ToString());
        }
    }
}
