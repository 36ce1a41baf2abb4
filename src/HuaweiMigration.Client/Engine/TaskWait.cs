using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>What a wait is told by: its progress activity, the word for a task that got there, and what a time-out says.</summary>
    public sealed class WaitWords
    {
        public WaitWords(string activity, string settled, string notReached)
        {
            Activity = activity;
            Settled = settled;
            NotReached = notReached;
        }

        public string Activity { get; }
        public string Settled { get; }
        public string NotReached { get; }

        public static WaitWords Of(ActionWords words) => new WaitWords(words.Activity, words.Settled, words.NotReached);
    }

    /// <summary>
    /// The wait loop of every waiting command: polls all pending tasks together (<see cref="TaskWaiter{T}"/>) on the
    /// <see cref="PollSchedule"/>, hands each ended wait to its caller, shows one progress activity (always ended
    /// with a completed record), warns when the service stops answering, and ends at once on Ctrl+C or at the
    /// deadline.
    /// </summary>
    internal sealed class TaskWait<TTask> where TTask : class
    {
        private static int _nextActivityId;

        /// <summary>Polls that must go unanswered in a row before the wait warns.</summary>
        public const int SilentPollsBeforeWarning = 2;

        private readonly IEngineHost _host;
        private readonly TaskService<TTask> _service;
        private readonly TaskWaiter<TTask> _waiter;
        private readonly WaitPlan _plan;
        private readonly WaitWords _words;
        private readonly bool _progressDetail;
        private int _failedPolls;
        private DateTime? _silentSince;
        private string? _silentReason;

        // progressDetail: false to show no detail line from the service (which may cost a request a poll).
        public TaskWait(IEngineHost host, TaskService<TTask> service, TaskWaiter<TTask> waiter, WaitPlan plan, WaitWords words, bool progressDetail = true)
        {
            _progressDetail = progressDetail;
            _host = host;
            _service = service;
            _waiter = waiter;
            _plan = plan;
            _words = words;
        }

        /// <summary>Since when the service has not answered (UTC), while it does not; null while it answers.</summary>
        public DateTime? SilentSince => _failedPolls > 0 ? _silentSince : null;

        /// <summary>
        /// Runs the wait to its end. <paramref name="pollFirst"/>: poll at once (a wait for a state that may already
        /// hold) rather than after the first pause (a wait right after an action).
        /// </summary>
        public void Run(Action<WaitResult<TTask>> onResult, bool pollFirst)
        {
            if (_waiter.Pending == 0) return;
            _plan.Start();
            var activityId = Interlocked.Increment(ref _nextActivityId) & 0x7fffffff;
            _waiter.OnTransientFailure = _host.Log.Verbose;
            _host.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: waiting for {1} task{2} to be {3}, {4}{5}.",
                _words.Activity, _waiter.Pending, _waiter.Pending == 1 ? string.Empty : "s", _words.Settled, PollSchedule.Describe(_plan.PollInterval),
                _plan.TimeoutSeconds.HasValue ? ", for at most " + _plan.TimeoutSeconds.Value + " s" : string.Empty));
            var polls = 0;
            var completed = false;
            try
            {
                // Every task is read at least once, even when the actions used up the time: a time-out then names a state.
                if (!pollFirst && !(_plan.TimeLeft <= TimeSpan.Zero)) Pause(polls);
                while (true)
                {
                    var results = _host.Await(_waiter.PollAsync(_host.Cancellation));
                    polls++;
                    NoteHealth();
                    var remaining = _waiter.Pending + results.Count;
                    foreach (var result in results)
                    {
                        _host.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: {1} ({2} left).", result.Id, Narrate(result), --remaining));
                        onResult(result);
                    }
                    if (_waiter.Pending == 0) break;
                    ShowProgress(activityId);
                    if (!Pause(polls)) { TimeOut(onResult); break; }
                }
                completed = true;
            }
            finally
            {
                // A stopped command writes nothing more; any other end closes the progress line.
                if (completed || !_host.Cancellation.IsCancellationRequested)
                {
                    _host.WriteProgress(new WaitProgress(activityId, _words.Activity, "Done", 100, null, completed: true));
                }
            }
        }

        private string Narrate(WaitResult<TTask> result) => result.Outcome switch
        {
            WaitOutcome.Reached => _words.Settled,
            WaitOutcome.Failed => "failed: " + result.Message,
            WaitOutcome.TimedOut => "timed out",
            _ => "could not be read",
        };

        /// <summary>Counts unanswered polls; the second in a row warns once, naming the service, the time since and why.</summary>
        private void NoteHealth()
        {
            var failure = _waiter.LastPollFailure;
            if (failure is null)
            {
                if (_failedPolls >= SilentPollsBeforeWarning) _host.Log.Verbose(_words.Activity + ": the " + _service.Service + " service answers again.");
                _failedPolls = 0;
                _silentSince = null;
                return;
            }
            _silentSince ??= DateTime.UtcNow;
            _silentReason = failure;
            if (++_failedPolls == SilentPollsBeforeWarning)
            {
                _host.Log.Warning(string.Format(CultureInfo.InvariantCulture, "{0}: the {1} service has not answered since {2} ({3:0} s, {4} polls): {5} Still waiting.",
                    _words.Activity, _service.Service, Clock(_silentSince.Value), (DateTime.UtcNow - _silentSince.Value).TotalSeconds, _failedPolls, failure));
            }
        }

        private void ShowProgress(int activityId)
        {
            var total = Math.Max(1, _waiter.Total);
            var detail = _failedPolls >= SilentPollsBeforeWarning
                ? "no answer from " + _service.Service + " since " + Clock(_silentSince!.Value)
                : _progressDetail ? _host.Await(_service.ProgressDetailAsync(_waiter.PendingEntries, _host.Cancellation)) : null;
            // The status line carries the detail too: the default (Minimal) progress view shows no CurrentOperation.
            var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} {2} {3}", _waiter.Settled, _waiter.Total, _waiter.Total == 1 ? "task" : "tasks", _words.Settled)
                + (string.IsNullOrEmpty(detail) ? string.Empty : " · " + detail);
            _host.WriteProgress(new WaitProgress(activityId, _words.Activity, status, Math.Min(99, _waiter.Settled * 100 / total), detail, completed: false));
        }

        /// <summary>Waits for the next poll; false when the time is up instead.</summary>
        private bool Pause(int pollsDone)
        {
            var left = _plan.TimeLeft;
            if (left.HasValue && left.Value <= TimeSpan.Zero) return false;
            // When the last pending task should be done: its action's time plus the most the change takes, as the polls show it.
            var lastAccepted = _waiter.LastPendingAcceptedUtc;
            var expectedIn = lastAccepted.HasValue && _waiter.ChangeTakesAtMost.HasValue ? lastAccepted.Value + _waiter.ChangeTakesAtMost.Value - DateTime.UtcNow : (TimeSpan?)null;
            _host.Await(DelayUnlessClosed(PollSchedule.NextDelay(pollsDone, _plan.PollInterval, left, expectedIn)));
            return true;
        }

        private void TimeOut(Action<WaitResult<TTask>> onResult)
        {
            foreach (var result in _waiter.TimeOutPending()) onResult(result);
        }

        /// <summary>
        /// The pause between polls, cut short when the connection is closed (in any runspace): the next poll then fails
        /// at once for every task, instead of polling on.
        /// </summary>
        private async Task DelayUnlessClosed(TimeSpan delay)
        {
            if (_plan.Closed.IsCancellationRequested || delay <= TimeSpan.Zero) return;
            using (var either = CancellationTokenSource.CreateLinkedTokenSource(_host.Cancellation, _plan.Closed))
            {
                try
                {
                    await Task.Delay(delay, either.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_host.Cancellation.IsCancellationRequested)
                {
                }
            }
        }

        /// <summary>What a time-out says of when the task was last seen, and of a service that stopped answering.</summary>
        public string LastSeen(WaitResult<TTask> result)
        {
            // The state the wait follows (a launch: its source server's), as last seen.
            var state = result.Task is null ? null : _waiter.StateOf(result.Task);
            if (state is null) return SilentSince.HasValue ? "its state was never read; no answer since " + Clock(SilentSince.Value) + " (" + _silentReason?.TrimEnd('.') + ")" : "its state was never read";
            var at = result.LastSeenUtc.HasValue ? Clock(result.LastSeenUtc.Value) : null;
            // A state the service stopped answering about is told as it was, when it was seen: never as it is now.
            return SilentSince.HasValue
                ? "it was " + state + (at is null ? string.Empty : " at " + at) + "; no answer since " + Clock(SilentSince.Value) + " (" + _silentReason?.TrimEnd('.') + ")"
                : "it is " + state + (at is null ? string.Empty : " (seen at " + at + ")");
        }

        /// <summary>
        /// Writes how one task's wait ended: the task on success (when <paramref name="writeTask"/>), else its error;
        /// a time-out names the state last seen and when, and <paramref name="hint"/> when given.
        /// </summary>
        public void Write(WaitResult<TTask> result, bool writeTask = true, string? hint = null)
        {
            var prefix = _service.ErrorPrefix;
            switch (result.Outcome)
            {
                case WaitOutcome.Reached:
                    if (writeTask && result.Task != null) _host.WriteObject(result.Task);
                    break;
                case WaitOutcome.Failed:
                    var gone = result.ErrorId != null && result.ErrorId.EndsWith("Gone", StringComparison.Ordinal);
                    _host.WriteError(new TaskError(result.Id,
                        new HuaweiCloudApiException(result.Message ?? _service.Describe(result.Id, result.Task) + " failed.", gone ? ApiErrorKind.NotFound : ApiErrorKind.InvalidResponse, service: _service.Service),
                        result.ErrorId ?? prefix + "Failed", gone ? ApiErrorKind.NotFound : ApiErrorKind.InvalidResponse));
                    break;
                case WaitOutcome.TimedOut:
                    _host.WriteError(new TaskError(result.Id,
                        new HuaweiCloudTimeoutException(_service.Describe(result.Id, result.Task) + " " + _words.NotReached + " within " + _plan.TimeoutSeconds + " seconds; "
                            + LastSeen(result) + "." + (hint is null ? string.Empty : " " + hint), _service.Service),
                        prefix + "WaitTimeout", ApiErrorKind.Timeout));
                    break;
                default:
                    _host.WriteError(TaskErrors.Of(_service, result.Id, result.Task, result.Error ?? new HuaweiCloudApiException(result.Message ?? _service.Describe(result.Id, result.Task) + ": the wait failed.", ApiErrorKind.InvalidOperation, service: _service.Service), prefix + "WaitFailed"));
                    break;
            }
        }

        /// <summary>A time of day as the user's clock shows it.</summary>
        internal static string Clock(DateTime utc) => utc.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
