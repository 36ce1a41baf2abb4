using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// What every SMS action cmdlet does, whatever its operation: ask (ShouldProcess), send the action for each task
    /// several at a time, then either write each task as it is now or wait for all of them together by the
    /// descriptor's rule. The cmdlet only names its <see cref="SmsTaskAction"/> and options.
    /// </summary>
    internal sealed class SmsActionEngine
    {
        private readonly TaskInputCmdlet<SmsTask> _cmdlet;
        private readonly SmsTaskAction _action;
        private readonly SmsActionOptions? _options;
        private readonly int _throttle;
        private readonly bool _wait;
        private readonly BoundedRunner<string> _runner;
        private readonly TaskWaiter<SmsTask> _waiter;

        // Tasks whose action's answer was lost (the wait tells what happened; a time-out says the answer was lost).
        private readonly HashSet<string> _answerLost = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="cmdlet">The cmdlet that runs it (its pipeline thread writes everything).</param>
        /// <param name="action">The operation.</param>
        /// <param name="options">The body's options.</param>
        /// <param name="throttle">How many requests may be in flight at once.</param>
        /// <param name="wait">True to wait by the descriptor's rule (it must have one).</param>
        /// <param name="grace">How long a failed state must last before a wait believes it.</param>
        public SmsActionEngine(TaskInputCmdlet<SmsTask> cmdlet, SmsTaskAction action, SmsActionOptions? options, int throttle, bool wait, TimeSpan grace)
        {
            _cmdlet = cmdlet;
            _action = action;
            _options = options;
            _throttle = throttle;
            _wait = wait && action.WaitRule != null;
            _runner = new BoundedRunner<string>(throttle, cmdlet.Cancellation);
            var rule = action.WaitRule?.Invoke(grace) ?? ((_, __) => WaitVerdict.Reached);
            _waiter = new TaskWaiter<SmsTask>(cmdlet.Sms.CreateRefresher(throttle), rule, t => t.RawState);
        }

        /// <summary>One pipeline input: each new task asked about, then its action sent.</summary>
        public void Process()
        {
            foreach (var (id, task) in _cmdlet.NewInputs())
            {
                if (!_cmdlet.ShouldProcess(SmsTaskOutput.Describe(id, task), _action.Verb)) continue;
                _waiter.Add(id, task);
                _runner.Submit(id, (taskId, ct) => _cmdlet.Sms.ActionAsync(taskId, _action, _options, ct));
                // Back-pressure: the input is not read much faster than actions are answered, so a listing whose
                // tasks the actions change finds what is left at its start (and memory stays flat).
                while (_runner.Pending > 2 * _throttle) _cmdlet.AwaitTask(_runner.WhenAnyAsync());
            }
            Drain();
        }

        /// <summary>The end of the input: every action answered, then the wait or the tasks as they are.</summary>
        public void End(Func<WaitTiming> startTiming)
        {
            _cmdlet.AwaitTask(_runner.WhenAllAsync());
            Drain();
            if (_wait)
            {
                var timing = startTiming();
                _cmdlet.RunWait(_waiter, timing, _action.Activity, _action.Settled, SmsTaskOutput.Slowest, r => _cmdlet.WriteWaitResult(r, true, timing, _action.Goal,
                    NotReachedHint.For(r, _action.TookEffect, "the '" + _action.Operation + "'", _answerLost.Contains(r.Id))));
                return;
            }
            WriteCurrentStates(_waiter.PendingEntries.Select(e => e.Id).ToList());
        }

        private void Drain()
        {
            _cmdlet.FlushLogNow();
            foreach (var (id, error) in _runner.TakeCompleted())
            {
                if (error is null)
                {
                    _cmdlet.WriteVerbose(SmsTaskOutput.Describe(id, null) + ": '" + _action.Operation + "' accepted.");
                    continue;
                }
                if (_wait && error is HuaweiCloudApiException { OutcomeUnknown: true })
                {
                    // The answer was lost and the task could not tell: the wait will show what happened.
                    _answerLost.Add(id);
                    _cmdlet.WriteVerbose(error.Message + " Waiting will tell.");
                    continue;
                }
                _waiter.Forget(id);
                _cmdlet.WriteFailure(id, error);
            }
        }

        /// <summary>Without -Wait: each task as it is right after the action, read in one batch.</summary>
        private void WriteCurrentStates(IReadOnlyCollection<string> ids)
        {
            if (ids.Count == 0) return;
            var states = _cmdlet.AwaitTask(_cmdlet.Sms.CreateRefresher(_throttle, missesBeforeConfirm: 1).RefreshAsync(ids, _cmdlet.Cancellation));
            _cmdlet.FlushLogNow();
            foreach (var id in ids)
            {
                if (states.Found.TryGetValue(id, out var task)) _cmdlet.WriteObject(task);
                else if (states.Errors.TryGetValue(id, out var error)) _cmdlet.WriteFailure(id, error);
                else _cmdlet.WriteFailure(id, new HuaweiCloudApiException("SMS task " + id + " no longer exists.", ApiErrorKind.NotFound, 404, service: "SMS"));
            }
        }
    }
}
