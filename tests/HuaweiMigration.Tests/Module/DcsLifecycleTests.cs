using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Wait, restart, remove and progress of DCS migrations, and the status filters, over the simulator.</summary>
    public class DcsLifecycleTests : LifecycleTestBase
    {
        private static readonly string ProjectId = SimulatorCredentials.ProjectIdFor(SimulatorCredentials.DefaultRegion);

        private string[] AddDcs(int count, string status, string prefix = "dcs", bool online = true) =>
            Enumerable.Range(1, count).Select(i => Sim.State.Dcs.Add(name: $"{prefix}-{i:000}", status: status, online: online)).ToArray();

        private string ListPath => "/v2/" + ProjectId + "/migration-tasks";

        [Fact]
        public void Listing_then_stopping_asks_for_the_list_once_before_the_stops()
        {
            AddDcs(120, "FULLMIGRATING");
            var r = Ps.Run("Get-DcsMigrationTask | Stop-DcsMigrationTask");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var log = Sim.State.Requests.ToList();
            var firstStop = log.FindIndex(q => q.Method == "POST");
            Assert.Equal(1, log.Take(firstStop).Count(q => q.Path == ListPath));
            Assert.Equal(3, log.Count(q => q.Method == "POST"));
        }

        [Fact]
        public void One_hundred_twenty_tasks_wait_together_at_a_bounded_cost_per_poll()
        {
            var ids = AddDcs(120, "INCRMIGEATING");
            foreach (var id in ids) Sim.State.Dcs.SetState(id, "TERMINATING"); // TERMINATED after DcsStopToTerminated
            var r = Ps.Run("Get-DcsMigrationTask | Wait-DcsMigrationTask -PollInterval 0.1 -Timeout 30");
            Assert.True(r.Errors.Count == 0, r.Errors.Count + " errors, the first: " + r.Errors.FirstOrDefault());
            Assert.Equal(ids.OrderBy(i => i), r.Objects<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i));
            Assert.All(r.Objects<DcsMigrationTask>(), t => Assert.Equal(DcsMigrationTaskStatus.TERMINATED, t.Status));
            // One list call per poll (120 tasks fit one page), never one call per task.
            Assert.DoesNotContain(Sim.State.Requests, q => q.Path.Contains("/migration-task/", StringComparison.Ordinal) && !q.Path.EndsWith("/stats", StringComparison.Ordinal));
            // The progress line reads one task's figures a poll, whatever the number of tasks.
            Assert.True(Sim.State.Requests.Count(q => q.Path.EndsWith("/stats", StringComparison.Ordinal)) <= Sim.State.Requests.Count(q => q.Path == ListPath));
            Assert.All(r.Progress.Where(p => p.RecordType != ProgressRecordType.Completed), p => Assert.Contains("keys", p.CurrentOperation));
            Assert.InRange(Sim.State.Requests.Count(q => q.Path == ListPath), 2, 40);
            Assert.Contains(r.Progress, p => p.RecordType == ProgressRecordType.Completed);
        }

        [Fact]
        public void A_restarted_task_migrates_again_and_Wait_returns_it_while_a_refused_one_is_an_InvalidOperation()
        {
            var stopped = AddDcs(2, "TERMINATED", "stopped");
            var import = AddDcs(1, "FAILED", "import", online: false).Single();
            var whatIf = Ps.Run("$args[0] | Restart-DcsMigrationTask -WhatIf", (object)stopped);
            Assert.Empty(whatIf.Errors);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "POST");

            var r = Ps.Run("$args[0] | Restart-DcsMigrationTask -Wait -PollInterval 0.1 -Timeout 30", (object)stopped.Append(import).ToArray());
            var error = r.SingleError();
            Assert.Equal(import, error.TargetObject);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("FAILED", error.ToString());
            Assert.Equal(stopped.OrderBy(i => i), r.Objects<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i));
            Assert.All(r.Objects<DcsMigrationTask>(), t => Assert.True(DcsMigrationTaskStatuses.Migrating.Contains(t.Status), t.RawStatus));
            var restart = Assert.Single(Requests("POST"));
            Assert.Equal(ListPath + "/batch-restart", restart.Path);
            Assert.Equal(3, ((JArray)JObject.Parse(restart.Body!)["migration_tasks"]!).Count);
        }

        [Fact]
        public void Force_removal_of_a_migrating_task_stops_it_waits_then_deletes_it()
        {
            var id = AddDcs(1, "INCRMIGEATING").Single();
            var r = Ps.Run("Remove-DcsMigrationTask -Id $args[0] -Force -PassThru -PollInterval 0.1 -Timeout 30", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(id, Assert.Single(r.Objects<DcsMigrationTask>()).TaskId);
            Assert.Null(Sim.State.Dcs.GetState(id));
            var changes = Sim.State.Requests.Where(q => q.Method != "GET").ToList();
            Assert.Equal(2, changes.Count);
            Assert.EndsWith("/migration-task/" + id + "/stop", changes[0].Path);
            Assert.Equal("DELETE", changes[1].Method);
            Assert.Equal(ListPath + "/delete", changes[1].Path);
            Assert.Equal("{\"task_id_list\":[\"" + id + "\"]}", JObject.Parse(changes[1].Body!).ToString(Newtonsoft.Json.Formatting.None));
            // Between the stop and the delete, the task was seen TERMINATED.
            Assert.Contains(Sim.State.Requests, q => q.Method == "GET" && q.Sequence > changes[0].Sequence && q.Sequence < changes[1].Sequence);
        }

        [Fact]
        public void Removing_an_unknown_id_is_the_services_own_DCS_4133_and_the_others_are_removed()
        {
            var done = AddDcs(2, "SUCCESS", "gone-soon");
            const string unknown = "4f5a6b7c-0000-4000-8000-00000000dead";

            var r = Ps.Run("Remove-DcsMigrationTask -Id $args[0], $args[1], $args[2] -Confirm:$false", done[0], unknown, done[1]);

            var error = r.SingleError();
            Assert.Equal("DCS.4133,HuaweiMigration.Commands.Dcs.RemoveDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(unknown, error.TargetObject);
            Assert.All(done, id => Assert.Null(Sim.State.Dcs.GetState(id)));
        }

        [Fact]
        public void Stopping_without_Wait_writes_each_task_and_no_error_for_an_accepted_stop()
        {
            var ids = AddDcs(3, "MIGRATING", "stop-plain");
            var r = Ps.Run("Stop-DcsMigrationTask -Id $args -Confirm:$false", ids.Cast<object>().ToArray());
            Assert.Empty(r.Errors);
            Assert.Equal(ids, r.Output.Select(o => ((HuaweiMigration.Models.DcsMigrationTask)o.BaseObject).TaskId).ToArray());
        }

        [Fact]
        public void A_migrating_task_is_refused_without_Force_while_the_others_are_removed()
        {
            var running = AddDcs(1, "MIGRATING", "running").Single();
            var done = AddDcs(60, "SUCCESS", "done");
            var whatIf = Ps.Run("Get-DcsMigrationTask | Remove-DcsMigrationTask -WhatIf");
            Assert.Empty(whatIf.Errors);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method != "GET");

            var r = Ps.Run("Get-DcsMigrationTask | Remove-DcsMigrationTask -Confirm:$false");
            var error = r.SingleError();
            Assert.Equal(running, error.TargetObject);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("MIGRATING", error.ToString());
            Assert.Empty(r.Output);
            Assert.Equal("MIGRATING", Sim.State.Dcs.GetState(running));
            Assert.All(done, id => Assert.Null(Sim.State.Dcs.GetState(id)));
            var deletes = Requests("DELETE");
            Assert.Equal(2, deletes.Length);
            Assert.DoesNotContain(deletes, d => d.Body!.Contains(running));
        }

        [Fact]
        public void Progress_is_typed_and_moves_while_a_task_migrates()
        {
            var id = AddDcs(1, "MIGRATING").Single();
            var first = Assert.Single(Ps.Run("Get-DcsMigrationProgress -Id $args[0]", id).Objects<DcsMigrationProgress>());
            System.Threading.Thread.Sleep(300);
            var second = Assert.Single(Ps.Run("Get-DcsMigrationTask -Id $args[0] | Get-DcsMigrationProgress", id).Objects<DcsMigrationProgress>());
            Assert.Equal(id, second.TaskId);
            Assert.True(first.IsMigrating);
            Assert.NotNull(first.PercentComplete);
            Assert.True(second.PercentComplete > first.PercentComplete, first + " then " + second);
            Assert.NotEqual(first.Offset, second.Offset);
            Assert.True(second.SourceKeys > 0);
            var unknown = Ps.Run("Get-DcsMigrationProgress -Id 0123456789abcdef0123456789abcdef");
            Assert.Equal(ErrorCategory.ObjectNotFound, unknown.SingleError().CategoryInfo.Category);
        }

        [Fact]
        public void Status_and_several_names_select_exactly_the_matching_tasks()
        {
            var a = AddDcs(3, "MIGRATING", "a");
            var b = AddDcs(2, "MIGRATING", "b");
            AddDcs(2, "TERMINATED", "a-stopped");
            AddDcs(2, "MIGRATING", "c");
            var r = Ps.Run("Get-DcsMigrationTask -Status MIGRATING -Name 'a-*', 'b-*'");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(a.Concat(b).OrderBy(i => i), r.Objects<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i));
            var unknown = Ps.Run("Get-DcsMigrationTask -Status Unknown");
            Assert.Equal(ErrorCategory.InvalidData, unknown.SingleError().CategoryInfo.Category);
        }
    }
}
