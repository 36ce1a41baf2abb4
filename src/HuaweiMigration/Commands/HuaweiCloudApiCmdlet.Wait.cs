using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands
{
    /// <summary>The wait loop every waiting cmdlet runs: polls, progress, the time limit and Ctrl+C.</summary>
    public abstract partial class HuaweiCloudApiCmdlet
    {
        private static int _nextActivityId;

        /// <summary>
        /// Polls a waiter until every task is settled or the time is up, on the pipeline thread: results are handed
        /// to <paramref name="onResult"/> as they come, progress shows one activity for the whole call and always
        /// ends with a Completed record, and Ctrl+C ends the wait at once (the delay and any request are cancelled).
        /// </summary>
        internal void RunWait<T>(
            TaskWaiter<T> waiter,
            WaitTiming timing,
            string activity,
            string settledWord,
            Func<TaskWaiter<T>, string?> currentOperation,
            Action<WaitResult<T>> onResult)
            where T : class
        {
            if (waiter.Pending == 0) return;
            var activityId = Interlocked.Increment(ref _nextActivityId) & 0x7fffffff;
            waiter.OnTransientFailure = Log.Verbose;
            // The context as resolved, even if already closed: a wait whose connection was closed fails on its first poll.
            var closed = (_resolved ?? CurrentContext).Closed;
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            // -Verbose narrates the wait: what it waits for, each task as it gets there, how many are left.
            WriteVerbose(string.Format(culture, "{0}: waiting for {1} task{2} to be {3}, polling every {4:0.##} s{5}.",
                activity, waiter.Pending, waiter.Pending == 1 ? string.Empty : "s", settledWord, timing.PollInterval.TotalSeconds,
                timing.TimeoutSeconds.HasValue ? ", for at most " + timing.TimeoutSeconds.Value + " s" : string.Empty));
            try
            {
                while (true)
                {
                    var results = Await(waiter.PollAsync(CancellationToken));
                    var remaining = waiter.Pending + results.Count;
                    foreach (var result in results)
                    {
                        WriteVerbose(string.Format(culture, "{0}: {1} ({2} left).", result.Id,
                            result.Outcome == WaitOutcome.Reached ? settledWord : result.Outcome == WaitOutcome.Failed ? "failed: " + result.Message : result.Outcome == WaitOutcome.TimedOut ? "timed out" : "could not be read",
                            --remaining));
                        onResult(result);
                    }
                    if (waiter.Pending == 0) break;

                    var total = Math.Max(1, waiter.Total);
                    var detail = currentOperation(waiter);
                    // The status line carries the detail too: the default (Minimal) progress view shows no CurrentOperation.
                    WriteProgress(new ProgressRecord(activityId, activity,
                        string.Format(culture, "{0} of {1} tasks {2}", waiter.Settled, waiter.Total, settledWord) + (string.IsNullOrEmpty(detail) ? string.Empty : " · " + detail))
                    {
                        PercentComplete = Math.Min(99, waiter.Settled * 100 / total),
                        CurrentOperation = detail ?? string.Empty,
                        SecondsRemaining = -1,
                    });

                    var delay = timing.PollInterval;
                    if (timing.Deadline.HasValue)
                    {
                        var left = timing.Deadline.Value - DateTime.UtcNow;
                        if (left <= TimeSpan.Zero)
                        {
                            foreach (var result in waiter.TimeOutPending()) onResult(result);
                            break;
                        }
                        if (left < delay) delay = left;
                    }
                    Await(DelayUnlessClosed(delay, closed));
                }
            }
            finally
            {
                if (!Stopping)
                {
                    WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
        }

        /// <summary>
        /// The pause between polls, cut short when Disconnect-HuaweiCloud closes the connection (in any runspace):
        /// the next poll then fails at once with HuaweiCloudDisconnected for every task, instead of polling on.
        /// </summary>
        private async Task DelayUnlessClosed(TimeSpan delay, CancellationToken closed)
        {
            if (closed.IsCancellationRequested) return;
            using (var either = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, closed))
            {
                try
                {
                    await Task.Delay(delay, either.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!CancellationToken.IsCancellationRequested)
                {
                }
            }
        }
    }
}
