using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>An action job end to end over a scripted service: asking, sending, back-pressure, writing, waiting.</summary>
    public class ActionJobTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

        private static string[] Ids(string prefix, int count) => Enumerable.Range(0, count).Select(i => prefix + i.ToString("000")).ToArray();

        [Fact]
        public void A_task_the_user_declines_is_not_sent_and_nothing_is_written()
        {
            var host = new RecordingHost { ShouldProcessAnswer = false };
            var service = Fakes.Sms(host).Script("t1", "RUNNING").Script("t2", "RUNNING");
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, 4, Fakes.QuickPlan());

            job.Add("t1", null);
            job.Add("t2", service.Make("t2", "RUNNING"));
            job.End();

            Assert.Empty(service.Sends);
            Assert.Equal(0, service.RefreshCount);
            Assert.Empty(host.Output);
            Assert.Empty(host.Errors);
            Assert.Empty(host.Progress);
            // Asked once per task, naming it (as piped, when it was) and the action's verb; never forced.
            Assert.Equal(new[] { ("SMS task t1", "Suspend (pause)", false), ("SMS task t2 [RUNNING]", "Suspend (pause)", false) }, host.ShouldProcessCalls);
        }

        [Fact]
        public void Without_a_wait_the_tasks_are_written_in_input_order_whatever_order_the_answers_come_in()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            var ids = Ids("t", 6);
            foreach (var id in ids) service.Script(id, "ABORT");
            // The first task is answered last; odd tasks' answers carry the task, even ones are read after.
            service.BeforeAnswer = (_, batch, ct) => Task.Delay(40 * (ids.Length - Array.IndexOf(ids, batch[0])), ct);
            service.Answer = (_, id) => Array.IndexOf(ids, id) % 2 == 1 ? ActionAnswer<SmsTask>.Done(service.Make(id, "ABORTING")) : ActionAnswer<SmsTask>.Done();
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, ids.Length, wait: null);

            foreach (var id in ids) job.Add(id, null);
            job.End();

            Assert.Empty(host.Errors);
            var written = host.OutputOf<SmsTask>();
            Assert.Equal(ids, written.Select(t => t.Id));
            // As the answer returned it, or as read right after, all in one read.
            Assert.Equal(ids.Select((id, i) => i % 2 == 1 ? "ABORTING" : "ABORT"), written.Select(t => t.RawState));
            var read = Assert.Single(service.Refreshes);
            Assert.Equal(new[] { ids[0], ids[2], ids[4] }, read.OrderBy(i => i, StringComparer.Ordinal));
            Assert.Empty(host.Progress);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(50, 1)]
        [InlineData(51, 2)]
        [InlineData(120, 3)]
        public void A_batch_action_sends_one_request_per_fifty_tasks(int tasks, int requests)
        {
            var host = new RecordingHost();
            var service = Fakes.Dcs(host);
            var ids = Ids("d", tasks);
            foreach (var id in ids) service.Script(id, "TERMINATING");
            var job = new ActionJob<DcsMigrationTask>(host, service, DcsActions.Stop, null, 2, wait: null);

            foreach (var id in ids) job.Add(id, null);
            job.End();

            var sends = service.SendsOf("stop");
            Assert.Equal(requests, sends.Count);
            Assert.All(sends, s => Assert.InRange(s.Ids.Length, 1, 50));
            // Every task once, batched in input order.
            Assert.Equal(ids, sends.OrderBy(s => s.Ids[0], StringComparer.Ordinal).SelectMany(s => s.Ids));
            Assert.Equal(ids, host.OutputOf<DcsMigrationTask>().Select(t => t.TaskId));
            Assert.Empty(host.Errors);
        }

        [Fact]
        public void The_throttle_bounds_the_requests_in_flight_and_the_input_waits_for_answers()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            var ids = Ids("t", 20);
            foreach (var id in ids) service.Script(id, "ABORTING");
            var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            service.BeforeAnswer = (_, _, _) => gate.Task;
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, throttle: 3, wait: null);
            var added = 0;

            var run = Fakes.OnThread(() =>
            {
                foreach (var id in ids)
                {
                    job.Add(id, null);
                    Interlocked.Increment(ref added);
                }
                job.End();
            });
            try
            {
                Assert.True(Fakes.Eventually(() => service.InFlight == 3, Bound), "three requests in flight");
                Thread.Sleep(200);
                // No more requests than the throttle, and the input is not read far ahead of the answers (2 × throttle queued at most).
                Assert.Equal(3, service.InFlight);
                Assert.Equal(3, service.Sends.Count);
                Assert.InRange(Volatile.Read(ref added), 3, 2 * 3 + 1);
                Assert.False(run.IsCompleted);
            }
            finally
            {
                gate.SetResult(true);
            }
            Fakes.Completes(run, Bound);
            Assert.Equal(20, service.Sends.Count);
            Assert.Equal(3, service.MaxInFlight);
            Assert.Equal(ids, host.OutputOf<SmsTask>().Select(t => t.Id));
        }

        [Fact]
        public void A_refusal_is_one_error_explained_by_the_task_as_read_a_wrong_id_names_it_and_the_others_go_on()
        {
            var host = new RecordingHost();
            var service = Fakes.Dcs(host).Script("d1", "RUNNING").Script("d2", "SUCCESS").Script("d3", "RUNNING");
            service.Answer = (_, id) => id switch
            {
                "d2" => ActionAnswer<DcsMigrationTask>.Failed(new HuaweiCloudApiException("Conflict.", ApiErrorKind.InvalidOperation, 409, "DCS.4957", "The task status does not allow this.", service: "DCS")),
                "d3" => ActionAnswer<DcsMigrationTask>.Failed(new HuaweiCloudApiException("The task does not exist.", ApiErrorKind.NotFound, 404, "DCS.4133", service: "DCS")),
                _ => ActionAnswer<DcsMigrationTask>.Done(),
            };
            var job = new ActionJob<DcsMigrationTask>(host, service, DcsActions.Stop, null, 1, wait: null);

            // d2 is piped in as it was (RUNNING); the refusal must be explained by what it is now (SUCCESS).
            job.Add("d1", null);
            job.Add("d2", service.Make("d2", "RUNNING"));
            job.Add("d3", null);
            job.End();

            Assert.Equal(2, host.Errors.Count);
            var refused = host.ErrorFor("d2");
            Assert.Equal(ApiErrorKind.InvalidOperation, refused.Kind);
            Assert.Null(refused.ErrorId); // the service's own
            // The message starts with the task as the service describes it (the fake: id and state).
            Assert.Equal("DCS task d2 [SUCCESS]: DCS migration task 'name-d2' (d2) has already finished (SUCCESS): there is nothing to stop (DCS.4957). The task status does not allow this.", RecordingHost.Text(refused));
            var unknown = host.ErrorFor("d3");
            Assert.Equal(ApiErrorKind.NotFound, unknown.Kind);
            Assert.StartsWith("No DCS task has the id 'd3'.", RecordingHost.Text(unknown));
            Assert.Equal(new[] { "d1" }, host.OutputOf<DcsMigrationTask>().Select(t => t.TaskId));
            // The refused task was read on its own to explain it.
            Assert.Contains(service.Refreshes, r => r.SequenceEqual(new[] { "d2" }));
        }

        [Fact]
        public void A_refusal_the_action_does_not_explain_keeps_the_services_words_and_a_bad_id_is_an_invalid_argument()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING").Script("t2", "ABORT").Script("t3", "RUNNING");
            service.Answer = (_, id) => id == "t2"
                ? ActionAnswer<SmsTask>.Failed(new HuaweiCloudApiException("SMS.1038: the task cannot be paused now.", ApiErrorKind.InvalidOperation, 400, "SMS.1038", service: "SMS"))
                : id == "t3" ? ActionAnswer<SmsTask>.Failed(new ArgumentException("'t3' is not an SMS task id."))
                : ActionAnswer<SmsTask>.Done();
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, 2, wait: null);

            foreach (var id in new[] { "t1", "t2", "t3" }) job.Add(id, null);
            job.End();

            var refused = host.ErrorFor("t2");
            Assert.Equal(ApiErrorKind.InvalidOperation, refused.Kind);
            Assert.Equal("SMS task t2: SMS.1038: the task cannot be paused now.", RecordingHost.Text(refused));
            Assert.Equal("SMS.1038: the task cannot be paused now.", refused.Exception.Message);
            var bad = host.ErrorFor("t3");
            Assert.Equal(ApiErrorKind.InvalidArgument, bad.Kind);
            Assert.Equal("InvalidSmsTaskId", bad.ErrorId);
            Assert.Equal(new[] { "t1" }, host.OutputOf<SmsTask>().Select(t => t.Id));
            // No read to explain a refusal the action cannot explain.
            Assert.DoesNotContain(service.Refreshes, r => r.Contains("t2"));
        }

        [Fact]
        public void A_request_that_fails_in_an_unexpected_way_is_an_error_for_each_of_its_tasks_never_silence()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORTING").Script("t2", "ABORTING").Script("t3", "ABORTING");
            service.SendFailure = (_, batch) => batch.Contains("t2") ? new InvalidOperationException("Something the client did not expect.") : null;
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, 2, wait: null);

            foreach (var id in new[] { "t1", "t2", "t3" }) job.Add(id, null);
            job.End();

            var error = host.ErrorFor("t2");
            Assert.Equal("SmsTaskActionFailed", error.ErrorId);
            Assert.Equal(ApiErrorKind.InvalidOperation, error.Kind);
            Assert.Contains("Something the client did not expect.", RecordingHost.Text(error));
            Assert.Equal(new[] { "t1", "t3" }, host.OutputOf<SmsTask>().Select(t => t.Id));
        }

        [Fact]
        public void Waiting_reads_all_pending_tasks_in_one_refresh_per_poll()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            var ids = Ids("t", 5);
            foreach (var id in ids) service.Script(id, "RUNNING");
            service.OnAccepted = (_, id) => service.Script(id, "ABORTING", "ABORTING", "ABORT");
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, 2, Fakes.QuickPlan());

            foreach (var id in ids) job.Add(id, null);
            job.End();

            Assert.Empty(host.Errors);
            Assert.Equal(ids, host.OutputOf<SmsTask>().Select(t => t.Id).OrderBy(i => i, StringComparer.Ordinal));
            Assert.All(host.OutputOf<SmsTask>(), t => Assert.Equal("ABORT", t.RawState));
            // Three polls, each one read of all five tasks: not one read per task.
            Assert.Equal(3, service.RefreshCount);
            Assert.All(service.Refreshes, r => Assert.Equal(ids, r.OrderBy(i => i, StringComparer.Ordinal)));
            // Progress after each poll that left tasks pending, then one completed record.
            var progress = host.Progress;
            Assert.Equal(3, progress.Count);
            Assert.Single(progress, p => p.Completed);
            Assert.True(progress.Last().Completed);
            Assert.Single(progress.Select(p => p.ActivityId).Distinct());
            Assert.Equal("Pausing SMS tasks", progress[0].Activity);
            Assert.StartsWith("0 of 5 tasks paused", progress[0].Status);
        }

        [Fact]
        public void Each_waits_end_is_told_per_task_and_a_lost_answer_is_waited_on()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            foreach (var id in new[] { "a", "b", "c", "d", "e", "f", "g" }) service.Script(id, "RUNNING");
            service.Answer = (_, id) => id is "f" or "g" ? ActionAnswer<SmsTask>.Failed(Fakes.AnswerLost()) : ActionAnswer<SmsTask>.Done();
            service.OnAccepted = (_, id) =>
            {
                switch (id)
                {
                    case "a": service.Script(id, "ABORTING", "ABORT"); break;          // paused
                    case "b": service.Script(id, "MIGRATE_SUCCESS"); break;             // finished first: will not pause
                    case "c": service.Script(id, "ABORTING", null); break;              // disappeared
                    case "d": break;                                                     // accepted, yet stays RUNNING: no sign of the stop
                    case "e": service.Script(id, "ABORTING"); break;                     // stopping, too slowly
                }
            };
            service.Script("g", "RUNNING", "ABORT"); // answer lost, yet it paused
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, 4, new WaitPlan(3, TimeSpan.FromMilliseconds(10)));

            foreach (var id in new[] { "a", "b", "c", "d", "e", "f", "g" }) job.Add(id, null);
            job.End();

            Assert.Equal(new[] { "a", "g" }, host.OutputOf<SmsTask>().Select(t => t.Id).OrderBy(i => i, StringComparer.Ordinal));
            Assert.Equal(5, host.Errors.Count);

            var finished = host.ErrorFor("b");
            Assert.Equal("SmsTaskUnexpectedState", finished.ErrorId);
            Assert.Equal(ApiErrorKind.InvalidResponse, finished.Kind);
            Assert.Contains("is MIGRATE_SUCCESS and will not pause", RecordingHost.Text(finished));

            var gone = host.ErrorFor("c");
            Assert.Equal("SmsTaskGone", gone.ErrorId);
            Assert.Equal(ApiErrorKind.NotFound, gone.Kind);

            var notReached = host.ErrorFor("d");
            Assert.Equal("SmsTaskWaitTimeout", notReached.ErrorId);
            Assert.Equal(ApiErrorKind.Timeout, notReached.Kind);
            Assert.IsType<HuaweiCloudTimeoutException>(notReached.Exception);
            Assert.Matches(new Regex(@"^SMS task d \[RUNNING\] did not pause within 3 seconds; it is RUNNING \(seen at \d\d:\d\d:\d\d\)\. The task shows no sign of the 'stop': it may never have reached the service\."), RecordingHost.Text(notReached));

            // Stopping, but not stopped in time: the stop reached it, so no hint.
            var slow = host.ErrorFor("e");
            Assert.Equal("SmsTaskWaitTimeout", slow.ErrorId);
            Assert.Contains("it is ABORTING (seen at ", RecordingHost.Text(slow));
            Assert.DoesNotContain("never have reached", RecordingHost.Text(slow));

            // The answer was lost: the wait told, and its time-out says so.
            var lost = host.ErrorFor("f");
            Assert.Equal("SmsTaskWaitTimeout", lost.ErrorId);
            Assert.Contains("The task shows no sign of the 'stop', whose answer was lost: it may never have reached the service.", RecordingHost.Text(lost));
            Assert.Contains(host.VerboseLines, l => l.Contains("The answer to the action was lost. Waiting will tell."));

            Assert.True(host.Progress.Last().Completed);
            Assert.Single(host.Progress, p => p.Completed);
        }

        [Fact]
        public void Without_a_wait_a_lost_answer_is_an_error()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING").Script("t2", "RUNNING");
            service.Answer = (_, id) => id == "t2" ? ActionAnswer<SmsTask>.Failed(Fakes.AnswerLost()) : ActionAnswer<SmsTask>.Done();
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Stop, null, 2, wait: null);

            job.Add("t1", null);
            job.Add("t2", null);
            job.End();

            var error = host.ErrorFor("t2");
            Assert.Equal(ApiErrorKind.Connection, error.Kind);
            Assert.True(((HuaweiCloudApiException)error.Exception).OutcomeUnknown);
            Assert.Equal(new[] { "t1" }, host.OutputOf<SmsTask>().Select(t => t.Id));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void A_piped_task_is_the_waits_starting_point(bool piped)
        {
            // Started from paused, the task shows a failed state at the first polls, then runs. Piped in (known to
            // have been paused), the failure is surely new: an error at once. By id, the failed state could be an
            // old one the start has not cleared yet: it must last the grace (2 s here) to count, and it does not.
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "MIGRATE_FAIL", "MIGRATE_FAIL", "RUNNING");
            var job = new ActionJob<SmsTask>(host, service, SmsActions.Start, null, 1, Fakes.QuickPlan());

            job.Add("t1", piped ? service.Make("t1", "ABORT") : null);
            job.End();

            if (piped)
            {
                Assert.Equal("SmsTaskFailed", host.ErrorFor("t1").ErrorId);
                Assert.Empty(host.Output);
                Assert.Equal(1, service.RefreshCount);
            }
            else
            {
                Assert.Empty(host.Errors);
                Assert.Equal("RUNNING", Assert.Single(host.OutputOf<SmsTask>()).RawState);
            }
        }
    }
}
