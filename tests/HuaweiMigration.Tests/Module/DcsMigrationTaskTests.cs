using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Get- and Stop-DcsMigrationTask in a hosted runspace against the simulator.</summary>
    public class DcsMigrationTaskTests : LifecycleTestBase
    {
        private static readonly string ProjectId = SimulatorCredentials.ProjectIdFor(SimulatorCredentials.DefaultRegion);

        private string[] AddDcs(int count, string status, string prefix = "dcs") =>
            Enumerable.Range(1, count).Select(i => Sim.State.Dcs.Add(name: $"{prefix}-{i:000}", status: status)).ToArray();

        private string StopPath(string id) => "/v2/" + ProjectId + "/migration-task/" + id + "/stop";

        [Fact]
        public void Stop_posts_to_the_context_project_and_writes_the_TERMINATING_task()
        {
            var id = AddDcs(1, "INCRMIGEATING").Single();
            var r = Ps.Run("Stop-DcsMigrationTask -Id $args[0]", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            var task = Assert.Single(r.Objects<DcsMigrationTask>());
            Assert.Equal(id, task.TaskId);
            Assert.Equal(DcsMigrationTaskStatus.TERMINATING, task.Status);
            var stop = Assert.Single(Requests("POST"));
            Assert.Equal(StopPath(id), stop.Path);
        }

        [Fact]
        public void Stop_with_Wait_writes_the_task_once_TERMINATED()
        {
            var id = AddDcs(1, "FULLMIGRATING").Single();
            var r = Ps.Run("Get-DcsMigrationTask -Id $args[0] | Stop-DcsMigrationTask -Wait -PollInterval 0.05", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(DcsMigrationTaskStatus.TERMINATED, Assert.Single(r.Objects<DcsMigrationTask>()).Status);
            Assert.Equal(ProgressRecordType.Completed, r.Progress.Last().RecordType);
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            var ids = AddDcs(3, "MIGRATING");
            var r = Ps.Run("Get-DcsMigrationTask | Stop-DcsMigrationTask -WhatIf");
            Assert.Empty(r.Objects<DcsMigrationTask>());
            Assert.Single(Requests("GET"));
            Assert.Empty(Requests("POST"));
            Assert.All(ids, id => Assert.Equal("MIGRATING", Sim.State.Dcs.GetState(id)));
        }

        [Fact]
        public void A_missing_task_is_ObjectNotFound_while_the_other_piped_tasks_are_stopped()
        {
            var ids = AddDcs(2, "INCRMIGEATING");
            var missing = "00000000-0000-0000-0000-00000000dead";
            Ps.Set("ids", new[] { ids[0], missing, ids[1] });
            var r = Ps.Run("$ids | Stop-DcsMigrationTask");

            Assert.Equal(ids.OrderBy(i => i), r.Objects<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i));
            // Read back after the batch stop: TERMINATING, or TERMINATED when the simulator moved on first (a loaded machine).
            Assert.All(r.Objects<DcsMigrationTask>(), t => Assert.Contains(t.Status, new[] { DcsMigrationTaskStatus.TERMINATING, DcsMigrationTaskStatus.TERMINATED }));
            var error = Assert.Single(r.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("DCS.4133,HuaweiMigration.Commands.Dcs.StopDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(missing, error.TargetObject);
            Assert.Contains(Sim.State.Dcs.GetState(ids[0]), new[] { "TERMINATING", "TERMINATED" });
        }

        [Fact]
        public void A_finished_task_is_reported_clearly_instead_of_being_stopped()
        {
            var done = AddDcs(1, "SUCCESS").Single();
            var r = Ps.Run("Stop-DcsMigrationTask -Id $args[0]", done);
            Assert.Empty(r.Objects<DcsMigrationTask>());
            var error = Assert.Single(r.Errors);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal("DCS.4957,HuaweiMigration.Commands.Dcs.StopDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("already finished (SUCCESS)", error.ToString());
            Assert.Equal("SUCCESS", Sim.State.Dcs.GetState(done));
        }

        [Fact]
        public void Get_by_unknown_id_is_ObjectNotFound_from_the_DCS_4133_answer()
        {
            var id = AddDcs(1, "RUNNING").Single();
            Ps.Set("ids", new[] { "00000000-0000-0000-0000-00000000beef", id });
            var r = Ps.Run("$ids | Get-DcsMigrationTask");
            Assert.Equal(id, Assert.Single(r.Objects<DcsMigrationTask>()).TaskId);
            var error = Assert.Single(r.Errors);
            Assert.Equal("DCS.4133,HuaweiMigration.Commands.Dcs.GetDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [Fact]
        public void Listing_filters_by_wildcard_name_and_pages()
        {
            AddDcs(5, "RUNNING", "alpha");
            AddDcs(3, "RUNNING", "beta");
            var r = Ps.Run("Get-DcsMigrationTask -Name 'BETA-*'");
            Assert.Equal(new[] { "beta-001", "beta-002", "beta-003" }, r.Objects<DcsMigrationTask>().Select(t => t.TaskName).OrderBy(n => n));
            var first = Ps.Run("Get-DcsMigrationTask -First 2 -Skip 1").Objects<DcsMigrationTask>().Select(t => t.TaskName);
            Assert.Equal(new[] { "alpha-002", "alpha-003" }, first);
        }

        [Fact]
        public void No_Redis_password_in_objects_views_streams_or_errors()
        {
            var ids = AddDcs(3, "INCRMIGEATING");
            var done = AddDcs(1, "SUCCESS", "done").Single();
            var r = Ps.Run(@"
                $tasks = Get-DcsMigrationTask -Verbose -Debug
                $tasks
                $tasks | ForEach-Object { $_.PSObject.Properties | ForEach-Object { ""$($_.Name)=$($_.Value)"" } }
                $tasks | ForEach-Object { $_.SourceInstance.PSObject.Properties; $_.TargetInstance.PSObject.Properties } | ForEach-Object { ""$($_.Name)=$($_.Value)"" }
                Get-DcsMigrationTask -Id $args[0] -Verbose -Debug
                Get-DcsMigrationTask -Id '00000000-0000-0000-0000-00000000beef' -Verbose -Debug
                $tasks | Stop-DcsMigrationTask -Wait -PollInterval 0.05 -Verbose -Debug", ids[0]);
            Assert.Contains(r.Output, o => o.BaseObject is DcsMigrationTask);
            Assert.NotEmpty(r.Verbose);
            Assert.NotEmpty(r.Debug);
            Assert.Equal(2, r.Errors.Count); // the unknown id, and the finished task that cannot be stopped
            var text = r.AllText();
            Assert.Contains("INCRMIGEATING", text);
            Assert.DoesNotContain("redis-SECRET", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);

            // The types cannot hold a password, and no view names one.
            foreach (var type in new[] { typeof(DcsMigrationTask), typeof(DcsInstance) })
            {
                Assert.DoesNotContain(type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance), p => p.Name.Contains("assword"));
            }
            var formats = System.IO.File.ReadAllText(System.IO.Path.Combine(Infrastructure.Repo.Root, "out", "HuaweiMigration", "HuaweiMigration.format.ps1xml"));
            Assert.Contains("HuaweiMigration.Models.DcsMigrationTask", formats);
            Assert.DoesNotContain("assword", formats);
        }

        [Fact]
        public void One_hundred_twenty_piped_tasks_are_stopped_in_three_batches_and_waited_for_together()
        {
            var ids = AddDcs(120, "INCRMIGEATING");
            var r = Ps.Run("Get-DcsMigrationTask | Stop-DcsMigrationTask -Wait -PollInterval 0.1");

            Assert.True(r.Errors.Count == 0, r.Describe());
            var tasks = r.Objects<DcsMigrationTask>().ToList();
            Assert.Equal(ids.OrderBy(i => i), tasks.Select(t => t.TaskId).OrderBy(i => i));
            Assert.All(tasks, t => Assert.Equal(DcsMigrationTaskStatus.TERMINATED, t.Status));
            var posts = Requests("POST");
            Assert.Equal(3, posts.Length);
            Assert.All(posts, p => Assert.Equal("/v2/" + ProjectId + "/migration-task/batch-stop", p.Path));
            // No read per task: the list pages, plus one task's figures a poll for the progress line.
            Assert.DoesNotContain(Requests("GET"), g => g.Path.Contains("/migration-task/", StringComparison.Ordinal) && !g.Path.EndsWith("/stats", StringComparison.Ordinal));
        }

        [Fact]
        public void One_hundred_twenty_piped_tasks_batch_stopped_without_wait_are_written_with_no_error()
        {
            var ids = AddDcs(120, "FULLMIGRATING");
            var r = Ps.Run("Get-DcsMigrationTask | Stop-DcsMigrationTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(ids.OrderBy(i => i), r.Objects<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i));
            Assert.All(Requests("POST"), p => Assert.EndsWith("/migration-task/batch-stop", p.Path));
            Assert.All(ids, id => Assert.Contains(Sim.State.Dcs.GetState(id), new[] { "TERMINATING", "TERMINATED" }));
        }

        [Fact]
        public void A_failed_batch_row_without_a_code_is_explained_by_reading_the_task()
        {
            // Older DCS releases answer a failed row with task_id and result only.
            Sim.State.Behaviour.DcsBatchErrorFields = false;
            try
            {
                var running = AddDcs(2, "INCRMIGEATING", "old-run");
                var done = AddDcs(1, "SUCCESS", "old-done").Single();
                const string missing = "0123456789abcdef0123456789abcdef";
                var r = Ps.Run("$args | Stop-DcsMigrationTask", running[0], done, missing, running[1]);

                Assert.Equal(running.OrderBy(i => i), r.Objects<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i));
                Assert.Equal(2, r.Errors.Count);
                var finished = Assert.Single(r.Errors, e => (string)e.TargetObject == done);
                Assert.Equal(ErrorCategory.InvalidOperation, finished.CategoryInfo.Category);
                Assert.StartsWith("DCS.4957", finished.FullyQualifiedErrorId);
                Assert.Contains("SUCCESS", finished.Exception.Message);
                var gone = Assert.Single(r.Errors, e => (string)e.TargetObject == missing);
                Assert.Equal(ErrorCategory.ObjectNotFound, gone.CategoryInfo.Category);
                Assert.StartsWith("DCS.4133", gone.FullyQualifiedErrorId);
            }
            finally
            {
                Sim.State.Behaviour.DcsBatchErrorFields = true;
            }
        }

        [Fact]
        public void A_listed_task_shows_its_instance_names_as_the_same_task_read_by_id_does()
        {
            var id = AddDcs(1, "INCRMIGEATING", "names").Single();
            var r = Ps.Run("Get-DcsMigrationTask -Name 'names-*'; Get-DcsMigrationTask -Id $args[0]", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            var tasks = r.Objects<DcsMigrationTask>().ToList();
            Assert.Equal(2, tasks.Count);
            var (listed, byId) = (tasks[0], tasks[1]);
            Assert.False(string.IsNullOrEmpty(listed.SourceInstance?.Name));
            Assert.Equal(byId.SourceInstance!.Name, listed.SourceInstance!.Name);
            Assert.Equal(byId.TargetInstance!.Name, listed.TargetInstance!.Name);
            Assert.Equal(byId.TargetInstance.Addrs, listed.TargetInstance.Addrs);
            Assert.Equal(byId.SourceName, listed.SourceName); // the default table's column
        }
    }
}
