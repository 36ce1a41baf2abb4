using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace HuaweiMigration.Client.Waiting
{
    /// <summary>The states of many tasks read in one go: found, confirmed gone, or failed to read.</summary>
    public sealed class RefreshResult<T> where T : class
    {
        public Dictionary<string, T> Found { get; } = new Dictionary<string, T>(StringComparer.Ordinal);
        public HashSet<string> Gone { get; } = new HashSet<string>(StringComparer.Ordinal);
        public Dictionary<string, Exception> Errors { get; } = new Dictionary<string, Exception>(StringComparer.Ordinal);
    }

    /// <summary>Reads the current state of many tasks at a bounded cost.</summary>
    public interface ITaskRefresher<T> where T : class
    {
        Task<RefreshResult<T>> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    }

    public enum WaitVerdictKind
    {
        Continue,
        Reached,
        Failed,
    }

    /// <summary>What a wait rule says of a task's latest state.</summary>
    public readonly struct WaitVerdict
    {
        private WaitVerdict(WaitVerdictKind kind, string? message, string? errorId)
        {
            Kind = kind;
            Message = message;
            ErrorId = errorId;
        }

        public WaitVerdictKind Kind { get; }
        public string? Message { get; }

        /// <summary>A stable error id for failures (e.g. <c>SmsTaskFailed</c>).</summary>
        public string? ErrorId { get; }

        public static WaitVerdict Continue => new WaitVerdict(WaitVerdictKind.Continue, null, null);
        public static WaitVerdict Reached => new WaitVerdict(WaitVerdictKind.Reached, null, null);
        public static WaitVerdict Fail(string errorId, string message) => new WaitVerdict(WaitVerdictKind.Failed, message, errorId);
    }

    /// <summary>One task being waited for.</summary>
    public sealed class WaitEntry<T> where T : class
    {
        internal WaitEntry(string id, T? initial, string? initialState)
        {
            Id = id;
            Last = initial;
            InitialState = initialState;
            InitialKnown = initialState != null;
        }

        public string Id { get; }

        /// <summary>
        /// The state the task was in before the action when <see cref="InitialKnown"/>; otherwise the first state seen
        /// after it, which may still be the old one.
        /// </summary>
        public string? InitialState { get; internal set; }

        /// <summary>True when <see cref="InitialState"/> was known before the action (the task was piped in).</summary>
        public bool InitialKnown { get; }

        /// <summary>When the task was first seen by a poll (UTC).</summary>
        public DateTime? FirstSeenUtc { get; internal set; }

        /// <summary>The state the first poll saw.</summary>
        public string? FirstSeenState { get; internal set; }

        /// <summary>True once a poll has seen the task in a state other than <see cref="FirstSeenState"/>.</summary>
        public bool ChangedSinceFirstSeen { get; internal set; }

        /// <summary>When a poll last saw the task (UTC).</summary>
        public DateTime? LastSeenUtc { get; internal set; }

        /// <summary>When the action this wait follows was accepted for the task (UTC); null when there was none.</summary>
        public DateTime? AcceptedUtc { get; internal set; }

        /// <summary>The latest view of the task.</summary>
        public T? Last { get; internal set; }

        /// <summary>True once the task has been seen in a state other than <see cref="InitialState"/>.</summary>
        public bool SeenChange { get; internal set; }
    }

    internal enum WaitOutcome
    {
        /// <summary>The task reached a target state (or, for a removal, is gone).</summary>
        Reached,
        /// <summary>The task landed in a state from which the target cannot be reached.</summary>
        Failed,
        /// <summary>The wait's time limit passed first.</summary>
        TimedOut,
        /// <summary>The task's state could not be read.</summary>
        Error,
    }

    /// <summary>How the wait for one task ended.</summary>
    internal sealed class WaitResult<T> where T : class
    {
        internal WaitResult(string id, T? task, WaitOutcome outcome, string? message = null, string? errorId = null, Exception? error = null, DateTime? lastSeenUtc = null)
        {
            LastSeenUtc = lastSeenUtc;
            Id = id;
            Task = task;
            Outcome = outcome;
            Message = message;
            ErrorId = errorId;
            Error = error;
        }

        public string Id { get; }

        /// <summary>The task as last seen (null when it is gone).</summary>
        public T? Task { get; }
        public WaitOutcome Outcome { get; }
        public string? Message { get; }
        public string? ErrorId { get; }
        public Exception? Error { get; }

        /// <summary>When a poll last saw the task (UTC); null when none did.</summary>
        public DateTime? LastSeenUtc { get; }
    }

    /// <summary>
    /// Waits for many tasks together: each poll reads all pending tasks through one <see cref="ITaskRefresher{T}"/>
    /// call (a bounded number of requests, not one per task) and applies the rule to each. The caller drives the
    /// loop, so that output, progress and delays stay under its control (and on its thread).
    /// </summary>
    internal sealed class TaskWaiter<T> where T : class
    {
        private readonly ITaskRefresher<T> _refresher;
        private readonly Func<WaitEntry<T>, T?, WaitVerdict> _rule;
        private readonly Func<T, string?> _stateOf;
        private readonly Dictionary<string, WaitEntry<T>> _pending = new Dictionary<string, WaitEntry<T>>(StringComparer.Ordinal);
        private readonly HashSet<string> _all = new HashSet<string>(StringComparer.Ordinal);

        public TaskWaiter(ITaskRefresher<T> refresher, Func<WaitEntry<T>, T?, WaitVerdict> rule, Func<T, string?> stateOf)
        {
            _refresher = refresher;
            _rule = rule;
            _stateOf = stateOf;
        }

        /// <summary>The state this wait follows, of a task as read.</summary>
        public string? StateOf(T task) => _stateOf(task);

        /// <summary>Reports polls that failed for a passing reason (the wait goes on).</summary>
        public Action<string>? OnTransientFailure { get; set; }

        /// <summary>Why the last poll went unanswered (the wait goes on); null when it was answered.</summary>
        public string? LastPollFailure { get; private set; }

        public int Total => _all.Count;
        public int Pending => _pending.Count;
        public int Settled => Total - Pending;
        public IEnumerable<WaitEntry<T>> PendingEntries => _pending.Values;

        /// <summary>Adds a task (with when its action was accepted, if any); a task already added is ignored. Returns false for a duplicate.</summary>
        public bool Add(string id, T? initial, DateTime? acceptedUtc = null)
        {
            if (!_all.Add(id)) return false;
            _pending[id] = new WaitEntry<T>(id, initial, initial is null ? null : _stateOf(initial)) { AcceptedUtc = acceptedUtc };
            return true;
        }

        /// <summary>
        /// The longest the change can take, as the polls so far show it: a task whose action was accepted at A and
        /// that a poll at P saw done took at most P − A. Null until a poll has seen a task with a known acceptance done.
        /// </summary>
        public TimeSpan? ChangeTakesAtMost { get; private set; }

        /// <summary>When the last pending task's action was accepted (UTC); null when none is known.</summary>
        public DateTime? LastPendingAcceptedUtc => _pending.Values.Max(e => e.AcceptedUtc);

        /// <summary>Reads every pending task once and returns those whose wait ended.</summary>
        public async Task<IReadOnlyList<WaitResult<T>>> PollAsync(CancellationToken cancellationToken)
        {
            var finished = new List<WaitResult<T>>();
            LastPollFailure = null;
            if (_pending.Count == 0) return finished;

            RefreshResult<T> refresh;
            try
            {
                refresh = await _refresher.RefreshAsync(_pending.Keys.ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (HuaweiCloudApiException ex) when (IsTransient(ex))
            {
                LastPollFailure = ex.Message;
                OnTransientFailure?.Invoke("Could not read the tasks' states this time (" + ex.Message + "); polling again.");
                return finished;
            }
            catch (HuaweiCloudApiException ex)
            {
                foreach (var entry in _pending.Values.ToList())
                {
                    finished.Add(new WaitResult<T>(entry.Id, entry.Last, WaitOutcome.Error, ex.Message, error: ex, lastSeenUtc: entry.LastSeenUtc));
                }
                _pending.Clear();
                return finished;
            }

            var unread = 0;
            string? unreadReason = null;
            foreach (var entry in _pending.Values.ToList())
            {
                T? current;
                if (refresh.Found.TryGetValue(entry.Id, out var found))
                {
                    current = found;
                    entry.Last = found;
                    entry.LastSeenUtc = DateTime.UtcNow;
                    var state = _stateOf(found);
                    if (entry.FirstSeenUtc is null)
                    {
                        entry.FirstSeenUtc = entry.LastSeenUtc;
                        entry.FirstSeenState = state;
                        if (!entry.InitialKnown) entry.InitialState = state;
                    }
                    if (!string.Equals(state, entry.InitialState, StringComparison.Ordinal)) entry.SeenChange = true;
                    // A state that could not be read this time (null) is no change, nor is the first one read after it.
                    if (entry.FirstSeenState is null) entry.FirstSeenState = state;
                    else if (state != null && !string.Equals(state, entry.FirstSeenState, StringComparison.Ordinal)) entry.ChangedSinceFirstSeen = true;
                }
                else if (refresh.Gone.Contains(entry.Id))
                {
                    current = null;
                    entry.SeenChange = true;
                    entry.ChangedSinceFirstSeen = true;
                }
                else
                {
                    if (refresh.Errors.TryGetValue(entry.Id, out var error) && !(error is HuaweiCloudApiException api && IsTransient(api)))
                    {
                        finished.Add(new WaitResult<T>(entry.Id, entry.Last, WaitOutcome.Error, error.Message, error: error, lastSeenUtc: entry.LastSeenUtc));
                        _pending.Remove(entry.Id);
                    }
                    else if (error != null)
                    {
                        unread++;
                        unreadReason = error.Message;
                    }
                    continue; // not seen this poll: read again next time
                }

                var verdict = _rule(entry, current);
                if (verdict.Kind == WaitVerdictKind.Continue) continue;
                _pending.Remove(entry.Id);
                if (verdict.Kind == WaitVerdictKind.Reached && entry.AcceptedUtc.HasValue)
                {
                    var took = DateTime.UtcNow - entry.AcceptedUtc.Value;
                    if (ChangeTakesAtMost is null || took < ChangeTakesAtMost) ChangeTakesAtMost = took;
                }
                finished.Add(verdict.Kind == WaitVerdictKind.Reached
                    ? new WaitResult<T>(entry.Id, current ?? entry.Last, WaitOutcome.Reached, lastSeenUtc: entry.LastSeenUtc)
                    : new WaitResult<T>(entry.Id, current ?? entry.Last, WaitOutcome.Failed, verdict.Message, verdict.ErrorId, lastSeenUtc: entry.LastSeenUtc));
            }
            // A poll none of whose tasks could be read went unanswered, as one whose request failed.
            if (unread > 0 && unread == _pending.Count) LastPollFailure = unreadReason;
            return finished;
        }

        /// <summary>Ends the wait of every pending task as timed out.</summary>
        public IReadOnlyList<WaitResult<T>> TimeOutPending()
        {
            var results = _pending.Values.Select(e => new WaitResult<T>(e.Id, e.Last, WaitOutcome.TimedOut, lastSeenUtc: e.LastSeenUtc)).ToList();
            _pending.Clear();
            return results;
        }

        /// <summary>Stops waiting for one task (its action failed).</summary>
        public void Forget(string id) => _pending.Remove(id);

        /// <summary>
        /// A failure that says nothing final about the tasks (no answer, an unreadable one, a 5xx, throttling), as
        /// <see cref="Http.RetryDecision"/> judges it: the tasks are polled again, never failed for it.
        /// </summary>
        internal static bool IsTransient(HuaweiCloudApiException ex) => Http.RetryDecision.IsPassing(Http.RetryDecision.Classify(ex));
    }
}
