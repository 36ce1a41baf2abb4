using System;
using System.Linq;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>
    /// The wait rules as tables: what each rule says of a task's latest state, given what the wait knows of it (the
    /// state before the action, when it was first seen and as what, whether it changed since). No clock runs: "long
    /// ago" is an hour before a grace of a minute. (SmsTaskActionTests covers the descriptors and a few verdicts.)
    /// </summary>
    public class WaitRuleTests
    {
        private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

        // ---------- SMS task states ----------

        private static SmsTask Sms(string state, string? error = null) => new SmsTask { Id = "t1", Name = "web-1", RawState = state, ErrorJson = error };

        /// <summary>An entry as the waiter leaves it: piped in (state known before the action) or not; first seen and when; changes seen.</summary>
        private static WaitEntry<SmsTask> SmsEntry(string? piped, string? firstSeen, double firstSeenAgoSeconds = 0, bool seenChange = false)
        {
            var entry = new WaitEntry<SmsTask>("t1", piped is null ? null : Sms(piped), piped);
            if (firstSeen != null)
            {
                entry.FirstSeenUtc = DateTime.UtcNow - TimeSpan.FromSeconds(firstSeenAgoSeconds);
                entry.LastSeenUtc = DateTime.UtcNow;
                entry.FirstSeenState = firstSeen;
                if (!entry.InitialKnown) entry.InitialState = firstSeen;
            }
            entry.SeenChange = seenChange;
            return entry;
        }

        [Theory]
        // piped state (null: ids), first seen, seconds since, seen change, state now (null: gone) → verdict, error id
        [InlineData("ABORT", "ABORT", 0, false, "RUNNING", WaitVerdictKind.Reached, null)]
        [InlineData("ABORT", "ABORT", 0, false, "SYNCING", WaitVerdictKind.Reached, null)]
        [InlineData("ABORT", "ABORT", 0, false, "MIGRATE_SUCCESS", WaitVerdictKind.Reached, null)]
        [InlineData("ABORT", "ABORT", 0, false, "SYNC_SUCCESS", WaitVerdictKind.Reached, null)]
        [InlineData("ABORT", "ABORT", 0, false, "ABORT", WaitVerdictKind.Continue, null)]
        [InlineData("READY", "READY", 3600, false, "READY", WaitVerdictKind.Continue, null)]
        [InlineData("ABORT", "ABORTING", 0, true, "ABORTING", WaitVerdictKind.Continue, null)]
        [InlineData("ABORT", "ABORT", 0, false, "SOME_NEW_STATE", WaitVerdictKind.Continue, null)]
        // Piped in not failed: a failed state is new, at once.
        [InlineData("ABORT", "ABORT", 0, false, "SYNC_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData("READY", "MIGRATE_FAIL", 0, true, "MIGRATE_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        // Piped in failed: the same failure is believed only after a change, however long it lasts.
        [InlineData("MIGRATE_FAIL", "MIGRATE_FAIL", 3600, false, "MIGRATE_FAIL", WaitVerdictKind.Continue, null)]
        [InlineData("MIGRATE_FAIL", "RUNNING", 0, true, "MIGRATE_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData("SYNC_FAIL", "SYNC_FAIL", 0, true, "SYNC_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        // Ids only: a failed state first seen counts after the grace, or once a change was seen.
        [InlineData(null, "MIGRATE_FAIL", 0, false, "MIGRATE_FAIL", WaitVerdictKind.Continue, null)]
        [InlineData(null, "MIGRATE_FAIL", 30, false, "MIGRATE_FAIL", WaitVerdictKind.Continue, null)]
        [InlineData(null, "MIGRATE_FAIL", 3600, false, "MIGRATE_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData(null, "SYNC_FAIL", 0, true, "MIGRATE_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData(null, "ABORT", 0, true, "SYNC_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData(null, "MIGRATE_FAIL", 0, false, "RUNNING", WaitVerdictKind.Reached, null)]
        [InlineData(null, "ABORT", 3600, false, "ABORT", WaitVerdictKind.Continue, null)]
        [InlineData(null, "RUNNING", 0, false, null, WaitVerdictKind.Failed, "SmsTaskGone")]
        [InlineData("ABORT", null, 0, false, null, WaitVerdictKind.Failed, "SmsTaskGone")]
        public void Start_by_the_table(string? piped, string? firstSeen, double ago, bool seenChange, string? now, WaitVerdictKind kind, string? errorId)
        {
            var verdict = SmsWaitRules.Start(Grace)(SmsEntry(piped, firstSeen, ago, seenChange), now is null ? null : Sms(now));
            Assert.Equal(kind, verdict.Kind);
            Assert.Equal(errorId, verdict.ErrorId);
            // Start and restart share the rule.
            Assert.Equal(kind, SmsActions.Restart.WaitRule(Grace)(SmsEntry(piped, firstSeen, ago, seenChange), now is null ? null : Sms(now)).Kind);
        }

        [Fact]
        public void Starts_grace_is_the_one_given()
        {
            var entry = SmsEntry(null, "MIGRATE_FAIL", firstSeenAgoSeconds: 10);
            Assert.Equal(WaitVerdictKind.Continue, SmsWaitRules.Start(TimeSpan.FromSeconds(30))(entry, Sms("MIGRATE_FAIL")).Kind);
            Assert.Equal(WaitVerdictKind.Failed, SmsWaitRules.Start(TimeSpan.FromSeconds(5))(entry, Sms("MIGRATE_FAIL")).Kind);
        }

        [Fact]
        public void A_failure_names_the_task_its_state_and_its_error()
        {
            var verdict = SmsWaitRules.Start(Grace)(SmsEntry("ABORT", "ABORT"), Sms("MIGRATE_FAIL", "{\"error_code\":\"SMS.6503\"}"));
            Assert.Equal("The SMS task 'web-1' (t1) failed: it is MIGRATE_FAIL. Error: {\"error_code\":\"SMS.6503\"}", verdict.Message);
            var gone = SmsWaitRules.Start(Grace)(SmsEntry("ABORT", "ABORT"), null);
            Assert.Equal("The SMS task 'web-1' (t1) disappeared while starting.", gone.Message);
        }

        [Theory]
        [InlineData("ABORT", WaitVerdictKind.Reached, null)]
        [InlineData("RUNNING", WaitVerdictKind.Continue, null)]
        [InlineData("SYNCING", WaitVerdictKind.Continue, null)]
        [InlineData("ABORTING", WaitVerdictKind.Continue, null)]
        [InlineData("SOME_NEW_STATE", WaitVerdictKind.Continue, null)]
        [InlineData("MIGRATE_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData("SYNC_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData("MIGRATE_SUCCESS", WaitVerdictKind.Failed, "SmsTaskUnexpectedState")]
        [InlineData("SYNC_SUCCESS", WaitVerdictKind.Failed, "SmsTaskUnexpectedState")]
        [InlineData("SYNC_F_ROLLBACK_SUCCESS", WaitVerdictKind.Failed, "SmsTaskUnexpectedState")]
        [InlineData(null, WaitVerdictKind.Failed, "SmsTaskGone")]
        public void Suspend_by_the_table(string? now, WaitVerdictKind kind, string? errorId)
        {
            var verdict = SmsWaitRules.Suspend(SmsEntry("RUNNING", "RUNNING"), now is null ? null : Sms(now));
            Assert.Equal(kind, verdict.Kind);
            Assert.Equal(errorId, verdict.ErrorId);
            Assert.Equal(kind, SmsActions.Stop.WaitRule(Grace)(SmsEntry("RUNNING", "RUNNING"), now is null ? null : Sms(now)).Kind);
        }

        [Theory]
        // targets, state now → verdict, error id
        [InlineData("ABORT", "ABORT", WaitVerdictKind.Reached, null)]
        [InlineData("ABORT,MIGRATE_SUCCESS", "MIGRATE_SUCCESS", WaitVerdictKind.Reached, null)]
        [InlineData("ABORT", "RUNNING", WaitVerdictKind.Continue, null)]
        [InlineData("ABORT", "MIGRATE_SUCCESS", WaitVerdictKind.Continue, null)]   // settled, but not a target
        [InlineData("ABORT", "MIGRATE_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData("ABORT", "SYNC_FAIL", WaitVerdictKind.Failed, "SmsTaskFailed")]
        [InlineData("MIGRATE_FAIL", "MIGRATE_FAIL", WaitVerdictKind.Reached, null)] // a failed state asked for is a target
        [InlineData("ABORT", null, WaitVerdictKind.Failed, "SmsTaskGone")]
        public void States_by_the_table(string targets, string? now, WaitVerdictKind kind, string? errorId)
        {
            var states = targets.Split(',').Select(s => Enum.Parse<SmsTaskState>(s)).ToHashSet();
            var verdict = SmsWaitRules.States(states)(SmsEntry(null, "RUNNING"), now is null ? null : Sms(now));
            Assert.Equal(kind, verdict.Kind);
            Assert.Equal(errorId, verdict.ErrorId);
        }

        [Theory]
        [InlineData("READY", WaitVerdictKind.Reached)]
        [InlineData("ABORT", WaitVerdictKind.Reached)]
        [InlineData("MIGRATE_SUCCESS", WaitVerdictKind.Reached)]
        [InlineData("MIGRATE_FAIL", WaitVerdictKind.Reached)]
        [InlineData("SYNC_SUCCESS", WaitVerdictKind.Reached)]
        [InlineData("SYNC_FAIL", WaitVerdictKind.Reached)]
        [InlineData("SYNC_F_ROLLBACK_SUCCESS", WaitVerdictKind.Reached)]
        [InlineData("RUNNING", WaitVerdictKind.Continue)]
        [InlineData("SYNCING", WaitVerdictKind.Continue)]
        [InlineData("ABORTING", WaitVerdictKind.Continue)]
        [InlineData("DELETING", WaitVerdictKind.Continue)]
        [InlineData("SOME_NEW_STATE", WaitVerdictKind.Continue)]
        [InlineData(null, WaitVerdictKind.Failed)]
        public void Deletable_and_gone_by_the_table(string? now, WaitVerdictKind kind)
        {
            var task = now is null ? null : Sms(now);
            var deletable = SmsWaitRules.Deletable(SmsEntry("RUNNING", "RUNNING"), task);
            Assert.Equal(kind, deletable.Kind);
            if (kind == WaitVerdictKind.Failed) Assert.Equal("SmsTaskGone", deletable.ErrorId);
            // Gone: only the task's absence ends the wait, and it is a success.
            var gone = SmsWaitRules.Gone(SmsEntry("ABORT", "ABORT"), task);
            Assert.Equal(task is null ? WaitVerdictKind.Reached : WaitVerdictKind.Continue, gone.Kind);
            Assert.Equal(gone.Kind, SmsActions.Delete.WaitRule(Grace)(SmsEntry("ABORT", "ABORT"), task).Kind);
        }

        [Fact]
        public void A_network_check_of_a_task_that_disappears_fails()
        {
            var verdict = SmsWaitRules.NetworkChecked(SmsEntry(null, "RUNNING"), null);
            Assert.Equal(WaitVerdictKind.Failed, verdict.Kind);
            Assert.Equal("SmsTaskGone", verdict.ErrorId);
            Assert.Equal(WaitVerdictKind.Reached, SmsActions.NetworkCheck.WaitRule(Grace)(SmsEntry(null, "RUNNING"),
                new SmsTask { Id = "t1", RawState = "RUNNING", NetworkCheckInfo = new SmsNetworkCheckInfo { EvaluationResult = "GOOD" } }).Kind);
        }

        [Fact]
        public void An_operation_this_version_does_not_know_waits_until_the_task_settles()
        {
            var rule = SmsActions.For("brand_new").WaitRule(Grace);
            Assert.Equal(WaitVerdictKind.Continue, rule(SmsEntry(null, "RUNNING"), Sms("RUNNING")).Kind);
            Assert.Equal(WaitVerdictKind.Reached, rule(SmsEntry(null, "RUNNING"), Sms("ABORT")).Kind);
            Assert.Equal(WaitVerdictKind.Reached, rule(SmsEntry(null, "RUNNING"), Sms("MIGRATE_FAIL")).Kind);
        }

        // ---------- SMS launches (the source server's state/migration cycle) ----------

        private static SmsTask Launched(string? sourceState, string? cycle, string? cloneVm = null, string? error = null) => new SmsTask
        {
            Id = "t1",
            Name = "web-1",
            RawState = "SYNC_SUCCESS",
            ErrorJson = error,
            SourceServer = new SmsSourceServer { State = sourceState, MigrationCycle = cycle },
            CloneServer = cloneVm is null ? null : new SmsCloneServer { VmId = cloneVm },
        };

        /// <summary>
        /// How sure the wait is that what it sees is this launch's: N first seen now and unchanged; C changed since
        /// first seen; G first seen longer ago than the grace, unchanged.
        /// </summary>
        private static WaitEntry<SmsTask> LaunchEntry(string sureness, string firstSeen)
        {
            var entry = new WaitEntry<SmsTask>("t1", null, null)
            {
                FirstSeenUtc = DateTime.UtcNow - (sureness == "G" ? TimeSpan.FromHours(1) : TimeSpan.Zero),
                FirstSeenState = firstSeen,
                InitialState = firstSeen,
                ChangedSinceFirstSeen = sureness == "C",
                SeenChange = sureness == "C",
            };
            entry.LastSeenUtc = DateTime.UtcNow;
            return entry;
        }

        [Theory]
        // operation, source state, migration cycle, clone vm, sureness, first seen → verdict
        // test: the cycle is tested, or it was testing and left it; error fails
        [InlineData("test", "finished", "tested", null, "C", "finished/syncing", WaitVerdictKind.Reached)]
        [InlineData("test", "finished", "tested", null, "N", "finished/tested", WaitVerdictKind.Continue)]   // not surely this launch
        [InlineData("test", "finished", "tested", null, "G", "finished/tested", WaitVerdictKind.Reached)]    // held for the grace
        [InlineData("test", "finished", "testing", null, "C", "finished/syncing", WaitVerdictKind.Continue)]
        [InlineData("test", "finished", "syncing", null, "C", "finished/testing", WaitVerdictKind.Reached)]  // seen testing, then left it
        [InlineData("test", "finished", "syncing", null, "C", "finished/syncing", WaitVerdictKind.Continue)]  // never seen testing
        [InlineData("test", "finished", "syncing", null, "G", "finished/syncing", WaitVerdictKind.Continue)]
        [InlineData("test", "error", "testing", null, "C", "finished/testing", WaitVerdictKind.Failed)]
        [InlineData("test", "error", "testing", null, "N", "error/testing", WaitVerdictKind.Continue)]       // an earlier failure, maybe
        [InlineData("test", "error", "testing", null, "G", "error/testing", WaitVerdictKind.Failed)]
        // cutover: finished or cutovered; error fails
        [InlineData("cutover", "finished", "cutovered", null, "C", "cutovering/cutovering", WaitVerdictKind.Reached)]
        [InlineData("cutover", "stopped", "cutovered", null, "C", "cutovering/cutovering", WaitVerdictKind.Reached)]
        [InlineData("cutover", "finished", "syncing", null, "C", "cutovering/cutovering", WaitVerdictKind.Reached)]
        [InlineData("cutover", "cutovering", "cutovering", null, "C", "finished/syncing", WaitVerdictKind.Continue)]
        [InlineData("cutover", "finished", "cutovered", null, "N", "finished/cutovered", WaitVerdictKind.Continue)]
        [InlineData("cutover", "finished", "cutovered", null, "G", "finished/cutovered", WaitVerdictKind.Reached)]
        [InlineData("cutover", "error", "cutovering", null, "C", "cutovering/cutovering", WaitVerdictKind.Failed)]
        [InlineData("cutover", "error", "cutovering", null, "N", "error/cutovering", WaitVerdictKind.Continue)]
        [InlineData("cutover", "error", "cutovering", null, "G", "error/cutovering", WaitVerdictKind.Failed)]
        // clone_test: left cloning with a clone server; error fails
        [InlineData("clone_test", "finished", "syncing", "vm-1", "C", "cloning/syncing", WaitVerdictKind.Reached)]
        [InlineData("clone_test", "cloning", "syncing", "vm-1", "C", "finished/syncing", WaitVerdictKind.Continue)]
        [InlineData("clone_test", "finished", "syncing", null, "C", "cloning/syncing", WaitVerdictKind.Continue)]
        [InlineData("clone_test", "finished", "syncing", "vm-1", "N", "finished/syncing", WaitVerdictKind.Continue)]
        [InlineData("clone_test", "finished", "syncing", "vm-1", "G", "finished/syncing", WaitVerdictKind.Reached)]
        [InlineData("clone_test", "error", "syncing", "vm-1", "C", "cloning/syncing", WaitVerdictKind.Failed)]
        [InlineData("clone_test", "error", "syncing", "vm-1", "N", "error/syncing", WaitVerdictKind.Continue)]
        // migration_test: premiged; premigfailed or error fails
        [InlineData("migration_test", "premiged", "syncing", null, "C", "premigready/syncing", WaitVerdictKind.Reached)]
        [InlineData("migration_test", "premiged", "syncing", null, "N", "premiged/syncing", WaitVerdictKind.Continue)]
        [InlineData("migration_test", "premiged", "syncing", null, "G", "premiged/syncing", WaitVerdictKind.Reached)]
        [InlineData("migration_test", "premigready", "syncing", null, "C", "finished/syncing", WaitVerdictKind.Continue)]
        [InlineData("migration_test", "premigfailed", "syncing", null, "C", "premigready/syncing", WaitVerdictKind.Failed)]
        [InlineData("migration_test", "premigfailed", "syncing", null, "N", "premigfailed/syncing", WaitVerdictKind.Continue)]
        [InlineData("migration_test", "error", "syncing", null, "C", "premigready/syncing", WaitVerdictKind.Failed)]
        // clear: cleared; clearfailed or error fails
        [InlineData("clear", "cleared", "syncing", null, "C", "clearing/syncing", WaitVerdictKind.Reached)]
        [InlineData("clear", "cleared", "syncing", null, "N", "cleared/syncing", WaitVerdictKind.Continue)]
        [InlineData("clear", "cleared", "syncing", null, "G", "cleared/syncing", WaitVerdictKind.Reached)]
        [InlineData("clear", "clearing", "syncing", null, "C", "finished/syncing", WaitVerdictKind.Continue)]
        [InlineData("clear", "clearfailed", "syncing", null, "C", "clearing/syncing", WaitVerdictKind.Failed)]
        [InlineData("clear", "clearfailed", "syncing", null, "N", "clearfailed/syncing", WaitVerdictKind.Continue)]
        [InlineData("clear", "error", "syncing", null, "C", "clearing/syncing", WaitVerdictKind.Failed)]
        public void Launches_by_the_table(string operation, string sourceState, string cycle, string? cloneVm, string sureness, string firstSeen, WaitVerdictKind kind)
        {
            var action = SmsActions.For(operation);
            var task = Launched(sourceState, cycle, cloneVm);
            // The table gives what was first seen as state/cycle; a test launch follows the cycle, the others the state.
            var parts = firstSeen.Split('/');
            var verdict = action.WaitRule(Grace)(LaunchEntry(sureness, operation == "test" ? parts[1] : parts[0]), task);
            Assert.Equal(kind, verdict.Kind);
            if (kind == WaitVerdictKind.Failed)
            {
                Assert.Equal("SmsLaunchFailed", verdict.ErrorId);
                Assert.Contains("its source server is " + sourceState + ".", verdict.Message);
            }
            // A launch is followed on its source server, not on the task.
            Assert.Equal(operation == "test" ? cycle : sourceState, action.WaitState!(task));
        }

        [Theory]
        [InlineData("test")]
        [InlineData("cutover")]
        [InlineData("clone_test")]
        [InlineData("migration_test")]
        [InlineData("clear")]
        public void A_task_that_disappears_during_a_launch_fails_it(string operation)
        {
            foreach (var sureness in new[] { "N", "C", "G" })
            {
                var verdict = SmsActions.For(operation).WaitRule(Grace)(LaunchEntry(sureness, "finished/syncing"), null);
                Assert.Equal(WaitVerdictKind.Failed, verdict.Kind);
                Assert.Equal("SmsTaskGone", verdict.ErrorId);
            }
        }

        [Fact]
        public void A_launch_failure_says_while_doing_what_and_the_tasks_error()
        {
            var verdict = SmsLaunchRules.CutOver(Grace)(LaunchEntry("C", "cutovering/cutovering"), Launched("error", "cutovering", error: "{\"error_code\":\"SMS.1234\"}"));
            Assert.Equal("The SMS task 'web-1' (t1) failed while cutting over: its source server is error. Error: {\"error_code\":\"SMS.1234\"}", verdict.Message);
        }

        [Fact]
        public void A_launch_follows_the_source_servers_state_or_cycle_and_null_when_it_was_not_read()
        {
            Assert.Equal("finished", SmsLaunchRules.SourceState(Launched("finished", "cutovered")));
            Assert.Equal("cutovered", SmsLaunchRules.SourceCycle(Launched("finished", "cutovered")));
            Assert.Null(SmsLaunchRules.SourceState(new SmsTask { Id = "t1", RawState = "RUNNING" }));
            Assert.Null(SmsLaunchRules.SourceCycle(Launched("error", null)));
        }

        [Fact]
        public void A_test_launch_seen_testing_is_not_done_when_its_cycle_could_not_be_read()
        {
            var entry = LaunchEntry("C", "testing");
            Assert.Equal(WaitVerdictKind.Continue, SmsLaunchRules.Tested(Grace)(entry, Launched("finished", null)).Kind);
            Assert.Equal(WaitVerdictKind.Reached, SmsLaunchRules.Tested(Grace)(entry, Launched("finished", "syncing")).Kind);
        }

        // ---------- DCS ----------

        private static DcsMigrationTask Dcs(string status, string? error = null) => new DcsMigrationTask { TaskId = "d1", TaskName = "cache-1", RawStatus = status, ErrorMessage = error };

        private static WaitEntry<DcsMigrationTask> DcsEntry(bool seenChange = false) =>
            new WaitEntry<DcsMigrationTask>("d1", Dcs("RUNNING"), "RUNNING") { SeenChange = seenChange, FirstSeenUtc = DateTime.UtcNow, FirstSeenState = "RUNNING" };

        [Theory]
        [InlineData("TERMINATED", WaitVerdictKind.Reached, null)]
        [InlineData("TERMINATING", WaitVerdictKind.Continue, null)]
        [InlineData("RUNNING", WaitVerdictKind.Continue, null)]
        [InlineData("MIGRATING", WaitVerdictKind.Continue, null)]
        [InlineData("CREATING", WaitVerdictKind.Continue, null)]
        [InlineData("SOME_NEW_STATUS", WaitVerdictKind.Continue, null)]
        [InlineData("FAILED", WaitVerdictKind.Failed, "DcsTaskFailed")]
        [InlineData("MIGRATION_FAILED", WaitVerdictKind.Failed, "DcsTaskFailed")]
        [InlineData("ERROR", WaitVerdictKind.Failed, "DcsTaskFailed")]
        [InlineData("SUCCESS", WaitVerdictKind.Failed, "DcsTaskFinished")]
        [InlineData("MIGRATION_SUCCESS", WaitVerdictKind.Failed, "DcsTaskFinished")]
        [InlineData("RELEASED", WaitVerdictKind.Failed, "DcsTaskFinished")]
        [InlineData("DELETED", WaitVerdictKind.Failed, "DcsTaskFinished")]
        [InlineData(null, WaitVerdictKind.Failed, "DcsTaskGone")]
        public void Terminated_by_the_table(string? now, WaitVerdictKind kind, string? errorId)
        {
            var verdict = DcsWaitRules.Terminated(DcsEntry(), now is null ? null : Dcs(now));
            Assert.Equal(kind, verdict.Kind);
            Assert.Equal(errorId, verdict.ErrorId);
            Assert.Equal(kind, DcsActions.Stop.WaitRule(Grace)(DcsEntry(), now is null ? null : Dcs(now)).Kind);
        }

        [Theory]
        // status now, seen change → verdict, error id
        [InlineData("MIGRATING", false, WaitVerdictKind.Reached, null)]
        [InlineData("FULLMIGRATING", false, WaitVerdictKind.Reached, null)]
        [InlineData("INCRMIGEATING", false, WaitVerdictKind.Reached, null)]
        [InlineData("SUCCESS", false, WaitVerdictKind.Continue, null)]           // finished before: the restart may not show yet
        [InlineData("SUCCESS", true, WaitVerdictKind.Reached, null)]             // ran again and finished
        [InlineData("MIGRATION_SUCCESS", true, WaitVerdictKind.Reached, null)]
        [InlineData("FAILED", false, WaitVerdictKind.Continue, null)]            // the old failure
        [InlineData("FAILED", true, WaitVerdictKind.Failed, "DcsTaskFailed")]    // a new one
        [InlineData("ERROR", true, WaitVerdictKind.Failed, "DcsTaskFailed")]
        [InlineData("TERMINATED", false, WaitVerdictKind.Continue, null)]
        [InlineData("TERMINATED", true, WaitVerdictKind.Continue, null)]
        [InlineData("RUNNING", true, WaitVerdictKind.Continue, null)]
        [InlineData(null, false, WaitVerdictKind.Failed, "DcsTaskGone")]
        public void Migrating_by_the_table(string? now, bool seenChange, WaitVerdictKind kind, string? errorId)
        {
            var verdict = DcsWaitRules.Migrating(DcsEntry(seenChange), now is null ? null : Dcs(now));
            Assert.Equal(kind, verdict.Kind);
            Assert.Equal(errorId, verdict.ErrorId);
            Assert.Equal(kind, DcsActions.Restart.WaitRule(Grace)(DcsEntry(seenChange), now is null ? null : Dcs(now)).Kind);
        }

        [Theory]
        // targets, status now → verdict, error id
        [InlineData("TERMINATED", "TERMINATED", WaitVerdictKind.Reached, null)]
        [InlineData("TERMINATED,SUCCESS", "SUCCESS", WaitVerdictKind.Reached, null)]
        [InlineData("TERMINATED", "SUCCESS", WaitVerdictKind.Continue, null)]
        [InlineData("TERMINATED", "RUNNING", WaitVerdictKind.Continue, null)]
        [InlineData("TERMINATED", "FAILED", WaitVerdictKind.Failed, "DcsTaskFailed")]
        [InlineData("TERMINATED", "MIGRATION_FAILED", WaitVerdictKind.Failed, "DcsTaskFailed")]
        [InlineData("TERMINATED", "ERROR", WaitVerdictKind.Failed, "DcsTaskFailed")]
        [InlineData("FAILED", "FAILED", WaitVerdictKind.Reached, null)]
        [InlineData("TERMINATED", null, WaitVerdictKind.Failed, "DcsTaskGone")]
        public void Statuses_by_the_table(string targets, string? now, WaitVerdictKind kind, string? errorId)
        {
            var statuses = targets.Split(',').Select(s => Enum.Parse<DcsMigrationTaskStatus>(s)).ToHashSet();
            var verdict = DcsWaitRules.Statuses(statuses)(DcsEntry(), now is null ? null : Dcs(now));
            Assert.Equal(kind, verdict.Kind);
            Assert.Equal(errorId, verdict.ErrorId);
        }

        [Theory]
        [InlineData("CREATING", WaitVerdictKind.Continue)]
        [InlineData("RUNNING", WaitVerdictKind.Continue)]
        [InlineData("MIGRATING", WaitVerdictKind.Continue)]
        [InlineData("FULLMIGRATING", WaitVerdictKind.Continue)]
        [InlineData("INCRMIGEATING", WaitVerdictKind.Continue)]
        [InlineData("TERMINATING", WaitVerdictKind.Continue)]
        [InlineData("TERMINATED", WaitVerdictKind.Reached)]
        [InlineData("FAILED", WaitVerdictKind.Reached)]
        [InlineData("SUCCESS", WaitVerdictKind.Reached)]
        [InlineData(null, WaitVerdictKind.Failed)]
        public void Dcs_deletable_and_gone_by_the_table(string? now, WaitVerdictKind kind)
        {
            var task = now is null ? null : Dcs(now);
            Assert.Equal(kind, DcsWaitRules.Deletable(DcsEntry(), task).Kind);
            Assert.Equal(task is null ? WaitVerdictKind.Reached : WaitVerdictKind.Continue, DcsWaitRules.Gone(DcsEntry(), task).Kind);
        }

        [Fact]
        public void A_dcs_failure_carries_the_tasks_error_message()
        {
            var verdict = DcsWaitRules.Terminated(DcsEntry(), Dcs("FAILED", "source unreachable"));
            Assert.Equal("DCS migration task 'cache-1' (d1) failed: it is FAILED. source unreachable", verdict.Message);
        }

        [Theory]
        [InlineData("SUCCESS", "has already finished (SUCCESS): there is nothing to stop.")]
        [InlineData("FAILED", "has failed (FAILED): there is nothing to stop.")]
        [InlineData("TERMINATED", "is already stopped (TERMINATED).")]
        [InlineData("CREATING", "cannot be stopped while it is CREATING.")]
        [InlineData(null, "cannot be stopped in its current status.")]
        public void A_refused_stop_is_explained_by_the_status(string? status, string explanation)
        {
            var text = DcsWaitRules.ExplainRefusal("d1", status is null ? null : Dcs(status));
            Assert.EndsWith(explanation, text);
            Assert.StartsWith(status is null ? "DCS migration task d1 " : "DCS migration task 'cache-1' (d1) ", text);
        }
    }
}
