using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Conformance;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Set-SmsTask over the simulator: PUT /v3/tasks/{id} with the task's settings and the changes, held to PutTaskReq.</summary>
    public class SetSmsTaskTests : LifecycleTestBase
    {
        private RecordedRequest[] Puts => Sim.State.Requests.Where(r => r.Method == "PUT" && r.Path.StartsWith("/v3/tasks/", System.StringComparison.Ordinal)).ToArray();

        [Fact]
        public void Piped_tasks_are_changed_with_their_current_settings_and_read_back()
        {
            var ids = AddTasks(3, "RUNNING", "web");
            var before = Ps.Run("Get-SmsTask -Id $args[0]", ids[0]).Objects<SmsTask>().Single();
            Sim.State.ClearRequests();

            var r = Ps.Run("Get-SmsTask -State RUNNING | Set-SmsTask -SpeedLimit 120 -MigrationIp 10.9.8.7 -PassThru");

            Assert.True(r.Errors.Count == 0, r.Describe());
            var tasks = r.Objects<SmsTask>().ToList();
            Assert.Equal(ids.OrderBy(i => i), tasks.Select(t => t.Id).OrderBy(i => i));
            Assert.All(tasks, t => Assert.Equal(120, t.SpeedLimit));
            Assert.All(tasks, t => Assert.Equal("10.9.8.7", t.MigrationIp));
            Assert.Equal(3, Puts.Length);
            foreach (var put in Puts)
            {
                var body = JObject.Parse(put.Body!);
                var problems = SdkShapes.Instance.Validate(body, "PutTaskReq", "PUT " + put.Path);
                Assert.True(problems.Count == 0, string.Join("\n", problems));
                Assert.Equal(120, (int)body["speed_limit"]!);
                Assert.Equal("10.9.8.7", (string?)body["migration_ip"]);
            }
            // The settings not changed are the task's own.
            var first = JObject.Parse(Puts.Single(p => p.Path == "/v3/tasks/" + ids[0]).Body!);
            Assert.Equal(before.Name, (string?)first["name"]);
            Assert.Equal(before.Type, (string?)first["type"]);
            Assert.Equal(before.RegionId, (string?)first["region_id"]);
            Assert.Equal(before.ProjectId, (string?)first["project_id"]);
            Assert.Equal(before.ProjectName, (string?)first["project_name"]);
        }

        [Fact]
        public void A_rename_shows_in_the_list()
        {
            var id = AddTasks(1, "READY", "old").Single();
            var r = Ps.Run("Set-SmsTask -Id $args[0] -Name new-name_1.0; Get-SmsTask -Name new-name_1.0", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(id, Assert.Single(r.Objects<SmsTask>()).Id);
        }

        [Theory]
        [InlineData("-Priority High", "SmsTaskSettingNotUpdatable", ErrorCategory.NotImplemented, "PutTaskReq")]
        [InlineData("-Syncing", "SmsTaskSettingNotUpdatable", ErrorCategory.NotImplemented, "PutTaskReq")]
        [InlineData("-Name 'two words'", "InvalidSmsTaskName", ErrorCategory.InvalidArgument, "1 to 255 letters")]
        [InlineData("", "NoSmsTaskChange", ErrorCategory.InvalidArgument, "Nothing to change")]
        public void What_the_API_cannot_take_is_refused_before_any_request(string parameters, string errorId, ErrorCategory category, string message)
        {
            var id = AddTasks(1, "READY").Single();
            var r = Ps.Run("Set-SmsTask -Id $args[0] " + parameters, id);
            var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
            Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains(message, error.ToString());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void An_unknown_task_is_ObjectNotFound_and_the_others_are_changed()
        {
            var id = AddTasks(1, "READY").Single();
            var r = Ps.Run("Set-SmsTask -Id 0123456789abcdef0123456789abcdef, $args[0] -SpeedLimit 5", id);
            Assert.Equal(ErrorCategory.ObjectNotFound, r.SingleError().CategoryInfo.Category);
            Assert.Single(Puts);
            Assert.Equal(5, Ps.Run("Get-SmsTask -Id $args[0]", id).Objects<SmsTask>().Single().SpeedLimit);
        }
    }
}
