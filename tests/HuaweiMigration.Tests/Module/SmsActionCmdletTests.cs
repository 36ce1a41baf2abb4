using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Every action cmdlet over the simulator: its body on the wire, -WhatIf, a refused state, -Wait.</summary>
    public class SmsActionCmdletTests : LifecycleTestBase
    {
        public static TheoryData<string, string, string, string, string> Actions() => new TheoryData<string, string, string, string, string>
        {
            // command (the task id is $args[0]), state it works from, the exact body, a state it is refused in, the service's code
            { "Restart-SmsTask -Id $args[0]", "MIGRATE_FAIL", "{\"operation\":\"restart\"}", "RUNNING", "SMS.1039" },
            { "Start-SmsTest -Id $args[0]", "MIGRATE_SUCCESS", "{\"operation\":\"test\"}", "RUNNING", "SMS.1040" },
            { "Start-SmsCutover -Id $args[0] -Confirm:$false", "SYNCING", "{\"operation\":\"cutover\"}", "READY", "SMS.1040" },
            { "Start-SmsCloneTest -Id $args[0] -TemplateId tpl-0001", "SYNC_SUCCESS", "{\"operation\":\"clone_test\",\"template_id\":\"tpl-0001\"}", "ABORT", "SMS.1040" },
            { "Start-SmsMigrationDrill -Id $args[0]", "MIGRATE_SUCCESS", "{\"operation\":\"migration_test\"}", "MIGRATE_FAIL", "SMS.1040" },
            { "Test-SmsTaskNetwork -Id $args[0]", "RUNNING", "{\"operation\":\"network_check\"}", null!, null! },
            { "Clear-SmsTaskSnapshot -Id $args[0] -Confirm:$false", "MIGRATE_SUCCESS", "{\"operation\":\"clear\"}", null!, null! },
            { "Invoke-SmsTaskAction -Id $args[0] -Operation skip", "RUNNING", "{\"operation\":\"skip\"}", null!, null! },
            { "Invoke-SmsTaskAction -Id $args[0] -Operation clone_test -TemplateId t1 -SwitchHce -ConsistencyCheck", "MIGRATE_SUCCESS",
                "{\"operation\":\"clone_test\",\"template_id\":\"t1\",\"switch_hce\":true,\"is_need_consistency_check\":true}", "RUNNING", "SMS.1040" },
            { "Start-SmsTask -Id $args[0] -SwitchHce", "ABORT", "{\"operation\":\"start\",\"switch_hce\":true}", "RUNNING", "SMS.1039" },
            { "Start-SmsTask -Id $args[0] -ConsistencyCheck", "READY", "{\"operation\":\"start\",\"is_need_consistency_check\":true}", null!, null! },
        };

        [Theory]
        [MemberData(nameof(Actions))]
        public void WhatIf_sends_nothing_the_same_call_sends_exactly_its_body_and_a_refused_state_is_an_InvalidOperation(
            string command, string from, string body, string refusedIn, string code)
        {
            var id = AddTasks(1, from).Single();
            var whatIf = Ps.Run(command + " -WhatIf", id);
            Assert.Empty(whatIf.Errors);
            Assert.Empty(Actions(id));
            Assert.Equal(from, Sim.State.Sms.GetState(id));

            var r = Ps.Run(command, id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(id, Assert.Single(r.Objects<SmsTask>()).Id);
            var sent = Assert.Single(Actions(id));
            Assert.Equal(body, JToken.Parse(sent.Body!).ToString(Newtonsoft.Json.Formatting.None));

            if (refusedIn is null) return; // accepted in every state
            var refused = AddTasks(1, refusedIn, "refused").Single();
            var fine = AddTasks(1, from, "fine").Single();
            var both = Ps.Run(command.Replace("-Id $args[0]", "-Id $args[0], $args[1]"), refused, fine);
            var error = both.SingleError();
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.StartsWith(code + ",", error.FullyQualifiedErrorId);
            Assert.Equal(refused, error.TargetObject);
            Assert.Equal(fine, Assert.Single(both.Objects<SmsTask>()).Id);
        }

        [Fact]
        public void Restart_Wait_returns_the_task_running_again()
        {
            var ids = AddTasks(3, "MIGRATE_FAIL");
            var r = Ps.Run("$args[0] | Restart-SmsTask -Wait -PollInterval 0.1 -Timeout 30", (object)ids);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.All(r.Objects<SmsTask>(), t => Assert.Equal(SmsTaskState.RUNNING, t.State));
            Assert.Equal(3, r.Objects<SmsTask>().Count());
            Assert.Contains(r.Progress, p => p.Activity == "Restarting SMS tasks" && p.RecordType == ProgressRecordType.Completed);
        }

        [Fact]
        public void Invoke_Wait_uses_the_rule_of_a_known_operation_and_settling_for_others()
        {
            var ids = AddTasks(2, "RUNNING");
            var stop = Ps.Run("Invoke-SmsTaskAction -Id $args[0] -Operation stop -Wait -PollInterval 0.1 -Timeout 30", ids[0]);
            Assert.True(stop.Errors.Count == 0, stop.Describe());
            Assert.Equal(SmsTaskState.ABORT, Assert.Single(stop.Objects<SmsTask>()).State);

            // An operation without a rule of its own waits until the task settles: a running task never does here.
            var skip = Ps.Run("Invoke-SmsTaskAction -Id $args[0] -Operation skip -Wait -PollInterval 0.1 -Timeout 1", ids[1]);
            Assert.Equal(ErrorCategory.OperationTimeout, skip.SingleError().CategoryInfo.Category);
            Sim.State.Sms.SetState(ids[1], "ABORT");
            var settled = Ps.Run("Invoke-SmsTaskAction -Id $args[0] -Operation skip -Wait -PollInterval 0.1 -Timeout 30", ids[1]);
            Assert.True(settled.Errors.Count == 0, settled.Describe());
            Assert.Equal(SmsTaskState.ABORT, Assert.Single(settled.Objects<SmsTask>()).State);
        }

        [Fact]
        public void Test_network_Wait_writes_the_task_with_its_evaluation()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var r = Ps.Run("Test-SmsTaskNetwork -Id $args[0] -Wait -PollInterval 0.1 -Timeout 30", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal("GOOD", Assert.Single(r.Objects<SmsTask>()).NetworkCheckInfo!.EvaluationResult);
            // Without -Wait the check is still running: no result yet.
            var quick = Ps.Run("Test-SmsTaskNetwork -Id $args[0]", id);
            Assert.Null(Assert.Single(quick.Objects<SmsTask>()).NetworkCheckInfo!.EvaluationResult);
        }

        [Fact]
        public void Clear_empties_the_snapshot_id()
        {
            var id = AddTasks(1, "MIGRATE_SUCCESS").Single();
            Assert.NotNull(Assert.Single(Ps.Run("Get-SmsTask -Id $args[0]", id).Objects<SmsTask>()).TargetSnapshotId);
            Ps.Run("Clear-SmsTaskSnapshot -Id $args[0] -Confirm:$false", id);
            Assert.Null(Assert.Single(Ps.Run("Get-SmsTask -Id $args[0]", id).Objects<SmsTask>()).TargetSnapshotId);
        }

        [Theory]
        [InlineData("a b")]
        [InlineData("Start")]
        [InlineData("drop;table")]
        [InlineData("")]
        public void Invoke_refuses_an_operation_that_is_not_a_word_before_any_request(string operation)
        {
            var id = AddTasks(1, "RUNNING").Single();
            var r = Ps.Run("Invoke-SmsTaskAction -Id $args[0] -Operation $args[1]", id, operation);
            var error = r.Terminating is ActionPreferenceStopException or RuntimeException ? ((IContainsErrorRecord)r.Terminating!).ErrorRecord : r.SingleError();
            // An empty word is refused by the binder (InvalidData), any other by the cmdlet (InvalidArgument).
            Assert.Equal(operation.Length == 0 ? ErrorCategory.InvalidData : ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            if (operation.Length > 0) Assert.Contains("1 to 64 lowercase letters and underscores", error.ToString());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void An_operation_this_version_does_not_know_is_never_sent_twice_when_its_answer_is_lost()
        {
            var id = AddTasks(1, "RUNNING").Single();
            Sim.State.AddFault(new HuaweiMigration.Simulator.FaultRule { Method = "POST", PathPattern = "/action$", Kind = HuaweiMigration.Simulator.FaultKind.CutBody });
            var r = Ps.Run("Invoke-SmsTaskAction -Id $args[0] -Operation brand_new_thing", id);
            var error = r.SingleError();
            Assert.Contains("Could not tell whether", error.ToString());
            Assert.Single(Actions(id));
        }

        [Fact]
        public void Operation_completes_the_known_words()
        {
            var r = Ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", "Invoke-SmsTaskAction -Operation c");
            Assert.Equal(new[] { "clear", "clone_test", "cutover" }, r.Output.Select(o => o.ToString()).OrderBy(o => o));
        }
    }
}
