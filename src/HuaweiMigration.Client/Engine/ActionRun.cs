using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Client.Sms;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>
    /// Sends one action to many tasks with as few requests as the action allows: ids are gathered into batches of
    /// the action's size (one id for SMS actions, 50 for batch calls), sent at most <c>throttle</c> requests at a
    /// time; answers come back one per task, for the caller to write on its own thread.
    /// </summary>
    internal sealed class ActionRun<TTask> where TTask : class
    {
        private readonly TaskService<TTask> _service;
        private readonly TaskAction<TTask> _action;
        private readonly SmsActionOptions? _options;
        private readonly BoundedRunner<List<string>> _runner;
        private readonly List<string> _batch = new List<string>();
        private readonly ConcurrentQueue<(string Id, ActionAnswer<TTask> Answer, DateTime AtUtc)> _answers = new ConcurrentQueue<(string, ActionAnswer<TTask>, DateTime)>();

        public ActionRun(TaskService<TTask> service, TaskAction<TTask> action, SmsActionOptions? options, int throttle, CancellationToken cancellationToken)
        {
            _service = service;
            _action = action;
            _options = options;
            Throttle = throttle;
            _runner = new BoundedRunner<List<string>>(throttle, cancellationToken);
        }

        /// <summary>Requests in flight at once, at most.</summary>
        public int Throttle { get; }

        /// <summary>True when enough requests wait that the caller should not read more input before some are answered.</summary>
        public bool Backlogged => _runner.Pending > 2 * Throttle;

        /// <summary>Queues a task; a full batch goes out at once.</summary>
        public void Add(string id)
        {
            _batch.Add(id);
            if (_batch.Count >= _action.BatchSize) Flush();
        }

        /// <summary>Completes when a request in flight has been answered.</summary>
        public Task WhenAnyAsync() => _runner.WhenAnyAsync();

        /// <summary>Sends what is queued and completes when every request has been answered.</summary>
        public Task CompleteAsync()
        {
            Flush();
            return _runner.WhenAllAsync();
        }

        /// <summary>The answers so far, one per task, in the order they came, with when each came (UTC).</summary>
        public IEnumerable<(string Id, ActionAnswer<TTask> Answer, DateTime AtUtc)> TakeAnswers()
        {
            // A request that failed in a way SendAsync does not catch still answers for each of its tasks: no task
            // is ever dropped without a word (nor taken for done).
            foreach (var (ids, error) in _runner.TakeCompleted())
            {
                if (error is null) continue;
                foreach (var id in ids) _answers.Enqueue((id, ActionAnswer<TTask>.Failed(error), DateTime.UtcNow));
            }
            while (_answers.TryDequeue(out var answer)) yield return answer;
        }

        private void Flush()
        {
            if (_batch.Count == 0) return;
            var ids = _batch.ToList();
            _batch.Clear();
            _runner.Submit(ids, SendAsync);
        }

        private async Task SendAsync(List<string> ids, CancellationToken cancellationToken)
        {
            IReadOnlyDictionary<string, ActionAnswer<TTask>> answers;
            try
            {
                answers = await _service.SendAsync(_action, ids, _options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HuaweiCloudApiException || ex is ArgumentException)
            {
                foreach (var id in ids) _answers.Enqueue((id, ActionAnswer<TTask>.Failed(ex), DateTime.UtcNow));
                return;
            }
            var at = DateTime.UtcNow;
            foreach (var id in ids)
            {
                _answers.Enqueue((id, answers.TryGetValue(id, out var answer)
                    ? answer
                    : ActionAnswer<TTask>.Failed(new HuaweiCloudApiException("The " + _service.Service + " answer to " + _action.Words.Named + " did not mention task " + id + ".", ApiErrorKind.InvalidResponse, service: _service.Service)), at));
            }
        }
    }
}
