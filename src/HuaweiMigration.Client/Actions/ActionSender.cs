using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Actions
{
    /// <summary>
    /// Sends an action (to one task, or to a batch of them) so that it is never sent twice once it took effect, and
    /// never reported wrongly. When an answer leaves the outcome open (no answer, a reset, a cut or unreadable body,
    /// a 5xx), <see cref="RetryDecision"/> says "read first": the tasks are read; those that show the action took
    /// effect are done, the others are sent again (at most <see cref="RetryPolicy.MaxResends"/> times). When the tasks
    /// cannot be read either, the outcome is reported as unknown (<see cref="HuaweiCloudApiException.OutcomeUnknown"/>),
    /// never as the network error alone.
    /// </summary>
    internal sealed class ActionSender<TObject, TResult> where TObject : class
    {
        private readonly string _service;
        private readonly string _what;
        private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, TResult>>> _send;
        private readonly Func<IReadOnlyList<string>, CancellationToken, Task<RefreshResult<TObject>>> _read;
        private readonly Func<TObject?, bool?> _tookEffect;
        private readonly Func<string, TObject?, TResult> _resultOfRead;
        private readonly Func<TObject, string?> _stateOf;
        private readonly RetryPolicy _policy;
        private readonly IApiLog _log;

        /// <param name="service">SMS or DCS, for messages.</param>
        /// <param name="what">The action, for messages ("'stop'", "the deletion", "the batch stop").</param>
        /// <param name="send">Sends the action for these ids and returns what the answer says of each.</param>
        /// <param name="read">Reads these tasks (found, gone, or failed to read).</param>
        /// <param name="tookEffect">Whether a task as read (null: gone) shows the action happened; null when that cannot be told (the outcome is then unknown, and the action is never sent again).</param>
        /// <param name="resultOfRead">The result to report for a task whose read showed the action happened.</param>
        /// <param name="stateOf">A task's state, for messages.</param>
        /// <param name="policy">How often a surely-unapplied action is sent again, and the delay before.</param>
        /// <param name="log">Where each step is reported.</param>
        public ActionSender(
            string service,
            string what,
            Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, TResult>>> send,
            Func<IReadOnlyList<string>, CancellationToken, Task<RefreshResult<TObject>>> read,
            Func<TObject?, bool?> tookEffect,
            Func<string, TObject?, TResult> resultOfRead,
            Func<TObject, string?> stateOf,
            RetryPolicy policy,
            IApiLog log)
        {
            _service = service;
            _what = what;
            _send = send;
            _read = read;
            _tookEffect = tookEffect;
            _resultOfRead = resultOfRead;
            _stateOf = stateOf;
            _policy = policy;
            _log = log;
        }

        /// <summary>
        /// One outcome per id: the answer's result, the result of a read that showed the action happened, or the
        /// failure (definitive, surely not applied after the last re-send, or an unknown outcome).
        /// </summary>
        public async Task<IReadOnlyDictionary<string, ActionOutcome<TResult>>> SendAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            var outcomes = new Dictionary<string, ActionOutcome<TResult>>(StringComparer.Ordinal);
            var pending = ids.ToList();
            for (var resend = 0; pending.Count > 0; resend++)
            {
                HuaweiCloudApiException open;
                try
                {
                    foreach (var kv in await _send(pending, cancellationToken).ConfigureAwait(false)) outcomes[kv.Key] = ActionOutcome<TResult>.Of(kv.Value);
                    break;
                }
                catch (HuaweiCloudApiException ex) when (ex.MaybeApplied)
                {
                    open = ex;
                }
                catch (HuaweiCloudApiException ex)
                {
                    foreach (var id in pending) outcomes[id] = ActionOutcome<TResult>.Failed(ex);
                    break;
                }

                var verdict = RetryDecision.Decide(new RetryInput(RetryDecision.Classify(open), idempotent: false, resend, TimeSpan.Zero, budgetLeft: true, open.RetryAfter, RetryPolicy.NextJitter()), _policy);
                _log.Verbose(_service + ": no clear answer to " + _what + " for " + Name(pending) + " (" + open.Message + "); reading " + (pending.Count == 1 ? "it" : "them") + " to see whether it took effect.");
                RefreshResult<TObject> read;
                try
                {
                    read = await _read(pending, cancellationToken).ConfigureAwait(false);
                }
                catch (HuaweiCloudApiException readFailure)
                {
                    foreach (var id in pending) outcomes[id] = ActionOutcome<TResult>.Failed(Unknown(open, readFailure, pending));
                    break;
                }

                var again = new List<string>();
                foreach (var id in pending)
                {
                    if (read.Errors.TryGetValue(id, out var error))
                    {
                        outcomes[id] = ActionOutcome<TResult>.Failed(Unknown(open, error as HuaweiCloudApiException, new[] { id }));
                        continue;
                    }
                    var task = read.Found.TryGetValue(id, out var found) ? found : null;
                    var effect = _tookEffect(task);
                    if (effect is null)
                    {
                        outcomes[id] = ActionOutcome<TResult>.Failed(Unknown(open, null, new[] { id }, "the task does not show whether it did"));
                        continue;
                    }
                    if (effect.Value)
                    {
                        _log.Verbose(_service + ": " + _what + " for task " + id + " did take effect" + (task is null ? " (the task is gone)." : " (" + _stateOf(task) + ")."));
                        outcomes[id] = ActionOutcome<TResult>.Of(_resultOfRead(id, task));
                    }
                    else
                    {
                        again.Add(id);
                    }
                }
                if (again.Count == 0) break;
                if (resend >= _policy.MaxResends || verdict.Action == RetryAction.GiveUp || verdict.Reason != null)
                {
                    // Surely not applied, and no more re-sends: the failure (with why it was not sent again) is the true outcome for these.
                    var failure = verdict.Reason is null ? open : ApiTransport.Final(open, verdict.Reason);
                    foreach (var id in again) outcomes[id] = ActionOutcome<TResult>.Failed(failure);
                    break;
                }
                _log.Verbose(_service + ": " + _what + " did not take effect for " + Name(again) + "; sending it again.");
                if (verdict.Delay > TimeSpan.Zero) await Task.Delay(verdict.Delay, cancellationToken).ConfigureAwait(false);
                pending = again;
            }
            return outcomes;
        }

        /// <summary>The action for one id: its result, or its failure thrown.</summary>
        public async Task<TResult> SendOneAsync(string id, CancellationToken cancellationToken)
        {
            var outcomes = await SendAsync(new[] { id }, cancellationToken).ConfigureAwait(false);
            if (!outcomes.TryGetValue(id, out var outcome))
            {
                throw new HuaweiCloudApiException("The " + _service + " answer to " + _what + " did not mention task " + id + ".", ApiErrorKind.InvalidResponse, service: _service);
            }
            if (outcome.Error != null) throw outcome.Error;
            return outcome.Result!;
        }

        private HuaweiCloudApiException Unknown(HuaweiCloudApiException open, HuaweiCloudApiException? readFailure, IReadOnlyList<string> ids, string? why = null) =>
            new HuaweiCloudApiException(
                "Could not tell whether " + _what + " of " + Name(ids) + " took effect: the answer was lost (" + open.Message + ") and "
                    + (why ?? ((ids.Count == 1 ? "the task" : "the tasks") + " could not be read afterwards" + (readFailure is null ? string.Empty : " (" + readFailure.Message + ")")))
                    + ". It was not sent again; look at the task before retrying.",
                open.Kind, open.StatusCode, open.ErrorCode, open.ErrorMessage, open.RequestId ?? readFailure?.RequestId, open.Service, open)
            {
                OutcomeUnknown = true,
            };

        private static string Name(IReadOnlyCollection<string> ids) => ids.Count == 1 ? "task " + ids.First() : ids.Count + " tasks";
    }

    /// <summary>How an action ended for one task: a result, or a failure.</summary>
    internal readonly struct ActionOutcome<TResult>
    {
        private ActionOutcome(TResult? result, HuaweiCloudApiException? error)
        {
            Result = result;
            Error = error;
        }

        public TResult? Result { get; }
        public HuaweiCloudApiException? Error { get; }

        public static ActionOutcome<TResult> Of(TResult result) => new ActionOutcome<TResult>(result, null);
        public static ActionOutcome<TResult> Failed(HuaweiCloudApiException error) => new ActionOutcome<TResult>(default, error);
    }
}
