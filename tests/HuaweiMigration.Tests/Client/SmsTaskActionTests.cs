using System;
using System.Linq;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>The action descriptors and the wait rules, without HTTP or a runspace.</summary>
    public class SmsTaskActionTests
    {
        private static SmsTask Task(string state, string? snapshot = null, string? evaluation = null) => new SmsTask
        {
            Id = "t1",
            RawState = state,
            TargetSnapshotId = snapshot,
            NetworkCheckInfo = evaluation is null ? null : new SmsNetworkCheckInfo { EvaluationResult = evaluation },
        };

        [Theory]
        [InlineData("start", "{\"operation\":\"start\"}")]
        [InlineData("restart", "{\"operation\":\"restart\"}")]
        [InlineData("network_check", "{\"operation\":\"network_check\"}")]
        [InlineData("some_future_thing", "{\"operation\":\"some_future_thing\"}")]
        public void The_body_is_the_operation_alone_without_options(string operation, string body) =>
            Assert.Equal(body, SmsActions.Body(SmsActions.For(operation), null));

        [Fact]
        public void Options_appear_in_the_body_only_when_given()
        {
            Assert.Equal("{\"operation\":\"clone_test\",\"template_id\":\"t\",\"switch_hce\":true,\"is_need_consistency_check\":true}",
                SmsActions.Body(SmsActions.CloneTest, new SmsActionOptions { TemplateId = "t", SwitchHce = true, ConsistencyCheck = true }));
            Assert.Equal("{\"operation\":\"start\"}", SmsActions.Body(SmsActions.Start, new SmsActionOptions()));
            Assert.True(SmsActions.CloneTest.NeedsTemplate);
            Assert.False(SmsActions.Test.NeedsTemplate);
        }

        [Theory]
        [InlineData("start", "RUNNING", true)]
        [InlineData("start", "ABORT", false)]
        [InlineData("restart", "SYNCING", true)]
        [InlineData("restart", "MIGRATE_FAIL", false)]
        [InlineData("stop", "ABORTING", true)]
        [InlineData("stop", "RUNNING", false)]
        public void Start_stop_and_restart_tell_from_the_state_whether_they_took_effect(string operation, string state, bool tookEffect) =>
            Assert.Equal(tookEffect, SmsActions.For(operation).TookEffect(Task(state)));

        [Fact]
        public void Clear_tells_by_the_snapshot_and_launches_and_unknown_operations_cannot_tell()
        {
            Assert.Equal(true, SmsActions.Clear.TookEffect(Task("MIGRATE_SUCCESS")));
            Assert.Equal(false, SmsActions.Clear.TookEffect(Task("MIGRATE_SUCCESS", snapshot: "snap-1")));
            foreach (var action in new[] { SmsActions.Test, SmsActions.Cutover, SmsActions.CloneTest, SmsActions.MigrationDrill, SmsActions.NetworkCheck, SmsActions.For("skip"), SmsActions.For("brand_new") })
            {
                Assert.Null(action.TookEffect(Task("MIGRATE_SUCCESS")));
            }
        }

        [Theory]
        [InlineData("a b")]
        [InlineData("Start")]
        [InlineData("x-y")]
        [InlineData("")]
        public void An_operation_word_must_be_lowercase_letters_and_underscores(string operation) =>
            Assert.Throws<ArgumentException>(() => SmsActions.For(operation));

        [Fact]
        public void Known_words_give_their_own_descriptor_and_the_SPECs_waits()
        {
            Assert.Same(SmsActions.Restart, SmsActions.For("restart"));
            Assert.Equal(new[] { "start", "stop", "restart", "test", "cutover", "clone_test", "migration_test", "network_check", "clear", "skip" }, SmsActions.KnownOperations);
            Assert.NotNull(SmsActions.Restart.WaitRule);
            Assert.NotNull(SmsActions.NetworkCheck.WaitRule);
            Assert.NotNull(SmsActions.For("brand_new").WaitRule);
            // Every action has a wait rule: a -Wait is never ignored.
            Assert.All(SmsActions.Known, a => Assert.NotNull(a.WaitRule));
            Assert.True(SmsActions.Test.ReadsSourceServers);
            Assert.NotNull(SmsActions.Cutover.WaitState);
            Assert.Equal("restarted", SmsActions.Restart.Words.Settled);
            Assert.Equal("paused", SmsActions.Stop.Words.Settled);
        }

        private static WaitEntry<SmsTask> Entry(SmsTask? initial) => new WaitEntry<SmsTask>("t1", initial, initial?.RawState);

        [Theory]
        [InlineData("ABORT", WaitVerdictKind.Reached)]
        [InlineData("ABORTING", WaitVerdictKind.Continue)]
        [InlineData("MIGRATE_SUCCESS", WaitVerdictKind.Failed)]
        public void Suspend_waits_for_ABORT_and_fails_on_a_task_that_finished(string state, WaitVerdictKind verdict) =>
            Assert.Equal(verdict, SmsWaitRules.Suspend(Entry(Task("RUNNING")), Task(state)).Kind);

        [Fact]
        public void Start_believes_a_failed_state_only_once_it_is_surely_new()
        {
            var rule = SmsWaitRules.Start(TimeSpan.FromHours(1));
            // Piped in failed, still failed: the restart may not show yet.
            Assert.Equal(WaitVerdictKind.Continue, rule(Entry(Task("MIGRATE_FAIL")), Task("MIGRATE_FAIL")).Kind);
            // Piped in paused, now failed: it failed.
            Assert.Equal(WaitVerdictKind.Failed, rule(Entry(Task("ABORT")), Task("MIGRATE_FAIL")).Kind);
            Assert.Equal(WaitVerdictKind.Reached, rule(Entry(Task("ABORT")), Task("RUNNING")).Kind);
            Assert.Equal(WaitVerdictKind.Failed, rule(Entry(Task("ABORT")), null).Kind);
        }

        [Fact]
        public void A_network_check_is_done_when_it_has_an_evaluation()
        {
            Assert.Equal(WaitVerdictKind.Continue, SmsWaitRules.NetworkChecked(Entry(null), Task("RUNNING")).Kind);
            Assert.Equal(WaitVerdictKind.Continue, SmsWaitRules.NetworkChecked(Entry(null), Task("RUNNING", evaluation: "")).Kind);
            Assert.Equal(WaitVerdictKind.Reached, SmsWaitRules.NetworkChecked(Entry(null), Task("RUNNING", evaluation: "GOOD")).Kind);
        }
    }
}
