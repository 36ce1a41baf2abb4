using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Retries, the retry budget, safe re-sending of actions and token renewal, under injected faults.</summary>
    public class FaultToleranceTests : LifecycleTestBase
    {
        [Fact]
        public void Nothing_is_lost_when_a_fifth_of_the_answers_fail_and_no_stop_is_sent_twice()
        {
            var ids = AddTasks(1000, "RUNNING");
            const string sms = "^/v3/tasks";
            Sim.State.AddFault(new FaultRule { PathPattern = sms, Count = -1, Probability = 0.08, Kind = FaultKind.Throttle });
            Sim.State.AddFault(new FaultRule { PathPattern = sms, Count = -1, Probability = 0.08, Kind = FaultKind.Error, StatusCode = 503, ErrorCode = "APIGW.0503", ErrorMessage = "Service unavailable" });
            Sim.State.AddFault(new FaultRule { PathPattern = sms, Count = -1, Probability = 0.06, Kind = FaultKind.DropConnection });

            var r = Ps.Run("Get-SmsTask -State RUNNING | Suspend-SmsTask -Wait -PollInterval 0.2");
            Sim.State.ClearFaults();

            // Every task ends exactly once: one object or one error.
            var done = r.Objects<SmsTask>().Select(t => t.Id).ToList();
            var failed = r.Errors.Select(e => e.TargetObject as string).ToList();
            Assert.Equal(1000, done.Count + failed.Count);
            Assert.Equal(ids.OrderBy(i => i), done.Concat(failed).OrderBy(i => i));
            Assert.All(r.Objects<SmsTask>(), t => Assert.Equal(SmsTaskState.ABORT, t.State));
            Assert.True(done.Count >= 950, done.Count + " of 1000 paused; errors: " + r.Describe());

            // Faults really happened, and no stop went out again after one had taken effect.
            var log = Sim.State.Requests;
            Assert.True(log.Count(q => q.Fault != null) > 100, "faults injected: " + log.Count(q => q.Fault != null));
            foreach (var group in log.Where(q => q.Method == "POST").GroupBy(q => q.Path))
            {
                var applied = group.Where(q => q.StatusCode == 200 && q.Fault == null).Select(q => q.Sequence).DefaultIfEmpty(long.MaxValue).Min();
                Assert.DoesNotContain(group, q => q.Sequence > applied);
            }
        }

        [Fact]
        public void Listing_1000_tasks_survives_two_429s_before_every_answer()
        {
            AddTasks(1000, "READY");
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Count = -1, Kind = FaultKind.Throttle, FailuresBeforeSuccess = 2 });
            var r = Ps.Run("Get-SmsTask -Verbose");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(1000, r.Objects<SmsTask>().Count());
            var calls = Sim.State.Requests.Where(q => q.Path == "/v3/tasks").ToList();
            Assert.Equal(15, calls.Count);
            Assert.Equal(10, calls.Count(q => q.StatusCode == 429));
            // Every retry is visible in -Verbose.
            Assert.Equal(10, r.Verbose.Count(v => v.Contains("throttled (APIG.0308)", StringComparison.Ordinal)));
        }

        [Fact]
        public void Retry_After_is_honoured()
        {
            AddTasks(5, "READY");
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Throttle, RetryAfter = TimeSpan.FromSeconds(1) });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var r = Ps.Run("Get-SmsTask -Verbose");
            clock.Stop();

            Assert.Equal(5, r.Objects<SmsTask>().Count());
            Assert.Contains(r.Verbose, v => v.Contains("Retry-After 1 s); retrying in 1.00 s", StringComparison.Ordinal));
            var calls = Sim.State.Requests.Where(q => q.Path == "/v3/tasks").ToList();
            Assert.Equal(2, calls.Count);
            Assert.True(calls[1].Timestamp - calls[0].Timestamp >= TimeSpan.FromSeconds(0.95), "the retry came after " + (calls[1].Timestamp - calls[0].Timestamp));
        }

        [Fact]
        public async Task An_outage_ends_in_errors_within_the_retry_budget()
        {
            AddTasks(10, "RUNNING");
            var sessions = Enumerable.Range(0, 20).Select(_ => new PsSession()).ToList();
            try
            {
                foreach (var s in sessions)
                {
                    s.Set("endpoint", Sim.BaseUri);
                    s.Set("cred", PsSession.Credential(SimulatorCredentials.UserName, SimulatorCredentials.Password));
                    s.Run("$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential $cred -DomainName sim-domain");
                }
                Sim.State.ClearRequests();
                Sim.State.AddFault(new FaultRule { Count = -1, Kind = FaultKind.Error, StatusCode = 503, ErrorCode = "APIGW.0503", ErrorMessage = "Service unavailable" });

                var results = await Task.WhenAll(sessions.Select(s => Task.Run(() => s.Run("Get-SmsTask -First 5"))));

                Assert.All(results, r =>
                {
                    Assert.Empty(r.Objects<SmsTask>());
                    var error = r.SingleError();
                    Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
                    Assert.StartsWith("APIGW.0503,", error.FullyQualifiedErrorId);
                });
                // Without retries the 20 cmdlets make 20 requests; with them, at most half as many again.
                var requests = Sim.State.Requests.Count;
                Assert.InRange(requests, 21, 30);
            }
            finally
            {
                foreach (var s in sessions) s.Dispose();
            }
        }

        [Fact]
        public void A_slow_answer_runs_into_the_request_timeout_and_the_read_is_retried()
        {
            AddTasks(2, "READY");
            Ps.Run("$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential $cred -DomainName sim-domain -RequestTimeoutSec 1");
            Sim.State.ClearRequests();
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Latency, Delay = TimeSpan.FromSeconds(3) });

            var r = Ps.Run("Get-SmsTask -Verbose");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(2, r.Objects<SmsTask>().Count());
            Assert.Contains(r.Verbose, v => v.Contains("no answer in time", StringComparison.Ordinal));
        }

        [Fact]
        public void An_expired_token_is_renewed_once_and_the_call_replayed()
        {
            AddTasks(3, "READY");
            Sim.State.ExpireAllTokens();
            var r = Ps.Run("Get-SmsTask -Verbose");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(3, r.Objects<SmsTask>().Count());
            var log = Sim.State.Requests;
            Assert.Equal(new[] { 401, 201, 200 }, log.Select(q => q.StatusCode));
            Assert.Equal("/v3/auth/tokens", log[1].Path);
            Assert.Contains(r.Verbose, v => v.Contains("authenticating again", StringComparison.Ordinal));
        }

        [Fact]
        public void An_access_key_call_refused_once_is_signed_again_and_replayed()
        {
            AddTasks(2, "READY");
            Ps.Set("sk", PsSession.Secure(SimulatorCredentials.SecretKey));
            Ps.Run("$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -AccessKey " + SimulatorCredentials.AccessKey + " -SecretKey $sk");
            Sim.State.ClearRequests();
            Sim.State.AddFault(new FaultRule { PathPattern = "^/v3/tasks$", Kind = FaultKind.ExpiredToken });

            var r = Ps.Run("Get-SmsTask");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(2, r.Objects<SmsTask>().Count());
            Assert.Equal(new[] { 401, 200 }, Sim.State.Requests.Select(q => q.StatusCode));
        }

        [Fact]
        public void A_stop_whose_answer_was_lost_is_checked_not_repeated()
        {
            var id = AddTasks(1, "RUNNING").Single();
            // The stop is carried out, but its answer is cut short: the client cannot know it took effect.
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "/action$", Kind = FaultKind.CutBody });
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Wait -PollInterval 0.05 -Verbose", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(SmsTaskState.ABORT, Assert.Single(r.Objects<SmsTask>()).State);
            Assert.Single(Actions(id));
            Assert.Contains(r.Verbose, v => v.Contains("did take effect", StringComparison.Ordinal));
        }

        [Fact]
        public void A_stop_that_was_dropped_before_it_took_effect_is_sent_again()
        {
            var id = AddTasks(1, "RUNNING").Single();
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "/action$", Kind = FaultKind.DropConnection });
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Wait -PollInterval 0.05 -Verbose", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(SmsTaskState.ABORT, Assert.Single(r.Objects<SmsTask>()).State);
            var actions = Actions(id);
            Assert.Equal(2, actions.Length);
            // Between the two, the task was read to see whether the first had taken effect.
            Assert.Contains(Sim.State.Requests, q => q.Method == "GET" && q.Path == "/v3/tasks/" + id && q.Sequence > actions[0].Sequence && q.Sequence < actions[1].Sequence);
        }
    }
}
