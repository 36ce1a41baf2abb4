using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Every per-task error names the task by name and id, the service's own refusals too (issue 23, point 2), and
    /// carries a <see cref="HuaweiCloudApiException"/> (point 1): in a hosted runspace, over HTTP against the simulator.
    /// </summary>
    public class TaskNamedErrorTests : LifecycleTestBase
    {
        [Fact]
        public void Pausing_a_READY_task_piped_from_Get_SmsTask_names_the_task_and_the_services_code()
        {
            var ready = Sim.State.Sms.Add(name: "web-01", state: "READY");
            var other = Sim.State.Sms.Add(name: "db-02", state: "READY");
            Ps.Set("ids", new[] { ready, other });
            var r = Ps.Run("Get-SmsTask -Id $ids | Suspend-SmsTask");

            Assert.Equal(2, r.Errors.Count);
            var error = r.Errors.Single(e => (string)e.TargetObject == ready);
            Assert.Equal("SMS.1038,HuaweiMigration.Commands.Sms.SuspendSmsTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            // What the user sees: the task first, by name and id, then the service's code and words.
            Assert.StartsWith("SMS task 'web-01' (" + ready + "): SMS.1038 ", error.ErrorDetails.Message);
            Assert.Equal(error.ErrorDetails.Message, error.ToString());
            // What scripts read is the service's own.
            var api = Assert.IsType<HuaweiCloudApiException>(error.Exception);
            Assert.Equal("SMS.1038", api.ErrorCode);
            Assert.Equal(400, api.StatusCode);
            Assert.Equal("SMS", api.Service);
            Assert.Contains(api.ErrorMessage!, error.ErrorDetails.Message);
            Assert.DoesNotContain("web-01", api.Message);
            // In a pipeline of many, each error names its own task.
            Assert.StartsWith("SMS task 'db-02' (" + other + "): SMS.1038 ", r.Errors.Single(e => (string)e.TargetObject == other).ErrorDetails.Message);
        }

        [Fact]
        public void A_refusal_of_a_task_given_by_id_alone_names_it_once_read()
        {
            var ready = Sim.State.Sms.Add(name: "web-03", state: "READY");
            var error = Assert.Single(Ps.Run("Suspend-SmsTask -Id $args[0]", ready).Errors);
            Assert.Equal("SMS.1038,HuaweiMigration.Commands.Sms.SuspendSmsTaskCommand", error.FullyQualifiedErrorId);
            // Not piped: the module knows only the id.
            Assert.StartsWith("SMS task " + ready + ": SMS.1038 ", error.ErrorDetails.Message);
        }

        [Fact]
        public void A_DCS_refusal_piped_from_Get_DcsMigrationTask_names_the_task_and_the_services_code()
        {
            var done = Sim.State.Dcs.Add(name: "cache-eu", status: "SUCCESS");
            var r = Ps.Run("Get-DcsMigrationTask -Id $args[0] | Stop-DcsMigrationTask", done);

            var error = Assert.Single(r.Errors);
            Assert.Equal("DCS.4957,HuaweiMigration.Commands.Dcs.StopDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal(done, error.TargetObject);
            Assert.StartsWith("DCS migration task 'cache-eu' (" + done + ") ", error.ErrorDetails.Message);
            Assert.Contains("(DCS.4957)", error.ErrorDetails.Message);
            var api = Assert.IsType<HuaweiCloudApiException>(error.Exception);
            Assert.Equal("DCS.4957", api.ErrorCode);
            Assert.Equal("DCS", api.Service);
        }

        [Fact]
        public void A_DCS_restart_refused_names_the_task()
        {
            var done = Sim.State.Dcs.Add(name: "cache-us", status: "CREATING");
            var r = Ps.Run("Get-DcsMigrationTask -Id $args[0] | Restart-DcsMigrationTask", done);

            var error = Assert.Single(r.Errors);
            Assert.StartsWith("DCS.", error.FullyQualifiedErrorId);
            Assert.StartsWith("DCS migration task 'cache-us' (" + done + ")", error.ErrorDetails.Message);
            Assert.IsAssignableFrom<HuaweiCloudApiException>(error.Exception);
        }

        [Fact]
        public void Errors_the_module_makes_itself_carry_the_API_exception_too()
        {
            var running = Sim.State.Sms.Add(name: "web-04", state: "RUNNING");
            var r = Ps.Run(@"
                Remove-SmsTask -Id $args[0] -Confirm:$false
                Get-SmsTask -Id 'not an id'
                Get-SmsTask -Id 00000000-0000-0000-0000-00000000beef", running);
            Assert.Equal(3, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.IsAssignableFrom<HuaweiCloudApiException>(e.Exception));
            Assert.Equal("SmsTaskNotRemovable,HuaweiMigration.Commands.Sms.RemoveSmsTaskCommand", r.Errors[0].FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, r.Errors[1].CategoryInfo.Category);
            Assert.IsType<HuaweiCloudArgumentException>(r.Errors[1].Exception);
            Assert.Equal(ErrorCategory.ObjectNotFound, r.Errors[2].CategoryInfo.Category);
        }
    }
}
