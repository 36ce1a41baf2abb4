using System;
using System.Linq;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>The one removal, over SMS's and DCS's real rules and a scripted service.</summary>
    public class RemovalJobTests
    {
        private static RemovalJob<SmsTask> Removal(RecordingHost host, FakeService<SmsTask> service, bool force = false, bool wait = false, bool passThru = false, int timeoutSeconds = 20) =>
            new RemovalJob<SmsTask>(host, service, SmsRemoval.Rules, new WaitPlan(timeoutSeconds, TimeSpan.FromMilliseconds(10)), 4, force, wait, passThru);

        /// <summary>A deleted task shows DELETING for two reads, then is gone.</summary>
        private static void DeletionTakesAWhile(FakeService<SmsTask> service) =>
            service.OnAccepted = (action, id) =>
            {
                if (action == "delete") service.Script(id, "DELETING", "DELETING", null);
            };

        [Fact]
        public void Deletable_tasks_are_deleted_in_batches_after_one_read()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            var ids = Enumerable.Range(0, 60).Select(i => "s" + i.ToString("00")).ToArray();
            foreach (var id in ids) service.Script(id, id.EndsWith("7", StringComparison.Ordinal) ? "MIGRATE_SUCCESS" : "ABORT");
            var job = Removal(host, service);

            foreach (var id in ids) job.Add(id, null);
            job.End();

            Assert.Empty(host.Errors);
            Assert.Empty(host.Output); // no -PassThru
            var deletes = service.SendsOf("delete");
            Assert.Equal(new[] { 10, 50 }, deletes.Select(d => d.Ids.Length).OrderBy(n => n));
            Assert.Equal(ids, deletes.SelectMany(d => d.Ids).OrderBy(i => i, StringComparer.Ordinal));
            // The states were read in one go, and nothing was waited for.
            Assert.Equal(ids, Assert.Single(service.Refreshes));
            Assert.Empty(host.Progress);
            Assert.All(host.ShouldProcessCalls, c => Assert.Equal(("Remove", false), (c.Action, c.Force)));
        }

        [Fact]
        public void A_busy_task_is_refused_without_force_and_no_delete_is_sent_for_it()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING").Script("t2", "ABORT").Script("t3", "ABORTING");
            var job = Removal(host, service);

            foreach (var id in new[] { "t1", "t2", "t3" }) job.Add(id, null);
            job.End();

            Assert.Equal(new[] { "t2" }, Assert.Single(service.Sends).Ids);
            Assert.Equal("delete", service.Sends[0].Action);
            var running = host.ErrorFor("t1");
            Assert.Equal("SmsTaskNotRemovable", running.ErrorId);
            Assert.Equal(ApiErrorKind.InvalidOperation, running.Kind);
            Assert.Equal("SMS task 'name-t1' (t1) is RUNNING and cannot be removed now.", running.Message);
            Assert.Contains("-Force", running.RecommendedAction);
            Assert.Equal("SmsTaskNotRemovable", host.ErrorFor("t3").ErrorId);
            Assert.Equal(2, host.Errors.Count);
        }

        [Fact]
        public void A_piped_task_is_judged_by_its_state_now_not_as_piped()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING");
            var job = Removal(host, service);

            job.Add("t1", service.Make("t1", "ABORT"));
            job.End();

            Assert.Equal("SmsTaskNotRemovable", host.ErrorFor("t1").ErrorId);
            Assert.Empty(service.Sends);
        }

        [Fact]
        public void Force_stops_only_what_runs_waits_until_each_may_go_then_deletes()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host)
                .Script("t1", "RUNNING")                           // needs the stop
                .Script("t2", "ABORTING", "ABORTING", "ABORT")      // stopping already: no stop sent
                .Script("t3", "ABORT")                             // deletable as it is
                .Script("t4", "DELETING");                         // not even -Force removes it
            service.OnAccepted = (action, id) =>
            {
                if (action == "stop") service.Script(id, "ABORTING", "ABORT");
                if (action == "delete") service.Script(id, (string?)null);
            };
            var job = Removal(host, service, force: true);

            foreach (var id in new[] { "t1", "t2", "t3", "t4" }) job.Add(id, null);
            job.End();

            Assert.All(host.ShouldProcessCalls, c => Assert.True(c.Force));
            Assert.Equal(new[] { "t1" }, Assert.Single(service.SendsOf("stop")).Ids);
            Assert.Equal(new[] { "t1", "t2", "t3" }, service.SendsOf("delete").SelectMany(d => d.Ids).OrderBy(i => i, StringComparer.Ordinal));
            Assert.Equal("SmsTaskNotRemovable", host.ErrorFor("t4").ErrorId);
            Assert.Single(host.Errors);

            // In order: the read, the stop, the polls until t1 and t2 are paused, and only then the deletion.
            var journal = host.Journal;
            var stop = journal.IndexOf(e => e.StartsWith("send stop", StringComparison.Ordinal));
            var delete = journal.IndexOf(e => e.StartsWith("send delete", StringComparison.Ordinal));
            Assert.True(journal.IndexOf(e => e.StartsWith("refresh #1 ", StringComparison.Ordinal)) < stop);
            Assert.True(journal.IndexOf(e => e.StartsWith("refresh #3 ", StringComparison.Ordinal)) is var third && third > stop && third < delete, journal.ToString());
            Assert.Equal(new[] { "t1", "t2" }, service.Refreshes[1].OrderBy(i => i, StringComparer.Ordinal));
            Assert.True(host.Progress.Last().Completed);
        }

        [Fact]
        public void A_task_that_will_not_pause_in_time_is_not_deleted()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "RUNNING").Script("t2", "ABORT");
            // The stop is accepted, but t1 keeps running.
            var job = Removal(host, service, force: true, timeoutSeconds: 2);

            job.Add("t1", null);
            job.Add("t2", null);
            job.End();

            var error = host.ErrorFor("t1");
            Assert.Equal("SmsTaskWaitTimeout", error.ErrorId);
            Assert.Contains("did not pause within 2 seconds; it is RUNNING", RecordingHost.Text(error));
            Assert.Equal(new[] { "t2" }, Assert.Single(service.SendsOf("delete")).Ids);
        }

        [Fact]
        public void Wait_lasts_until_the_tasks_are_gone_and_passthru_writes_them_as_they_were()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT").Script("t2", "MIGRATE_SUCCESS");
            DeletionTakesAWhile(service);
            var job = Removal(host, service, wait: true, passThru: true);

            job.Add("t1", null);
            job.Add("t2", null);
            job.End();

            Assert.Empty(host.Errors);
            var written = host.OutputOf<SmsTask>().OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "t1", "t2" }, written.Select(t => t.Id));
            Assert.Equal(new[] { "ABORT", "MIGRATE_SUCCESS" }, written.Select(t => t.RawState));
            // The read, then two polls seeing DELETING, then the one seeing them gone; the tasks are written after it.
            Assert.Equal(4, service.RefreshCount);
            var journal = host.Journal;
            Assert.True(journal.IndexOf(e => e.StartsWith("output: ", StringComparison.Ordinal)) > journal.IndexOf(e => e.StartsWith("refresh #4 ", StringComparison.Ordinal)));
            Assert.True(host.Progress.Last().Completed);
        }

        [Fact]
        public void Without_wait_passthru_writes_the_tasks_as_they_were_at_once()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT");
            DeletionTakesAWhile(service);
            var job = Removal(host, service, passThru: true);

            job.Add("t1", null);
            job.End();

            Assert.Equal("ABORT", Assert.Single(host.OutputOf<SmsTask>()).RawState);
            Assert.Equal(1, service.RefreshCount);
        }

        [Fact]
        public void A_task_that_will_not_disappear_times_out_without_being_written()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT").Script("t2", "ABORT");
            service.OnAccepted = (_, id) => service.Script(id, id == "t1" ? "DELETING" : null);
            var job = Removal(host, service, wait: true, passThru: true, timeoutSeconds: 2);

            job.Add("t1", null);
            job.Add("t2", null);
            job.End();

            var error = host.ErrorFor("t1");
            Assert.Equal("SmsTaskWaitTimeout", error.ErrorId);
            Assert.Contains("did not disappear within 2 seconds; it is DELETING (seen at ", RecordingHost.Text(error));
            Assert.Equal(new[] { "t2" }, host.OutputOf<SmsTask>().Select(t => t.Id));
        }

        [Fact]
        public void A_failed_delete_is_one_error_and_the_others_go_on()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT").Script("t2", "ABORT").Script("t3", "ABORT");
            service.Answer = (_, id) => id == "t2"
                ? ActionAnswer<SmsTask>.Failed(new HuaweiCloudApiException("SMS.1039: the task is being used.", ApiErrorKind.InvalidOperation, 400, "SMS.1039", service: "SMS"))
                : ActionAnswer<SmsTask>.Done();
            DeletionTakesAWhile(service);
            var job = Removal(host, service, wait: true, passThru: true);

            foreach (var id in new[] { "t1", "t2", "t3" }) job.Add(id, null);
            job.End();

            var error = host.ErrorFor("t2");
            Assert.Equal(ApiErrorKind.InvalidOperation, error.Kind);
            Assert.Equal("SMS task t2 [ABORT]: SMS.1039: the task is being used.", RecordingHost.Text(error));
            Assert.Single(host.Errors);
            Assert.Equal(new[] { "t1", "t3" }, host.OutputOf<SmsTask>().Select(t => t.Id).OrderBy(i => i, StringComparer.Ordinal));
            // t2 was not waited for.
            Assert.DoesNotContain(service.Refreshes.Skip(1), r => r.Contains("t2"));
        }

        [Fact]
        public void A_delete_request_that_fails_unexpectedly_is_an_error_not_a_removal()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT");
            service.SendFailure = (_, _) => new InvalidOperationException("Something the client did not expect.");
            var job = Removal(host, service, passThru: true);

            job.Add("t1", null);
            job.End();

            var error = host.ErrorFor("t1");
            Assert.Equal("SmsTaskRemoveFailed", error.ErrorId);
            Assert.Empty(host.Output);
        }

        [Fact]
        public void An_unknown_id_is_an_error_naming_it()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host).Script("t1", "ABORT");
            var job = Removal(host, service);

            job.Add("t1", null);
            job.Add("nope", null);
            job.End();

            var error = host.ErrorFor("nope");
            Assert.Equal(ApiErrorKind.NotFound, error.Kind);
            Assert.StartsWith("No SMS task has the id 'nope'.", RecordingHost.Text(error));
            Assert.Equal(new[] { "t1" }, Assert.Single(service.Sends).Ids);
        }

        [Fact]
        public void With_WhatIf_nothing_is_read_or_sent_and_each_task_is_named()
        {
            var host = new RecordingHost { WhatIf = true, ShouldProcessAnswer = false };
            var service = Fakes.Sms(host).Script("t1", "RUNNING");
            var job = Removal(host, service, force: true, wait: true, passThru: true);

            job.Add("t1", null);
            job.End();

            Assert.Equal(0, service.RefreshCount);
            Assert.Empty(service.Sends);
            Assert.Single(host.ShouldProcessCalls);
            Assert.Empty(host.Output);
            Assert.Empty(host.Errors);
        }

        [Fact]
        public void A_task_that_would_be_refused_is_refused_before_anyone_is_asked_and_a_declined_one_is_left_alone()
        {
            var host = new RecordingHost { ShouldProcessAnswer = false };
            var service = Fakes.Sms(host).Script("busy", "RUNNING").Script("idle", "ABORT");
            var job = Removal(host, service, force: false, wait: true, passThru: true);

            job.Add("busy", null);
            job.Add("idle", null);
            job.End();

            // The running task is refused without a prompt; only the paused one is asked about (and declined).
            Assert.Equal("SmsTaskNotRemovable", host.ErrorFor("busy").ErrorId);
            Assert.Single(host.ShouldProcessCalls);
            Assert.Contains("idle", host.ShouldProcessCalls[0].Target);
            Assert.Empty(service.Sends);
            Assert.Empty(host.Output);
        }

        [Fact]
        public void Dcs_removal_stops_with_force_and_explains_a_refused_delete()
        {
            var host = new RecordingHost();
            var service = Fakes.Dcs(host)
                .Script("d1", "MIGRATING")      // busy: stopped first
                .Script("d2", "TERMINATING")    // stopping already
                .Script("d3", "TERMINATED")     // deletable, but the service refuses
                .Script("d4", "SUCCESS");
            service.OnAccepted = (action, id) =>
            {
                if (action == "stop") service.Script(id, "TERMINATING", "TERMINATED");
                if (action == "delete") service.Script(id, (string?)null);
            };
            service.Script("d2", "TERMINATING", "TERMINATING", "TERMINATED");
            service.Answer = (action, id) => action == "delete" && id == "d3"
                ? ActionAnswer<DcsMigrationTask>.Failed(new HuaweiCloudApiException("Conflict.", ApiErrorKind.InvalidOperation, 409, "DCS.4957", service: "DCS"))
                : ActionAnswer<DcsMigrationTask>.Done();
            var job = new RemovalJob<DcsMigrationTask>(host, service, DcsRemoval.Rules, new WaitPlan(20, TimeSpan.FromMilliseconds(10)), 4, force: true, wait: true, passThru: true);

            foreach (var id in new[] { "d1", "d2", "d3", "d4" }) job.Add(id, null);
            job.End();

            Assert.Equal(new[] { "d1" }, Assert.Single(service.SendsOf("stop")).Ids);
            // One batch for every task that may go.
            Assert.Equal(new[] { "d1", "d2", "d3", "d4" }, Assert.Single(service.SendsOf("delete")).Ids.OrderBy(i => i, StringComparer.Ordinal));
            var refused = host.ErrorFor("d3");
            Assert.Equal("DCS task d3 [TERMINATED]: DCS migration task 'name-d3' (d3) cannot be removed while it is TERMINATED (DCS.4957).", RecordingHost.Text(refused));
            Assert.Equal(new[] { "d1", "d2", "d4" }, host.OutputOf<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i, StringComparer.Ordinal));
        }
    }
}
