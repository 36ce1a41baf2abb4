using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// A wait whose polls fail (SPEC.md, "Operator experience"): after two unanswered polls one warning names the
    /// service, the time since and the last reason; the time-out names the last state seen and when, and since when
    /// the service has not answered.
    /// </summary>
    public class WaitOutageTests : LifecycleTestBase
    {
        /// <summary>
        /// The outage is taken to have lasted already: the endpoint's retry budget (process-wide) is spent, so each
        /// failed poll fails at once instead of retrying for seconds (RetryPolicy, RetryBudget). Draining the copy of
        /// every loaded engine assembly leaves nothing to where the module's engine was loaded from.
        /// </summary>
        private void SpendTheRetryBudget()
        {
            var copies = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "HuaweiMigration.Client").ToList();
            Assert.NotEmpty(copies);
            foreach (var assembly in copies)
            {
                var type = assembly.GetType("HuaweiMigration.Client.Http.RetryBudget", throwOnError: true)!;
                var budget = type.GetMethod("For", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new object[] { Sim.BaseUri })!;
                var withdraw = type.GetMethod("TryWithdraw")!;
                while ((bool)withdraw.Invoke(budget, null)!)
                {
                }
            }
        }

        private static FaultRule Outage(FaultKind kind, string pathPattern) => kind == FaultKind.Error
            ? new FaultRule { Method = "GET", PathPattern = pathPattern, Count = -1, Kind = FaultKind.Error, StatusCode = 503, ErrorCode = "APIGW.0503", ErrorMessage = "Service unavailable" }
            : new FaultRule { Method = "GET", PathPattern = pathPattern, Count = -1, Kind = kind };

        /// <summary>
        /// Runs <paramref name="script"/> until its first poll has read the task (so a state and when it was seen are
        /// known), then cuts off every GET matching <paramref name="pathPattern"/> until the wait times out.
        /// </summary>
        private (PSDataCollection<PSObject> Output, PowerShell Ps) RunIntoOutage(string script, string id, string actionPath, string pollPath, string pathPattern, FaultKind kind)
        {
            var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript(script).AddArgument(id);
            var running = ps.BeginInvoke();

            // The action was accepted, then a poll read the task: the outage starts only now.
            Assert.True(SpinWait.SpinUntil(() =>
            {
                var log = Sim.State.Requests;
                var action = log.FirstOrDefault(r => r.Method == "POST" && r.Path.EndsWith(actionPath, StringComparison.Ordinal) && r.StatusCode < 300);
                return action != null && log.Any(r => r.Sequence > action.Sequence && r.Method == "GET" && r.Path.EndsWith(pollPath, StringComparison.Ordinal) && r.StatusCode == 200);
            }, TimeSpan.FromSeconds(30)), "the action was not followed by a poll");
            SpendTheRetryBudget();
            Sim.State.AddFault(Outage(kind, pathPattern));

            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the wait did not time out");
            var output = ps.EndInvoke(running);
            Assert.True(Sim.State.Requests.Count(r => r.Fault != null) >= 2, "fewer than two polls went unanswered");
            return (output, ps);
        }

        private static void AssertOutageTold(PowerShell ps, string service, string state, string reason, string errorId)
        {
            var warning = Assert.Single(ps.Streams.Warning).Message;
            Assert.Contains("the " + service + " service has not answered since ", warning);
            Assert.Matches(@"since \d{2}:\d{2}:\d{2} ", warning);
            Assert.True(warning.Contains(reason, StringComparison.OrdinalIgnoreCase), warning);
            Assert.Contains("Still waiting", warning);
            var since = Regex.Match(warning, @"since (\d{2}:\d{2}:\d{2})").Groups[1].Value;

            var error = Assert.Single(ps.Streams.Error);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            var message = error.Exception.Message;
            // "... it was ABORTING at 10:42:03; no answer since 10:42:05 (reason)." — never a stale state alone.
            var told = Regex.Match(message, @"it was (\S+) at (\d{2}:\d{2}:\d{2}); no answer since (\d{2}:\d{2}:\d{2}) \(");
            Assert.True(told.Success, message);
            Assert.Equal(state, told.Groups[1].Value);
            Assert.Equal(since, told.Groups[3].Value);
            Assert.True(string.CompareOrdinal(told.Groups[2].Value, told.Groups[3].Value) <= 0 || told.Groups[2].Value.StartsWith("23", StringComparison.Ordinal),
                "seen at " + told.Groups[2].Value + " after the silence began at " + told.Groups[3].Value);
            Assert.True(message.Contains(reason, StringComparison.OrdinalIgnoreCase), message);
            Assert.DoesNotContain("it is " + state, message);
        }

        [Theory]
        [InlineData(FaultKind.Error, "503")]
        [InlineData(FaultKind.DropConnection, "connection")]
        public void An_SMS_wait_whose_polls_fail_warns_once_and_its_time_out_names_the_last_state_seen_and_when(FaultKind kind, string reason)
        {
            var id = AddTasks(1, "RUNNING").Single();
            // The pause stays ABORTING however long the test runs.
            Sim.State.Timings.StopToAbort = TimeSpan.FromHours(1);

            var (output, ps) = RunIntoOutage("Suspend-SmsTask -Id $args[0] -Wait -PollInterval 0.2 -Timeout 3", id,
                "/v3/tasks/" + id + "/action", "/v3/tasks/" + id, "^/v3/tasks", kind);
            using (ps)
            {
                Assert.Empty(output);
                AssertOutageTold(ps, "SMS", "ABORTING", reason, "SmsTaskWaitTimeout");
                // The progress line tells of the silence too.
                Assert.Contains(ps.Streams.Progress, p => p.StatusDescription.Contains("no answer from SMS since", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void A_DCS_wait_whose_polls_fail_warns_once_naming_DCS()
        {
            var id = Sim.State.Dcs.Add("dcs-outage", "INCRMIGEATING");
            Sim.State.Timings.DcsStopToTerminated = TimeSpan.FromHours(1);

            var (output, ps) = RunIntoOutage("Stop-DcsMigrationTask -Id $args[0] -Wait -PollInterval 0.2 -Timeout 3", id,
                "/migration-task/" + id + "/stop", "/migration-task/" + id, "^/v2/", FaultKind.Error);
            using (ps)
            {
                Assert.Empty(output);
                AssertOutageTold(ps, "DCS", "TERMINATING", "503", "DcsTaskWaitTimeout");
            }
        }

        [Fact]
        public void A_wait_whose_polls_fail_once_does_not_warn()
        {
            // One unanswered poll is not an outage: no warning, and the wait goes on to its end.
            var id = AddTasks(1, "RUNNING").Single();
            Sim.State.Timings.StopToAbort = TimeSpan.FromHours(1);
            var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript("Suspend-SmsTask -Id $args[0] -Wait -PollInterval 0.2 -Timeout 60").AddArgument(id);
            var running = ps.BeginInvoke();
            using (ps)
            {
                Assert.True(SpinWait.SpinUntil(() => Sim.State.Requests.Any(r => r.Method == "GET" && r.Path == "/v3/tasks/" + id && r.StatusCode == 200), TimeSpan.FromSeconds(30)), "no poll");
                SpendTheRetryBudget();
                var blip = Outage(FaultKind.Error, "^/v3/tasks");
                blip.Count = 1;
                Sim.State.AddFault(blip);
                Assert.True(SpinWait.SpinUntil(() => Sim.State.Requests.Any(r => r.Fault != null), TimeSpan.FromSeconds(30)), "no failed poll");
                // The service answers again, and the pause takes effect.
                Sim.State.Sms.SetState(id, "ABORT");

                Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the wait did not end");
                var output = ps.EndInvoke(running);
                Assert.Empty(ps.Streams.Error);
                Assert.Single(output);
                Assert.Empty(ps.Streams.Warning);
            }
        }
    }
}
