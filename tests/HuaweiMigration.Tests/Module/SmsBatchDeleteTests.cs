using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Simulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Many tasks piped into one Remove-SmsTask go out as batch deletions, each task with its own outcome.</summary>
    public class SmsBatchDeleteTests : LifecycleTestBase
    {
        [Fact]
        public void Deletes_120_paused_tasks_in_three_batches_and_refuses_the_running_one()
        {
            var paused = AddTasks(120, "ABORT", "paused");
            var running = AddTasks(1, "RUNNING", "running").Single();
            var r = Ps.Run("Get-SmsTask | Remove-SmsTask -Confirm:$false");

            var error = r.SingleError();
            Assert.Equal(running, error.TargetObject);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("RUNNING", error.ToString());

            var batches = Sim.State.Requests.Where(q => q.Method == "POST" && q.Path == "/v3/tasks/delete").ToList();
            Assert.InRange(batches.Count, 1, 3);
            var sent = batches.SelectMany(b => ((JArray)JObject.Parse(b.Body!)["ids"]!).Select(t => (string)t!)).ToList();
            Assert.Equal(paused.OrderBy(i => i), sent.OrderBy(i => i));
            Assert.All(batches, b => Assert.True(((JArray)JObject.Parse(b.Body!)["ids"]!).Count <= 50));
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "DELETE");
            // Besides the batches, only reads.
            Assert.All(Sim.State.Requests.Where(q => q.Path != "/v3/tasks/delete"), q => Assert.Equal("GET", q.Method));
            Assert.All(paused, id => Assert.True(Sim.State.Sms.GetState(id) is null or "DELETING"));
            Assert.Equal("RUNNING", Sim.State.Sms.GetState(running));
        }

        [Fact]
        public void A_refused_batch_is_deleted_one_task_at_a_time_so_only_the_task_in_the_way_fails()
        {
            var ids = AddTasks(5, "ABORT");
            // Between the state read and the batch, one task is started elsewhere: the whole batch is refused.
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/tasks/delete$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.2015", ErrorMessage = "Running or stopping tasks cannot be deleted." });
            Sim.State.AddFault(new FaultRule { Method = "DELETE", PathPattern = "/v3/tasks/" + ids[2] + "$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.2015", ErrorMessage = "Running or stopping tasks cannot be deleted." });
            var r = Ps.Run("$args[0] | Remove-SmsTask -Confirm:$false", (object)ids);

            var error = r.SingleError();
            Assert.Equal(ids[2], error.TargetObject);
            Assert.StartsWith("SMS.2015,", error.FullyQualifiedErrorId);
            Assert.Single(Sim.State.Requests, q => q.Path == "/v3/tasks/delete");
            Assert.Equal(5, Sim.State.Requests.Count(q => q.Method == "DELETE"));
            Assert.Equal(4, ids.Count(id => Sim.State.Sms.GetState(id) is null or "DELETING"));
            Assert.Equal("ABORT", Sim.State.Sms.GetState(ids[2]));
        }

        [Fact]
        public void WhatIf_sends_no_deletion()
        {
            var ids = AddTasks(60, "ABORT");
            var r = Ps.Run("$args[0] | Remove-SmsTask -WhatIf", (object)ids);
            Assert.Empty(r.Errors);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method != "GET");
            Assert.All(ids, id => Assert.Equal("ABORT", Sim.State.Sms.GetState(id)));
        }
    }
}
