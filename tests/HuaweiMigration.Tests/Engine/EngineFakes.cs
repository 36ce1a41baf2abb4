using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>What happened, in order, across the host and the fake service (any thread).</summary>
    internal sealed class Journal
    {
        private readonly ConcurrentQueue<string> _events = new ConcurrentQueue<string>();

        public void Add(string entry) => _events.Enqueue(entry);

        public IReadOnlyList<string> Events => _events.ToArray();

        public int IndexOf(Func<string, bool> match)
        {
            var events = Events;
            for (var i = 0; i < events.Count; i++)
            {
                if (match(events[i])) return i;
            }
            return -1;
        }

        public override string ToString() => string.Join(Environment.NewLine, Events);
    }

    /// <summary>
    /// The engine's host in a test: records everything it is told, answers ShouldProcess as configured, and blocks on
    /// the tasks it awaits. The test owns the cancellation.
    /// </summary>
    internal sealed class RecordingHost : IEngineHost, IApiLog
    {
        private readonly object _gate = new object();
        private readonly List<object> _output = new List<object>();
        private readonly List<TaskError> _errors = new List<TaskError>();
        private readonly List<WaitProgress> _progress = new List<WaitProgress>();
        private readonly List<(string Target, string Action, bool Force)> _shouldProcess = new List<(string, string, bool)>();
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _debug = new ConcurrentQueue<string>();

        public Journal Journal { get; } = new Journal();

        public CancellationTokenSource Stop { get; } = new CancellationTokenSource();

        public CancellationToken Cancellation => Stop.Token;

        public IApiLog Log => this;

        /// <summary>-WhatIf: nothing may be sent.</summary>
        public bool WhatIf { get; set; }

        /// <summary>What ShouldProcess answers (-WhatIf, or a "no" at -Confirm: false).</summary>
        public bool ShouldProcessAnswer { get; set; } = true;

        public IReadOnlyList<object> Output { get { lock (_gate) return _output.ToList(); } }
        public IReadOnlyList<TaskError> Errors { get { lock (_gate) return _errors.ToList(); } }
        public IReadOnlyList<WaitProgress> Progress { get { lock (_gate) return _progress.ToList(); } }
        public IReadOnlyList<(string Target, string Action, bool Force)> ShouldProcessCalls { get { lock (_gate) return _shouldProcess.ToList(); } }
        public IReadOnlyList<string> Warnings => _warnings.ToArray();
        public IReadOnlyList<string> VerboseLines => _verbose.ToArray();

        public IReadOnlyList<T> OutputOf<T>() => Output.OfType<T>().ToList();

        public bool VerboseEnabled => true;
        public bool DebugEnabled => true;

        public void Verbose(string message) => _verbose.Enqueue(message);

        public void Debug(string message) => _debug.Enqueue(message);

        public void Warning(string message)
        {
            _warnings.Enqueue(message);
            Journal.Add("warning: " + message);
        }

        public bool ShouldProcess(string target, string action, bool force = false)
        {
            lock (_gate) _shouldProcess.Add((target, action, force));
            return ShouldProcessAnswer;
        }

        public void WriteObject(object item)
        {
            lock (_gate) _output.Add(item);
            Journal.Add("output: " + item);
        }

        public void WriteError(TaskError error)
        {
            lock (_gate) _errors.Add(error);
            Journal.Add("error: " + error);
        }

        public void WriteProgress(WaitProgress progress)
        {
            lock (_gate) _progress.Add(progress);
            Journal.Add("progress: " + progress);
        }

        public T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();

        /// <summary>The error about <paramref name="id"/>; fails unless there is exactly one.</summary>
        public TaskError ErrorFor(string id) => Assert.Single(Errors, e => e.Target == id);

        /// <summary>The text a user reads for an error.</summary>
        public static string Text(TaskError error) => error.Message ?? error.Exception.Message;
    }

    /// <summary>
    /// One service's tasks in memory, scripted by the test: each task's states, one per read (the last one stays; null
    /// is gone); reads that fail as a whole; each id's answer to an action; and what was asked of it.
    /// </summary>
    internal sealed class FakeService<T> : TaskService<T> where T : class
    {
        private readonly object _gate = new object();
        private readonly Func<T, string> _idOf;
        private readonly Func<T, string?> _stateOf;
        private readonly Func<string, string, T> _make;
        private readonly Dictionary<string, Queue<string?>> _scripts = new Dictionary<string, Queue<string?>>(StringComparer.Ordinal);
        private readonly List<string[]> _refreshes = new List<string[]>();
        private readonly List<(string Action, string[] Ids)> _sends = new List<(string, string[])>();
        private int _inFlight;
        private int _maxInFlight;

        public FakeService(string service, string errorPrefix, Func<T, string> idOf, Func<T, string?> stateOf, Func<string, string, T> make, Journal journal)
        {
            Service = service;
            ErrorPrefix = errorPrefix;
            _idOf = idOf;
            _stateOf = stateOf;
            _make = make;
            Journal = journal;
        }

        public Journal Journal { get; }

        public override string Service { get; }

        public override string ErrorPrefix { get; }

        /// <summary>Whether the refresh call with this number (1-based) fails as a whole, and how.</summary>
        public Func<int, Exception?>? RefreshFailure { get; set; }

        /// <summary>Per-id read failures (the id is not found, not gone: the read of it failed).</summary>
        public ConcurrentDictionary<string, Exception> ReadErrors { get; } = new ConcurrentDictionary<string, Exception>(StringComparer.Ordinal);

        /// <summary>What an id answers to an action (null: the answer does not mention it); accepted by default.</summary>
        public Func<string, string, ActionAnswer<T>?>? Answer { get; set; }

        /// <summary>What a whole request throws instead of answering (null: it answers).</summary>
        public Func<string, IReadOnlyList<string>, Exception?>? SendFailure { get; set; }

        /// <summary>Runs inside each request before it answers (a delay, a gate).</summary>
        public Func<string, IReadOnlyList<string>, CancellationToken, Task>? BeforeAnswer { get; set; }

        /// <summary>What an accepted action does to the task (re-script it).</summary>
        public Action<string, string>? OnAccepted { get; set; }

        public int RefreshCount { get { lock (_gate) return _refreshes.Count; } }
        public IReadOnlyList<string[]> Refreshes { get { lock (_gate) return _refreshes.ToList(); } }
        public IReadOnlyList<(string Action, string[] Ids)> Sends { get { lock (_gate) return _sends.ToList(); } }
        public IReadOnlyList<(string Action, string[] Ids)> SendsOf(string action) => Sends.Where(s => s.Action == action).ToList();
        public int InFlight => Volatile.Read(ref _inFlight);
        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        /// <summary>Released once per refresh call, after it is recorded.</summary>
        public SemaphoreSlim Refreshed { get; } = new SemaphoreSlim(0);

        /// <summary>Released once per request, when it starts.</summary>
        public SemaphoreSlim SendStarted { get; } = new SemaphoreSlim(0);

        /// <summary>The states a task shows, one per read; the last one stays. Null: the task is gone.</summary>
        public FakeService<T> Script(string id, params string?[] states)
        {
            if (states.Length == 0) throw new ArgumentException("At least one state.", nameof(states));
            lock (_gate) _scripts[id] = new Queue<string?>(states);
            return this;
        }

        /// <summary>The task as it is now, without a read being counted.</summary>
        public T? Peek(string id)
        {
            lock (_gate)
            {
                return _scripts.TryGetValue(id, out var q) && q.Peek() is string state ? _make(id, state) : null;
            }
        }

        public T Make(string id, string state) => _make(id, state);

        public override string IdOf(T task) => _idOf(task);

        public override string? StateOf(T task) => _stateOf(task);

        public override string Noun => Service + " task";

        public override string? NameOf(T task) => null;

        // The state the task object carried, so a test can tell which object a message was made from.
        public override string Describe(string id, T? task) => Service + " task " + id + (task is null ? string.Empty : " [" + _stateOf(task) + "]");

        public override string NotFound(string id, HuaweiCloudApiException error) => "No " + Service + " task has the id '" + id + "'. " + error.Message;

        public override ITaskRefresher<T> CreateRefresher(int throttle, int missesBeforeConfirm, TaskAction<T>? action = null) => new Refresher(this);

        public override async Task<IReadOnlyDictionary<string, ActionAnswer<T>>> SendAsync(TaskAction<T> action, IReadOnlyList<string> ids, SmsActionOptions? options, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int max;
            while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max) { }
            lock (_gate) _sends.Add((action.Name, ids.ToArray()));
            Journal.Add("send " + action.Name + " [" + string.Join(",", ids) + "]");
            SendStarted.Release();
            try
            {
                // A request is never answered on the caller's thread.
                await Task.Yield();
                if (BeforeAnswer != null) await BeforeAnswer(action.Name, ids, cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (SendFailure?.Invoke(action.Name, ids) is Exception failure) throw failure;
                var answers = new Dictionary<string, ActionAnswer<T>>(StringComparer.Ordinal);
                foreach (var id in ids)
                {
                    var answer = Answer is null ? ActionAnswer<T>.Done() : Answer(action.Name, id);
                    if (answer is null) continue;
                    answers[id] = answer.Value;
                    if (answer.Value.Error is null) OnAccepted?.Invoke(action.Name, id);
                }
                return answers;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private RefreshResult<T> Read(IReadOnlyCollection<string> ids)
        {
            int number;
            var result = new RefreshResult<T>();
            Exception? failure;
            lock (_gate)
            {
                _refreshes.Add(ids.ToArray());
                number = _refreshes.Count;
                failure = RefreshFailure?.Invoke(number);
                if (failure is null)
                {
                    foreach (var id in ids)
                    {
                        if (ReadErrors.TryGetValue(id, out var error))
                        {
                            result.Errors[id] = error;
                            continue;
                        }
                        if (!_scripts.TryGetValue(id, out var script))
                        {
                            result.Gone.Add(id);
                            continue;
                        }
                        var state = script.Count > 1 ? script.Dequeue() : script.Peek();
                        if (state is null) result.Gone.Add(id);
                        else result.Found[id] = _make(id, state);
                    }
                }
            }
            Journal.Add("refresh #" + number + " [" + string.Join(",", ids) + "]" + (failure is null ? string.Empty : " failed"));
            Refreshed.Release();
            if (failure != null) throw failure;
            return result;
        }

        private sealed class Refresher : ITaskRefresher<T>
        {
            private readonly FakeService<T> _service;

            public Refresher(FakeService<T> service) => _service = service;

            public async Task<RefreshResult<T>> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                return _service.Read(ids);
            }
        }
    }

    /// <summary>Fakes over the real task types, so the real rules and descriptors run.</summary>
    internal static class Fakes
    {
        public static FakeService<SmsTask> Sms(RecordingHost host) =>
            new FakeService<SmsTask>("SMS", "SmsTask", t => t.Id, t => t.RawState, SmsTaskOf, host.Journal);

        public static FakeService<DcsMigrationTask> Dcs(RecordingHost host) =>
            new FakeService<DcsMigrationTask>("DCS", "DcsTask", t => t.TaskId, t => t.RawStatus, DcsTaskOf, host.Journal);

        public static SmsTask SmsTaskOf(string id, string state) => new SmsTask { Id = id, Name = "name-" + id, RawState = state };

        public static DcsMigrationTask DcsTaskOf(string id, string status) => new DcsMigrationTask { TaskId = id, TaskName = "name-" + id, RawStatus = status };

        /// <summary>A quick wait: polls every 10 ms, for at most <paramref name="timeoutSeconds"/>.</summary>
        public static WaitPlan QuickPlan(int timeoutSeconds = 20) => new WaitPlan(timeoutSeconds, TimeSpan.FromMilliseconds(10));

        /// <summary>A failure a wait rides out (no answer).</summary>
        public static HuaweiCloudApiException NoAnswer(string message = "The connection was reset.") =>
            new HuaweiCloudApiException(message, ApiErrorKind.Connection, service: "SMS");

        /// <summary>An action whose answer was lost and whose task could not be read after.</summary>
        public static HuaweiCloudApiException AnswerLost() =>
            new HuaweiCloudApiException("The answer to the action was lost.", ApiErrorKind.Connection, service: "SMS") { OutcomeUnknown = true, MaybeApplied = true };

        /// <summary>Runs <paramref name="work"/> on its own thread; the test waits for it with a bound.</summary>
        public static Task OnThread(Action work)
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    work();
                    done.SetResult(true);
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            }) { IsBackground = true, Name = "engine under test" };
            thread.Start();
            return done.Task;
        }

        /// <summary>
        /// How <paramref name="task"/> ended: null for a success, else its exception (an OperationCanceledException when
        /// cancelled). Fails the test when it has not ended within <paramref name="bound"/>.
        /// </summary>
        public static Exception? Outcome(Task task, TimeSpan bound)
        {
            Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(bound), "did not end within " + bound);
            return task.IsCanceled ? new TaskCanceledException(task) : task.Exception?.InnerException;
        }

        /// <summary>Fails the test unless <paramref name="task"/> succeeds within <paramref name="bound"/>.</summary>
        public static void Completes(Task task, TimeSpan bound)
        {
            if (Outcome(task, bound) is Exception failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        /// <summary>Waits for <paramref name="condition"/> (checked every 10 ms); false after <paramref name="timeout"/>.</summary>
        public static bool Eventually(Func<bool> condition, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (!condition())
            {
                if (DateTime.UtcNow > until) return false;
                Thread.Sleep(10);
            }
            return true;
        }
    }
}
