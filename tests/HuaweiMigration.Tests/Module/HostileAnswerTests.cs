using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Answers a well-behaved service never sends, each over real HTTP: one of them costs only the items it was
    /// about, and each is reported for what it is.
    /// </summary>
    public class HostileAnswerTests : LifecycleTestBase
    {
        [Fact]
        public void One_500_on_a_list_page_is_retried_and_nothing_is_lost()
        {
            AddTasks(450, "READY");
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Error, StatusCode = 500, ErrorCode = "SMS.0000", ErrorMessage = "Internal error" });
            var r = Ps.Run("Get-SmsTask");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(450, r.Objects<SmsTask>().Count());
            Assert.Single(Sim.State.Requests, q => q.StatusCode == 500);
        }

        [Fact]
        public void Unreadable_poll_answers_are_polled_again_and_fail_no_task()
        {
            var ids = AddTasks(50, "RUNNING");
            // More unreadable list answers in a row than one call's retries: the wait itself must poll again.
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks", Kind = FaultKind.MalformedJson, Count = 8 });
            var r = Ps.Run("$args[0] | Suspend-SmsTask -Wait -PollInterval 0.1 -Timeout 60", (object)ids);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(ids.OrderBy(i => i), r.Objects<SmsTask>().Select(t => t.Id).OrderBy(i => i));
            Assert.All(r.Objects<SmsTask>(), t => Assert.Equal(SmsTaskState.ABORT, t.State));
            Assert.Equal(8, Sim.State.Requests.Count(q => q.Fault == "MalformedJson"));
        }

        [Fact]
        public void An_unreadable_200_to_a_stop_is_looked_into_not_taken_for_success()
        {
            var id = AddTasks(1, "RUNNING").Single();
            // The simulator does not act on the request it answers with broken JSON: the stop did not happen.
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "/action$", Kind = FaultKind.MalformedJson });
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Wait -PollInterval 0.1 -Timeout 30", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(SmsTaskState.ABORT, Assert.Single(r.Objects<SmsTask>()).State);
            // Read first (it was still RUNNING), then sent again: two stops, one of them applied.
            Assert.Equal(2, Actions(id).Length);
            Assert.Equal("ABORT", Sim.State.Sms.GetState(id));
        }

        [Fact]
        public void A_stop_whose_answer_is_cut_after_it_took_effect_is_a_success_sent_once()
        {
            var id = AddTasks(1, "RUNNING").Single();
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "/action$", Kind = FaultKind.CutBody });
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Wait -PollInterval 0.1 -Timeout 30", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(SmsTaskState.ABORT, Assert.Single(r.Objects<SmsTask>()).State);
            Assert.Single(Actions(id));
        }

        [Theory]
        [InlineData(301, "Moved Permanently")]
        [InlineData(307, "Temporary Redirect")]
        public void A_redirect_is_named_with_its_status_and_target_and_not_followed(int status, string reason)
        {
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Redirect, StatusCode = status, Location = "https://sms.elsewhere.example.com/v3/tasks" });
            var r = Ps.Run("Get-SmsTask");
            var error = r.SingleError();
            Assert.Contains("redirect (HTTP " + status + " " + reason + ")", error.ToString());
            Assert.Contains("https://sms.elsewhere.example.com", error.ToString());
            Assert.Contains("not followed", error.ToString());
            Assert.Single(Sim.State.Requests);
        }

        [Fact]
        public void A_Retry_After_beyond_the_retry_window_says_so()
        {
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Throttle, RetryAfter = TimeSpan.FromSeconds(100000) });
            var r = Ps.Run("Get-SmsTask");
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains("wait 100000 seconds before trying again (Retry-After)", error.ToString());
            Assert.Single(Sim.State.Requests);
        }

        [Fact]
        public void A_listing_shorter_than_its_count_is_a_warning_with_both_numbers()
        {
            AddTasks(30, "READY");
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.InflatedCount, CountOffset = 7, Count = -1 });
            var r = Ps.Run("Get-SmsTask");
            Assert.Empty(r.Errors);
            Assert.Equal(30, r.Objects<SmsTask>().Count());
            var warning = Assert.Single(r.Warning);
            Assert.Contains("said it holds 37 but its pages held 30", warning);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void An_answer_over_64_MB_is_an_InvalidResult_refused_while_reading(bool declareLength)
        {
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.OversizedBody, SizeBytes = 150L * 1024 * 1024, DeclareLength = declareLength });
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var r = Ps.Run("Get-SmsTask -Verbose");
            var after = GC.GetTotalMemory(forceFullCollection: true);

            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("64 MB", error.ToString());
            // Not asked again: a second read would bring the same answer. (The simulator logs the request when its
            // answer ends, which may be just after the client has hung up.)
            for (var i = 0; i < 100 && Sim.State.Requests.Count == 0; i++) System.Threading.Thread.Sleep(50);
            Assert.Single(Sim.State.Requests);
            Assert.True(after - before < 100L * 1024 * 1024, "memory grew by " + (after - before) / (1024 * 1024) + " MB");
            // The client stopped reading at its cap (or, told the length, before reading at all).
            var line = Assert.Single(r.Verbose, v => v.Contains("but its body failed after", StringComparison.Ordinal));
            var read = long.Parse(System.Text.RegularExpressions.Regex.Match(line, "failed after ([0-9]+) bytes").Groups[1].Value);
            Assert.InRange(read, declareLength ? 0 : 64L * 1024 * 1024, 64L * 1024 * 1024 + 64 * 1024);
        }
    }
}
