using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Start-, Suspend-, Remove- and Wait-SmsTask in a hosted runspace against the simulator's state machine.</summary>
    public class SmsLifecycleTests : LifecycleTestBase
    {
        [Fact]
        public void WhatIf_sends_no_action_and_no_delete()
        {
            var running = AddTasks(3, "RUNNING");
            var paused = AddTasks(2, "ABORT", "paused");
            var r = Ps.Run(@"
                Get-SmsTask -State RUNNING | Suspend-SmsTask -WhatIf
                Get-SmsTask -State ABORT | Start-SmsTask -WhatIf
                Get-SmsTask | Remove-SmsTask -WhatIf
                Get-SmsTask | Remove-SmsTask -Force -WhatIf");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(r.Objects<SmsTask>());
            // The log was recording: the four listings are there, and nothing else.
            Assert.Equal(4, Sim.State.Requests.Count(q => q.Method == "GET" && q.Path == "/v3/tasks"));
            Assert.Empty(Requests("POST"));
            Assert.Empty(Requests("DELETE"));
            Assert.All(running, id => Assert.Equal("RUNNING", Sim.State.Sms.GetState(id)));
            Assert.All(paused, id => Assert.Equal("ABORT", Sim.State.Sms.GetState(id)));
        }

        [Fact]
        public void Suspend_sends_stop_and_with_Wait_returns_the_task_in_ABORT()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Wait -PollInterval 0.05", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            var task = Assert.Single(r.Objects<SmsTask>());
            Assert.Equal(SmsTaskState.ABORT, task.State);
            Assert.Equal("{\"operation\":\"stop\"}", Assert.Single(Actions(id)).Body);
            // Progress: one activity for the call, ending with a Completed record.
            Assert.Single(r.Progress.Select(p => p.ActivityId).Distinct());
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
        }

        [Fact]
        public void Suspend_without_Wait_writes_the_task_as_it_is_after_the_action()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var task = Assert.Single(Ps.Run("Suspend-SmsTask $args[0]", id).Objects<SmsTask>());
            // Read back after the stop: ABORTING (or already ABORT on a slow machine, 200 ms later), never RUNNING.
            Assert.Contains(task.State, new[] { SmsTaskState.ABORTING, SmsTaskState.ABORT });
        }

        [Fact]
        public void Start_sends_start_and_with_Wait_returns_the_task_RUNNING_while_a_failing_task_is_an_error()
        {
            var paused = AddTasks(1, "ABORT").Single();
            var failing = Sim.State.Sms.Add(name: "doomed", state: "READY", failOnStart: true);
            Ps.Set("ids", new[] { paused, failing });
            var r = Ps.Run("$ids | Start-SmsTask -Wait -PollInterval 0.05");

            var task = Assert.Single(r.Objects<SmsTask>());
            Assert.Equal(paused, task.Id);
            Assert.Equal(SmsTaskState.RUNNING, task.State);
            var error = Assert.Single(r.Errors);
            Assert.Equal("SmsTaskFailed,HuaweiMigration.Commands.Sms.StartSmsTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(failing, error.TargetObject);
            Assert.Contains("MIGRATE_FAIL", error.ToString());
            Assert.Equal("{\"operation\":\"start\"}", Assert.Single(Actions(paused)).Body);
        }

        [Fact]
        public void A_failed_task_piped_from_Get_SmsTask_is_restarted_and_waited_for_not_reported_as_still_failed()
        {
            // The restart takes a moment to show: until then the task still reads MIGRATE_FAIL. Piped task objects
            // bind to -InputObject, so the cmdlet knows the task was failed before and waits for it to change.
            Sim.State.Timings.StartDelay = TimeSpan.FromMilliseconds(300);
            var id = AddTasks(1, "MIGRATE_FAIL").Single();
            var r = Ps.Run("Get-SmsTask -Id $args[0] | Start-SmsTask -Wait -PollInterval 0.05", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(SmsTaskState.RUNNING, Assert.Single(r.Objects<SmsTask>()).State);
        }

        [Fact]
        public void A_failed_task_restarted_by_id_is_waited_for_too()
        {
            // By id the state before the start is unknown: the old MIGRATE_FAIL must not be taken for a new failure.
            Sim.State.Timings.StartDelay = TimeSpan.FromMilliseconds(500);
            var id = AddTasks(1, "MIGRATE_FAIL").Single();
            var r = Ps.Run("Start-SmsTask -Id $args[0] -Wait -PollInterval 0.05", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(SmsTaskState.RUNNING, Assert.Single(r.Objects<SmsTask>()).State);
        }

        [Fact]
        public void A_refused_action_is_an_InvalidOperation_error_and_the_others_go_on()
        {
            var ready = AddTasks(1, "READY").Single();
            var running = AddTasks(1, "RUNNING", "run").Single();
            Ps.Set("ids", new[] { ready, running });
            var r = Ps.Run("$ids | Suspend-SmsTask -Wait -PollInterval 0.05");
            Assert.Equal(running, Assert.Single(r.Objects<SmsTask>()).Id);
            var error = Assert.Single(r.Errors);
            Assert.Equal("SMS.1038,HuaweiMigration.Commands.Sms.SuspendSmsTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal(ready, error.TargetObject);
        }

        [Fact]
        public void Remove_refuses_a_running_task_without_sending_DELETE()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var r = Ps.Run("Remove-SmsTask -Id $args[0] -Confirm:$false", id);
            var error = Assert.Single(r.Errors);
            Assert.Equal("SmsTaskNotRemovable,HuaweiMigration.Commands.Sms.RemoveSmsTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal(id, error.TargetObject);
            Assert.Contains("RUNNING", error.Exception.Message);
            Assert.Empty(Requests("DELETE"));
            Assert.Equal("RUNNING", Sim.State.Sms.GetState(id));
        }

        [Fact]
        public void Remove_deletes_a_paused_task_writes_nothing_and_with_PassThru_and_Wait_writes_it_once_gone()
        {
            var ids = AddTasks(2, "ABORT");
            var quiet = Ps.Run("Remove-SmsTask -Id $args[0] -Confirm:$false", ids[0]);
            Assert.True(quiet.Errors.Count == 0, quiet.Describe());
            Assert.Empty(quiet.Output);
            Assert.Single(Deletes(ids[0]));

            var loud = Ps.Run("Remove-SmsTask -Id $args[0] -Confirm:$false -Wait -PassThru -PollInterval 0.05", ids[1]);
            Assert.Equal(ids[1], Assert.Single(loud.Objects<SmsTask>()).Id);
            Assert.Null(Sim.State.Sms.GetState(ids[1]));
        }

        [Fact]
        public void Remove_Force_on_a_running_task_sends_stop_then_DELETE_in_that_order()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var r = Ps.Run("Remove-SmsTask -Id $args[0] -Force -Wait -PollInterval 0.05", id);
            Assert.True(r.Errors.Count == 0, r.Describe());

            var stop = Assert.Single(Actions(id));
            Assert.Equal("{\"operation\":\"stop\"}", stop.Body);
            var delete = Assert.Single(Deletes(id));
            Assert.True(stop.Sequence < delete.Sequence);
            // The DELETE went out only once the task was seen paused.
            Assert.Contains(Sim.State.Requests, q => q.Method == "GET" && q.Sequence > stop.Sequence && q.Sequence < delete.Sequence);
            Assert.Null(Sim.State.Sms.GetState(id));
        }

        [Fact]
        public void Three_hundred_piped_tasks_are_suspended_and_waited_for_with_fewer_than_300_GETs()
        {
            var ids = AddTasks(300, "RUNNING");
            var r = Ps.Run("Get-SmsTask -State RUNNING | Suspend-SmsTask -Wait -PollInterval 0.1");

            Assert.True(r.Errors.Count == 0, r.Describe());
            var tasks = r.Objects<SmsTask>().ToList();
            Assert.Equal(300, tasks.Count);
            Assert.Equal(ids.OrderBy(i => i), tasks.Select(t => t.Id).OrderBy(i => i));
            Assert.All(tasks, t => Assert.Equal(SmsTaskState.ABORT, t.State));
            Assert.Equal(300, Requests("POST").Length);
            var gets = Requests("GET");
            Assert.True(gets.Length < 300, gets.Length + " GET requests");
            // Polls list the tasks in pages (two pages of 200 for 300 tasks). A task is read on its own only when so few
            // are left that one GET each costs less than the pages (a slow machine spreads the stops out).
            var single = gets.Count(g => g.Path.StartsWith("/v3/tasks/", StringComparison.Ordinal));
            Assert.True(single <= 10, single + " tasks were read on their own");
        }

        [Fact]
        public void Tasks_bind_by_property_name_through_the_TaskId_alias()
        {
            var id = AddTasks(1, "RUNNING").Single();
            Ps.Set("id", id);
            var r = Ps.Run("[pscustomobject]@{ TaskId = $id } | Suspend-SmsTask -Wait -PollInterval 0.05");
            Assert.Equal(SmsTaskState.ABORT, Assert.Single(r.Objects<SmsTask>()).State);
        }

        [Fact]
        public void Wait_SmsTask_writes_each_task_when_it_settles()
        {
            var ids = AddTasks(2, "ABORTING");
            Ps.Set("ids", ids);
            var r = Ps.Run("$ids | Wait-SmsTask -PollInterval 0.05");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(ids.OrderBy(i => i), r.Objects<SmsTask>().Select(t => t.Id).OrderBy(i => i));
            Assert.All(r.Objects<SmsTask>(), t => Assert.Equal(SmsTaskState.ABORT, t.State));
        }

        [Fact]
        public void A_timeout_is_one_OperationTimeout_error_per_unfinished_task()
        {
            var running = AddTasks(3, "RUNNING");
            var done = AddTasks(1, "MIGRATE_SUCCESS", "done").Single();
            Ps.Set("ids", running.Append(done).ToArray());
            var r = Ps.Run("$ids | Wait-SmsTask -State MIGRATE_SUCCESS -Timeout 1 -PollInterval 0.2");

            Assert.Equal(done, Assert.Single(r.Objects<SmsTask>()).Id);
            Assert.Equal(3, r.Errors.Count);
            Assert.All(r.Errors, e =>
            {
                Assert.Equal("SmsTaskWaitTimeout,HuaweiMigration.Commands.Sms.WaitSmsTaskCommand", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category);
            });
            Assert.Equal(running.OrderBy(i => i), r.Errors.Select(e => (string)e.TargetObject).OrderBy(i => i));
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
        }

        [Fact]
        public void A_running_task_is_refused_before_any_confirmation_prompt()
        {
            var running = Sim.State.Sms.Add(name: "busy-one", state: "RUNNING");
            Sim.State.ClearRequests();

            // No -Confirm:$false: Remove-SmsTask's impact is High, so a task it would remove is asked about. This host
            // cannot prompt; a refused task never gets that far.
            var r = Ps.Run("Remove-SmsTask -Id $args[0]", running);

            var error = r.SingleError();
            Assert.Equal("SmsTaskNotRemovable,HuaweiMigration.Commands.Sms.RemoveSmsTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'busy-one'", error.ToString());
            Assert.Equal("RUNNING", Sim.State.Sms.GetState(running));
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method != "GET");

            // A task it would remove is asked about, and this host cannot answer: the prompt is what stops it.
            var paused = Sim.State.Sms.Add(name: "idle-one", state: "ABORT");
            var asked = Ps.Run("Remove-SmsTask -Id $args[0]", paused);
            Assert.True(asked.Errors.Count + (asked.Terminating is null ? 0 : 1) > 0, asked.Describe());
            Assert.Equal("ABORT", Sim.State.Sms.GetState(paused));
        }

        [Fact]
        public void WhatIf_false_given_wins_over_the_WhatIf_preference()
        {
            var paused = Sim.State.Sms.Add(name: "whatif-off", state: "ABORT");
            var r = Ps.Run("$WhatIfPreference = $true; try { Remove-SmsTask -Id $args[0] -WhatIf:$false -Confirm:$false } finally { $WhatIfPreference = $false }", paused);
            Assert.True(r.Errors.Count == 0, r.Describe());
            // Deleted (gone, or DELETING while the simulator takes its time), not left paused.
            Assert.NotEqual("ABORT", Sim.State.Sms.GetState(paused));
            Assert.Contains(Sim.State.Requests, q => q.Method == "DELETE");
        }
    }
}
