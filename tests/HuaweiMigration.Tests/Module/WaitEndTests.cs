using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>How a wait ends when the connection goes away, or when the action it follows seems never to have arrived.</summary>
    public class WaitEndTests : LifecycleTestBase
    {
        [Theory]
        [InlineData("Wait-SmsTask -Id $args -State MIGRATE_SUCCESS -PollInterval 30", "RUNNING", false)]
        [InlineData("Wait-SmsTask -Id $args -State MIGRATE_SUCCESS", "RUNNING", false)]
        [InlineData("Wait-DcsMigrationTask -Id $args -Status SUCCESS -PollInterval 30", "INCRMIGEATING", true)]
        public void A_wait_ends_at_once_with_one_error_per_task_when_another_runspace_disconnects(string wait, string state, bool dcs)
        {
            var ids = dcs
                ? new[] { Sim.State.Dcs.Add("dcs-a", state), Sim.State.Dcs.Add("dcs-b", state) }
                : AddTasks(2, state);
            var context = (HuaweiCloudContext)Ps.Run("Get-HuaweiCloudContext").Output.Single().BaseObject;

            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript(wait);
            foreach (var id in ids) ps.AddArgument(id);
            var running = ps.BeginInvoke();

            // Once the wait has polled, another runspace of the process closes the connection (what
            // Disconnect-HuaweiCloud does to the context it forgets).
            Assert.True(SpinWait.SpinUntil(() => Sim.State.Requests.Any(r => r.Method == "GET"), TimeSpan.FromSeconds(30)), "the wait never polled");
            using (var other = new PsSession())
            {
                other.Set("ctx", context);
                var closed = other.Run("[HuaweiMigration.Client.Auth.HuaweiCloudConnector]::Disconnect($ctx); $ctx.IsDisconnected");
                Assert.True((bool)closed.Output.Single().BaseObject, closed.Describe());
            }
            var sentBefore = Sim.State.Requests.Count;

            var ended = running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20));
            if (!ended) ps.Stop();
            Assert.True(ended, "the wait went on after Disconnect");
            ps.EndInvoke(running);
            var errors = ps.Streams.Error.ToList();
            Assert.Equal(ids.OrderBy(i => i), errors.Select(e => e.TargetObject?.ToString()).OrderBy(i => i));
            Assert.All(errors, e =>
            {
                Assert.StartsWith("HuaweiCloudDisconnected,", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
                Assert.Contains("Disconnect-HuaweiCloud", e.ToString());
            });
            Assert.Equal(sentBefore, Sim.State.Requests.Count);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_disconnected_context_is_refused_by_the_transport_without_a_retry()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var context = (HuaweiCloudContext)Ps.Run("Get-HuaweiCloudContext").Output.Single().BaseObject;
            HuaweiCloudConnector.Disconnect(context);
            var client = new HuaweiMigration.Client.Sms.SmsClient(context, null);
            var error = await Assert.ThrowsAsync<HuaweiMigration.HuaweiCloudApiException>(() => client.GetTaskAsync(id, CancellationToken.None));
            Assert.True(error.Disconnected);
            Assert.Equal(HuaweiMigration.Client.Http.FailureKind.Definitive, HuaweiMigration.Client.Http.RetryDecision.Classify(error));
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void A_pause_the_task_shows_no_sign_of_times_out_with_a_hint_that_it_may_not_have_arrived()
        {
            var id = AddTasks(1, "RUNNING").Single();
            // The pause stays ABORTING until the test puts the task back, however slow the machine.
            Sim.State.Timings.StopToAbort = TimeSpan.FromHours(1);
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript("Suspend-SmsTask -Id $args[0] -Wait -Timeout 3 -PollInterval 0.2").AddArgument(id);
            var running = ps.BeginInvoke();

            // The service accepted the pause, then lost it (as a service restarted mid-wait does): the task runs on.
            Assert.True(SpinWait.SpinUntil(() => Sim.State.Requests.Any(r => r.Method == "POST"), TimeSpan.FromSeconds(30)), "the pause was never sent");
            Sim.State.Sms.SetState(id, "RUNNING");

            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the wait did not time out");
            ps.EndInvoke(running);
            var error = Assert.Single(ps.Streams.Error);
            Assert.StartsWith("SmsTaskWaitTimeout,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains("it is RUNNING", error.ToString());
            Assert.Contains("no sign of the 'stop'", error.ToString());
            Assert.Contains("may never have reached the service", error.ToString());
        }

        [Fact]
        public void A_DCS_stop_the_task_shows_no_sign_of_times_out_with_the_hint()
        {
            var id = Sim.State.Dcs.Add("dcs-lost", "INCRMIGEATING");
            Sim.State.Timings.DcsStopToTerminated = TimeSpan.FromHours(1);
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript("Stop-DcsMigrationTask -Id $args[0] -Wait -Timeout 3 -PollInterval 0.2").AddArgument(id);
            var running = ps.BeginInvoke();

            Assert.True(SpinWait.SpinUntil(() => Sim.State.Requests.Any(r => r.Method == "POST"), TimeSpan.FromSeconds(30)), "the stop was never sent");
            Sim.State.Dcs.SetState(id, "INCRMIGEATING");

            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the wait did not time out");
            ps.EndInvoke(running);
            var error = Assert.Single(ps.Streams.Error);
            Assert.StartsWith("DcsTaskWaitTimeout,", error.FullyQualifiedErrorId);
            Assert.Contains("it is INCRMIGEATING", error.ToString());
            Assert.Contains("no sign of the stop", error.ToString());
        }

        [Fact]
        public void A_pause_that_took_effect_times_out_without_that_hint()
        {
            var id = AddTasks(1, "RUNNING").Single();
            Sim.State.Timings.StopToAbort = TimeSpan.FromHours(1);
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Wait -Timeout 2 -PollInterval 0.2", id);
            var error = r.SingleError();
            Assert.StartsWith("SmsTaskWaitTimeout,", error.FullyQualifiedErrorId);
            Assert.Contains("it is ABORTING", error.ToString());
            Assert.DoesNotContain("may never have reached", error.ToString());
        }
    }
}
