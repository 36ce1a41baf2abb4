using System;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>The wait loop: when it polls, what it shows, how it rides out a silent service, how it ends.</summary>
    public class TaskWaitTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
        private static readonly WaitWords Words = new WaitWords("Waiting for SMS tasks", "settled", "did not settle");
        private static readonly Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Paused =
            SmsWaitRules.States(new[] { SmsTaskState.ABORT }.ToHashSet());

        private static WaitJob<SmsTask> WaitJob(RecordingHost host, FakeService<SmsTask> service, WaitPlan plan) =>
            new WaitJob<SmsTask>(host, service, Paused, Words, plan, 4);

        [Fact]
        public void A_wait_with_no_action_before_it_polls_at_once()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT");
            // A minute between polls: were the first poll after a pause, this would not end within the bound.
            var job = WaitJob(host, service, new WaitPlan(120, TimeSpan.FromSeconds(60)));
            job.Add("t1", null);

            var run = Fakes.OnThread(job.End);

            Fakes.Completes(run, Bound); // else the wait paused before its first poll
            Assert.Equal(1, service.RefreshCount);
            Assert.Equal("t1", Assert.Single(host.OutputOf<SmsTask>()).Id);
            // Nothing was pending after the poll: no progress but the completed record.
            Assert.True(Assert.Single(host.Progress).Completed);
        }

        [Fact]
        public void A_wait_after_an_action_polls_only_after_the_first_pause()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING");
            var clock = Stopwatch.StartNew();
            TimeSpan? acceptedAt = null;
            service.OnAccepted = (_, id) =>
            {
                acceptedAt = clock.Elapsed;
                service.Script(id, "ABORT");
            };
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, 1, new WaitPlan(60, TimeSpan.FromSeconds(1.5)));

            job.Add("t1", null);
            job.End();

            var firstPollAt = clock.Elapsed; // the job ended right after its one poll
            Assert.Equal(1, service.RefreshCount);
            Assert.NotNull(acceptedAt);
            // The pause is 1.5 s; a timer never fires that much early.
            Assert.True(firstPollAt - acceptedAt!.Value >= TimeSpan.FromSeconds(1.2), "first poll " + (firstPollAt - acceptedAt.Value) + " after the action");
            Assert.Equal("ABORT", Assert.Single(host.OutputOf<SmsTask>()).RawState);
        }

        [Fact]
        public void Two_unanswered_polls_in_a_row_warn_once_and_the_progress_says_since_when()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING", "ABORT");
            service.RefreshFailure = n => n <= 3 ? Fakes.NoAnswer("The connection was reset.") : null;
            var job = WaitJob(host, service, Fakes.QuickPlan());
            job.Add("t1", null);

            job.End();

            Assert.Equal(5, service.RefreshCount);
            var warning = Assert.Single(host.Warnings);
            Assert.Matches(new Regex(@"^Waiting for SMS tasks: the SMS service has not answered since \d\d:\d\d:\d\d \(\d+ s, 2 polls\): The connection was reset\. Still waiting\.$"), warning);
            // Progress after polls 1 to 4 (one task pending), then the end.
            var progress = host.Progress;
            Assert.Equal(5, progress.Count);
            Assert.Equal(new[] { false, true, true, false }, progress.Take(4).Select(p => p.Status.Contains("no answer from SMS since ")));
            Assert.Matches(new Regex(@"^0 of 1 task settled · no answer from SMS since \d\d:\d\d:\d\d$"), progress[1].Status);
            Assert.True(progress[4].Completed);
            Assert.Contains(host.VerboseLines, l => l == "Waiting for SMS tasks: the SMS service answers again.");
            Assert.Equal("ABORT", Assert.Single(host.OutputOf<SmsTask>()).RawState);
            Assert.Empty(host.Errors);
        }

        [Fact]
        public void A_service_that_answers_again_is_not_warned_about_until_two_more_polls_go_unanswered()
        {
            var host = new RecordingHost();
            // Polls 1, 2 fail (warn); 3 answers; 4 fails alone; 5 answers; 6, 7 fail (warn again); 8 answers, paused.
            var service = Fakes.Sms(host).Script("t1", "RUNNING", "RUNNING", "ABORT");
            service.RefreshFailure = n => n is 1 or 2 or 4 or 6 or 7 ? Fakes.NoAnswer("503 Service Unavailable") : null;
            var job = WaitJob(host, service, Fakes.QuickPlan());
            job.Add("t1", null);

            job.End();

            Assert.Equal(8, service.RefreshCount);
            Assert.Equal(2, host.Warnings.Count);
            var journal = host.Journal;
            int At(string entry) => journal.IndexOf(e => e.StartsWith(entry, StringComparison.Ordinal));
            var warnings = journal.Events.Select((e, i) => (e, i)).Where(x => x.e.StartsWith("warning: ", StringComparison.Ordinal)).Select(x => x.i).ToList();
            Assert.InRange(warnings[0], At("refresh #2 "), At("refresh #3 "));
            Assert.InRange(warnings[1], At("refresh #7 "), At("refresh #8 "));
            Assert.Equal("ABORT", Assert.Single(host.OutputOf<SmsTask>()).RawState);
        }

        [Fact]
        public void A_poll_none_of_whose_tasks_could_be_read_went_unanswered()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING").Script("t2", "RUNNING");
            service.ReadErrors["t1"] = Fakes.NoAnswer("Read timed out.");
            service.ReadErrors["t2"] = Fakes.NoAnswer("Read timed out.");
            service.RefreshFailure = n =>
            {
                // After three polls with every read failed, the service answers, and both are paused.
                if (n == 4) { service.ReadErrors.Clear(); service.Script("t1", "ABORT").Script("t2", "ABORT"); }
                return null;
            };
            var job = WaitJob(host, service, Fakes.QuickPlan());
            job.Add("t1", null);
            job.Add("t2", null);

            job.End();

            Assert.Contains("Read timed out.", Assert.Single(host.Warnings));
            Assert.Equal(2, host.OutputOf<SmsTask>().Count);
            Assert.Empty(host.Errors);
        }

        [Fact]
        public void A_time_out_after_the_service_went_silent_tells_the_state_as_it_was_and_since_when_no_answer()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING");
            service.RefreshFailure = n => n >= 2 ? Fakes.NoAnswer("Gateway timeout.") : null;
            var job = WaitJob(host, service, new WaitPlan(2, TimeSpan.FromMilliseconds(10)));
            job.Add("t1", null);

            job.End();

            var error = host.ErrorFor("t1");
            Assert.Equal("SmsTaskWaitTimeout", error.ErrorId);
            Assert.Equal(ApiErrorKind.Timeout, error.Kind);
            Assert.Matches(new Regex(@"^SMS task t1 \[RUNNING\] did not settle within 2 seconds; it was RUNNING at \d\d:\d\d:\d\d; no answer since \d\d:\d\d:\d\d \(Gateway timeout\)\.$"), RecordingHost.Text(error));
            Assert.Single(host.Warnings);
            Assert.True(host.Progress.Last().Completed);
            Assert.Single(host.Progress, p => p.Completed);
        }

        [Fact]
        public void A_time_out_of_a_task_never_read_says_so()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING");
            service.RefreshFailure = _ => Fakes.NoAnswer("Gateway timeout.");
            var job = WaitJob(host, service, new WaitPlan(1, TimeSpan.FromMilliseconds(10)));
            job.Add("t1", null);

            job.End();

            Assert.Matches(new Regex(@"^SMS task t1 did not settle within 1 seconds; its state was never read; no answer since \d\d:\d\d:\d\d \(Gateway timeout\)\.$"), RecordingHost.Text(host.ErrorFor("t1")));
        }

        [Fact]
        public void A_poll_the_service_refuses_for_good_ends_every_tasks_wait_with_its_error()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING").Script("t2", "RUNNING");
            service.RefreshFailure = n => n == 2 ? new HuaweiCloudApiException("Forbidden.", ApiErrorKind.PermissionDenied, 403, "SMS.0403", service: "SMS") : null;
            var job = WaitJob(host, service, Fakes.QuickPlan());
            job.Add("t1", null);
            job.Add("t2", null);

            job.End();

            Assert.Equal(2, service.RefreshCount);
            Assert.Equal(new[] { "t1", "t2" }, host.Errors.Select(e => e.Target).OrderBy(t => t, StringComparer.Ordinal));
            Assert.All(host.Errors, e => Assert.Equal(ApiErrorKind.PermissionDenied, e.Kind));
            Assert.Empty(host.Warnings);
            Assert.True(host.Progress.Last().Completed);
        }

        [Fact]
        public void Each_task_given_is_waited_for_once_and_progress_counts_them()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT").Script("t2", "RUNNING", "RUNNING", "ABORT");
            var job = WaitJob(host, service, Fakes.QuickPlan());
            job.Add("t1", null);
            job.Add("t2", null);
            job.Add("t1", null);

            job.End();

            Assert.Equal(new[] { "t1", "t2" }, host.OutputOf<SmsTask>().Select(t => t.Id));
            Assert.Equal(new[] { "t1", "t2" }, service.Refreshes[0]);
            Assert.Equal(new[] { "t2" }, service.Refreshes[1]);
            Assert.Equal(new[] { 50, 50, 100 }, host.Progress.Select(p => p.PercentComplete));
            Assert.StartsWith("1 of 2 tasks settled", host.Progress[0].Status);
        }

        [Fact]
        public void Stopping_the_command_during_a_pause_ends_the_wait_at_once()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING");
            var job = WaitJob(host, service, new WaitPlan(600, TimeSpan.FromSeconds(60)));
            job.Add("t1", null);

            var run = Fakes.OnThread(job.End);
            Assert.True(service.Refreshed.Wait(Bound), "the first poll");
            host.Stop.Cancel();

            // A minute's pause: ending within the bound means the pause was cut short.
            Assert.IsAssignableFrom<OperationCanceledException>(Fakes.Outcome(run, TimeSpan.FromSeconds(10)));
            Assert.Equal(1, service.RefreshCount);
            // A stopped command writes nothing more: no result, no completed progress.
            Assert.Empty(host.Output);
            Assert.Empty(host.Errors);
            Assert.DoesNotContain(host.Progress, p => p.Completed);
        }

        [Fact]
        public void Closing_the_connection_cuts_the_pause_short_and_the_next_poll_runs_at_once()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING", "ABORT");
            using var closed = new System.Threading.CancellationTokenSource();
            var job = WaitJob(host, service, new WaitPlan(600, TimeSpan.FromSeconds(60), closed.Token));
            job.Add("t1", null);

            var run = Fakes.OnThread(job.End);
            Assert.True(service.Refreshed.Wait(Bound), "the first poll");
            closed.Cancel();

            Fakes.Completes(run, TimeSpan.FromSeconds(10));
            Assert.Equal(2, service.RefreshCount);
            Assert.Equal("ABORT", Assert.Single(host.OutputOf<SmsTask>()).RawState);
        }
    }
}
