using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>Sending one action to many tasks (batches, one answer per task) and the bounded runner beneath it.</summary>
    public class ActionRunTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

        private static TaskAction<SmsTask> Batched(int size) =>
            new TaskAction<SmsTask>("delete", SmsActions.Delete.Words, SmsActions.Delete.WaitRule, batchSize: size);

        private static List<(string Id, ActionAnswer<SmsTask> Answer)> RunAll(ActionRun<SmsTask> run, IEnumerable<string> ids)
        {
            foreach (var id in ids) run.Add(id);
            Fakes.Completes(run.CompleteAsync(), Bound);
            return run.TakeAnswers().Select(a => (a.Id, a.Answer)).ToList();
        }

        [Fact]
        public void Ids_go_out_in_batches_of_the_actions_size_and_each_gets_one_answer()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            var run = new ActionRun<SmsTask>(service, Batched(3), null, 2, CancellationToken.None);
            var ids = new[] { "a", "b", "c", "d", "e", "f", "g" };

            var answers = RunAll(run, ids);

            Assert.Equal(new[] { new[] { "a", "b", "c" }, new[] { "d", "e", "f" }, new[] { "g" } }, service.Sends.Select(s => s.Ids).OrderBy(b => b[0], StringComparer.Ordinal));
            Assert.Equal(ids, answers.Select(a => a.Id).OrderBy(i => i, StringComparer.Ordinal));
            Assert.All(answers, a => Assert.Null(a.Answer.Error));
            Assert.Empty(run.TakeAnswers()); // taken once
        }

        [Fact]
        public void A_full_batch_goes_out_at_once_and_the_rest_when_completed()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            var run = new ActionRun<SmsTask>(service, Batched(2), null, 4, CancellationToken.None);

            run.Add("a");
            run.Add("b");
            run.Add("c");
            Assert.True(service.SendStarted.Wait(Bound));
            Assert.Equal(new[] { "a", "b" }, Assert.Single(service.Sends).Ids);

            Fakes.Completes(run.CompleteAsync(), Bound);
            Assert.Equal(2, service.Sends.Count);
            Assert.Equal(new[] { "c" }, service.Sends[1].Ids);
        }

        [Fact]
        public void An_answer_that_does_not_mention_a_task_is_an_invalid_response_for_that_task()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            service.Answer = (_, id) => id == "b" ? null : ActionAnswer<SmsTask>.Done();
            var run = new ActionRun<SmsTask>(service, Batched(50), null, 1, CancellationToken.None);

            var answers = RunAll(run, new[] { "a", "b", "c" }).ToDictionary(a => a.Id, a => a.Answer);

            Assert.Equal(3, answers.Count);
            Assert.Null(answers["a"].Error);
            Assert.Null(answers["c"].Error);
            var missing = Assert.IsType<HuaweiCloudApiException>(answers["b"].Error);
            Assert.Equal(ApiErrorKind.InvalidResponse, missing.Kind);
            Assert.Equal("SMS", missing.Service);
            Assert.Contains("did not mention task b", missing.Message);
        }

        [Fact]
        public void A_failed_request_fails_each_of_its_tasks_and_no_other()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            var outage = new HuaweiCloudApiException("502 Bad Gateway.", ApiErrorKind.ServerError, 502, service: "SMS");
            service.SendFailure = (_, batch) => batch.Contains("c") ? outage : null;
            var run = new ActionRun<SmsTask>(service, Batched(2), null, 2, CancellationToken.None);

            var answers = RunAll(run, new[] { "a", "b", "c", "d", "e" }).ToDictionary(a => a.Id, a => a.Answer);

            Assert.Equal(5, answers.Count);
            Assert.Same(outage, answers["c"].Error);
            Assert.Same(outage, answers["d"].Error);
            Assert.Null(answers["a"].Error);
            Assert.Null(answers["b"].Error);
            Assert.Null(answers["e"].Error);
        }

        [Fact]
        public void A_request_that_throws_something_unexpected_still_answers_for_each_of_its_tasks()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            service.SendFailure = (_, batch) => batch.Contains("a") ? new InvalidOperationException("Unexpected.") : null;
            var run = new ActionRun<SmsTask>(service, Batched(2), null, 2, CancellationToken.None);

            var answers = RunAll(run, new[] { "a", "b", "c" }).ToDictionary(a => a.Id, a => a.Answer);

            Assert.Equal(new[] { "a", "b", "c" }, answers.Keys.OrderBy(i => i, StringComparer.Ordinal));
            Assert.IsType<InvalidOperationException>(answers["a"].Error);
            Assert.IsType<InvalidOperationException>(answers["b"].Error);
            Assert.Null(answers["c"].Error);
        }

        [Fact]
        public void Stopping_ends_the_run_and_sends_nothing_more()
        {
            var host = new RecordingHost();
            var service = Fakes.Sms(host);
            service.BeforeAnswer = (_, _, ct) => Task.Delay(Timeout.Infinite, ct);
            using var stop = new CancellationTokenSource();
            var run = new ActionRun<SmsTask>(service, Batched(1), null, 1, stop.Token);

            run.Add("a");
            run.Add("b");
            run.Add("c");
            Assert.True(service.SendStarted.Wait(Bound));
            stop.Cancel();

            Assert.IsAssignableFrom<OperationCanceledException>(Fakes.Outcome(run.CompleteAsync(), Bound));
            Assert.Single(service.Sends);
        }

        // ---------- BoundedRunner ----------

        [Fact]
        public void The_runner_keeps_to_its_limit_without_blocking_the_caller()
        {
            var runner = new BoundedRunner<int>(2, CancellationToken.None);
            var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var inFlight = 0;
            var most = 0;
            var started = new ConcurrentBag<int>();

            for (var i = 0; i < 6; i++)
            {
                runner.Submit(i, async (item, ct) =>
                {
                    started.Add(item);
                    var now = Interlocked.Increment(ref inFlight);
                    lock (started) most = Math.Max(most, now);
                    await gate.Task.ConfigureAwait(false);
                    Interlocked.Decrement(ref inFlight);
                });
            }
            // Six submitted, none blocked the caller.
            Assert.Equal(6, runner.Pending);
            Assert.True(Fakes.Eventually(() => Volatile.Read(ref inFlight) == 2, Bound));
            Thread.Sleep(100);
            Assert.Equal(2, started.Count);
            Assert.False(runner.WhenAnyAsync().IsCompleted);

            gate.SetResult(true);
            Fakes.Completes(runner.WhenAllAsync(), Bound);
            Assert.Equal(2, most);
            Assert.Equal(6, started.Count);
            Assert.Equal(0, runner.Pending);
            Assert.True(runner.WhenAnyAsync().IsCompleted); // nothing pending: at once
        }

        [Fact]
        public void The_runner_queues_each_outcome_for_the_caller()
        {
            var runner = new BoundedRunner<string>(3, CancellationToken.None);
            foreach (var item in new[] { "a", "b", "c", "d" })
            {
                runner.Submit(item, async (it, ct) =>
                {
                    await Task.Yield();
                    if (it == "b") throw new InvalidOperationException("b failed");
                });
            }

            Fakes.Completes(runner.WhenAllAsync(), Bound);
            var outcomes = runner.TakeCompleted().ToDictionary(o => o.Item, o => o.Error);

            Assert.Equal(new[] { "a", "b", "c", "d" }, outcomes.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal("b failed", Assert.IsType<InvalidOperationException>(outcomes["b"]).Message);
            Assert.Null(outcomes["a"]);
            Assert.Empty(runner.TakeCompleted());
        }

        [Fact]
        public void Cancelling_ends_the_work_in_flight_and_nothing_more_runs_as_if_it_were_not()
        {
            using var stop = new CancellationTokenSource();
            var runner = new BoundedRunner<int>(1, stop.Token);
            var startedLive = new ConcurrentBag<int>();
            var first = new SemaphoreSlim(0);
            for (var i = 0; i < 3; i++)
            {
                runner.Submit(i, async (item, ct) =>
                {
                    if (!ct.IsCancellationRequested) startedLive.Add(item);
                    first.Release();
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                });
            }
            Assert.True(first.Wait(Bound));

            stop.Cancel();

            Assert.IsAssignableFrom<OperationCanceledException>(Fakes.Outcome(runner.WhenAllAsync(), Bound));
            // Only the first item ran before the stop; one handed its slot after it sees the stop at once.
            Assert.Equal(new[] { 0 }, startedLive);
            // A cancelled item is not pending any more, whether it had started or not; a stop is no outcome to write.
            Assert.Equal(0, runner.Pending);
            Assert.Empty(runner.TakeCompleted());
        }

        [Fact]
        public void The_runner_needs_a_limit_of_at_least_one() =>
            Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedRunner<int>(0, CancellationToken.None));
    }
}
