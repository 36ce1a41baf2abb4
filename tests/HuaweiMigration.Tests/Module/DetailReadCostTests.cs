using System;
using System.Linq;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Reading tasks by id costs one request a task: the fields only list rows carry come from pages, not a list call per id.</summary>
    public class DetailReadCostTests : LifecycleTestBase
    {
        [Fact]
        public void A_thousand_tasks_read_by_id_cost_at_most_1050_requests_and_each_has_its_list_row_fields()
        {
            var ids = Enumerable.Range(1, 1000).Select(i => Sim.State.Sms.Add(name: $"detail-{i:0000}", state: "RUNNING")).ToArray();
            Sim.State.ClearRequests();

            var r = Ps.Run("$args | Get-SmsTask", ids.Cast<object>().ToArray());

            Assert.Empty(r.Errors);
            var tasks = r.Output.Select(o => (SmsTask)o.BaseObject).ToArray();
            Assert.Equal(ids, tasks.Select(t => t.Id).ToArray());
            // special_config exists only in list rows: every task has it, the first few and the rest alike.
            Assert.All(tasks, t => Assert.NotEmpty(t.SpecialConfig));
            var requests = Sim.State.Requests.ToList();
            Assert.Equal(1000, requests.Count(q => q.Method == "GET" && q.Path.StartsWith("/v3/tasks/", StringComparison.Ordinal)));
            var listCalls = requests.Count(q => q.Method == "GET" && q.Path == "/v3/tasks");
            Assert.InRange(listCalls, 1, 50);
            Assert.InRange(requests.Count, 1000, 1050);
        }

        [Fact]
        public void One_task_read_by_id_costs_its_GET_and_one_filtered_list_call()
        {
            var id = Sim.State.Sms.Add(name: "detail-one", state: "RUNNING");
            Sim.State.ClearRequests();

            var task = (SmsTask)Ps.Run("Get-SmsTask -Id $args[0]", id).Output.Single().BaseObject;

            Assert.NotEmpty(task.SpecialConfig);
            Assert.Single(Sim.State.Requests, q => q.Path == "/v3/tasks/" + id);
            Assert.Contains("id=" + id, Assert.Single(Sim.State.Requests, q => q.Path == "/v3/tasks").QueryString);
        }

        [Fact]
        public void A_few_ids_on_a_large_account_never_pay_for_its_whole_list()
        {
            var ids = Enumerable.Range(1, 2400).Select(i => Sim.State.Sms.Add(name: $"big-{i:0000}", state: "RUNNING")).ToArray();
            Sim.State.ClearRequests();

            // 12 pages of 200: reading 10 ids costs their list calls and one page to learn the count, never the 12.
            var r = Ps.Run("$args | Get-SmsTask", ids.Take(10).Cast<object>().ToArray());

            Assert.Empty(r.Errors);
            Assert.All(r.Output.Select(o => (SmsTask)o.BaseObject), t => Assert.NotEmpty(t.SpecialConfig));
            Assert.InRange(Sim.State.Requests.Count(q => q.Method == "GET" && q.Path == "/v3/tasks"), 10, 11);
        }
    }
}
