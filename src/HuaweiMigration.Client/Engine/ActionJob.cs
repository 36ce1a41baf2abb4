using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>
    /// What every action command does, whatever the service and the action: ask (ShouldProcess), send the action
    /// for each task several at a time with back-pressure, then either write each task as it is now (read in one
    /// go) or wait for all of them together by the action's rule.
    /// </summary>
    public sealed class ActionJob<TTask> : ITaskJob<TTask> where TTask : class
    {
        private readonly IEngineHost _host;
        private readonly TaskService<TTask> _service;
        private readonly TaskAction<TTask> _action;
        private readonly ActionRun<TTask> _run;
        private readonly WaitPlan? _wait;
        private readonly Dictionary<string, TTask?> _given = new Dictionary<string, TTask?>(StringComparer.Ordinal);
        private readonly Dictionary<string, TTask?> _accepted = new Dictionary<string, TTask?>(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTime> _acceptedAt = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();

        // Tasks whose action's answer was lost (the wait tells what happened; a time-out says the answer was lost).
        private readonly HashSet<string> _answerLost = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="host">Where everything is written.</param>
        /// <param name="service">The tasks' service.</param>
        /// <param name="action">The action.</param>
        /// <param name="options">The body's options (SMS).</param>
        /// <param name="throttle">Requests in flight at once, at most.</param>
        /// <param name="wait">How to wait by the action's rule; null to write the tasks as they are after it.</param>
        public ActionJob(IEngineHost host, TaskService<TTask> service, TaskAction<TTask> action, SmsActionOptions? options, int throttle, WaitPlan? wait)
        {
            _host = host;
            _service = service;
            _action = action;
            _wait = wait;
            _run = new ActionRun<TTask>(service, action, options, throttle, host.Cancellation);
        }

        public void Add(string id, TTask? task)
        {
            if (!_host.ShouldProcess(_service.Describe(id, task), _action.Words.Verb)) return;
            _given[id] = task;
            _order.Add(id);
            _run.Add(id);
            // Back-pressure: the input is not read much faster than actions are answered, so a listing whose tasks
            // the actions change finds what is left at its start (and memory stays flat).
            while (_run.Backlogged) _host.Await(_run.WhenAnyAsync());
            TakeAnswers();
        }

        public void End()
        {
            _host.Await(_run.CompleteAsync());
            TakeAnswers();
            var done = _order.Where(_accepted.ContainsKey).ToList();
            if (done.Count == 0) return;
            if (_wait != null) WaitFor(done);
            else WriteAsTheyAre(done);
        }

        private void TakeAnswers()
        {
            foreach (var (id, answer, at) in _run.TakeAnswers())
            {
                if (answer.Error is null)
                {
                    _accepted[id] = answer.Task;
                    _acceptedAt[id] = at;
                    _host.Log.Verbose(_service.Describe(id, _given[id]) + ": " + _action.Words.Named + " accepted.");
                    continue;
                }
                if (_wait != null && answer.Error is HuaweiCloudApiException { OutcomeUnknown: true })
                {
                    // The answer was lost and the task could not tell: the wait will show what happened.
                    _answerLost.Add(id);
                    _accepted[id] = null;
                    _host.Log.Verbose(answer.Error.Message + " Waiting will tell.");
                    continue;
                }
                var (refusal, known) = Refusal(id, answer.Error);
                _host.WriteError(TaskErrors.Of(_service, id, known, answer.Error, _service.ErrorPrefix + "ActionFailed", refusal));
            }
        }

        /// <summary>
        /// Why the service refused the action, from the task's state read now (or as piped in), null when the action
        /// does not explain; and the task as best known (read now, or as piped in).
        /// </summary>
        private (string? Refusal, TTask? Task) Refusal(string id, Exception error)
        {
            if (_action.ExplainRefusal is null || !(error is HuaweiCloudApiException { Kind: ApiErrorKind.InvalidOperation })) return (null, _given[id]);
            RefreshResult<TTask>? read = null;
            try
            {
                read = _host.Await(_service.CreateRefresher(1, 1).RefreshAsync(new[] { id }, _host.Cancellation));
            }
            catch (HuaweiCloudApiException)
            {
            }
            var task = read != null && read.Found.TryGetValue(id, out var now) ? now : _given[id];
            return (_action.ExplainRefusal(id, task), task);
        }

        private void WaitFor(List<string> ids)
        {
            var plan = _wait!;
            var rule = _action.WaitRule(plan.Grace);
            var waiter = new TaskWaiter<TTask>(_service.CreateRefresher(_run.Throttle, 2, _action), rule, _action.WaitState ?? _service.StateOf);
            foreach (var id in ids) waiter.Add(id, _accepted[id] ?? _given[id], _acceptedAt.TryGetValue(id, out var at) ? at : (DateTime?)null);
            var wait = new TaskWait<TTask>(_host, _service, waiter, plan, WaitWords.Of(_action.Words));
            wait.Run(r => wait.Write(r, hint: NotReachedHint.For(r, t => _action.TookEffect(t), _action.Words.Named, _answerLost.Contains(r.Id))), pollFirst: false);
        }

        /// <summary>Without -Wait: each task as the answer returned it, or as read right after, in one go.</summary>
        private void WriteAsTheyAre(List<string> ids)
        {
            var unread = ids.Where(id => _accepted[id] is null).ToList();
            var read = unread.Count == 0 ? new RefreshResult<TTask>() : TaskErrors.ReadAll(_host, _service, unread, _run.Throttle);
            foreach (var id in ids)
            {
                if (_accepted[id] is { } task || read.Found.TryGetValue(id, out task))
                {
                    _host.WriteObject(task);
                    continue;
                }
                if (read.Errors.TryGetValue(id, out var error)) _host.WriteError(TaskErrors.Of(_service, id, _given[id], error, _service.ErrorPrefix + "ActionFailed"));
                else if (_service.UnreadAfterActionIsError) _host.WriteError(TaskErrors.Of(_service, id, _given[id], _service.Missing(id, _given[id]), _service.ErrorPrefix + "ActionFailed"));
                else _host.Log.Verbose(_service.Describe(id, _given[id]) + ": " + _action.Words.Named + " was accepted, but the task could not be read back.");
            }
        }
    }
}
