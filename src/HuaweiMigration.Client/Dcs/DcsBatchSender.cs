using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>The outcome of one DCS task in a batch action (stop, restart).</summary>
    public sealed class DcsStopOutcome
    {
        internal DcsStopOutcome(string id, bool stopped, DcsMigrationTask? task, HuaweiCloudApiException? error)
        {
            Id = id;
            Stopped = stopped;
            Task = task;
            Error = error;
        }

        public string Id { get; }

        /// <summary>True when the action took effect for the task.</summary>
        public bool Stopped { get; }

        /// <summary>The task the single-task API returned; null after a batch, which returns no tasks.</summary>
        public DcsMigrationTask? Task { get; }

        public HuaweiCloudApiException? Error { get; }
    }

    /// <summary>
    /// Sends one DCS action to many tasks with as few requests as it can: ids are gathered into batches of 50
    /// (⌈N/50⌉ requests), sent several at a time; outcomes come back one per task, for the caller to write on its
    /// own thread. <see cref="Stopper"/> sends a lone id left at the end through the single stop, which also returns
    /// the task; <see cref="Restarter"/> has only the batch API.
    /// </summary>
    public sealed class DcsBatchSender
    {
        private readonly Func<List<string>, CancellationToken, Task<IEnumerable<DcsStopOutcome>>> _send;
        private readonly BoundedRunner<List<string>> _runner;
        private readonly List<string> _batch = new List<string>();
        private readonly ConcurrentQueue<DcsStopOutcome> _outcomes = new ConcurrentQueue<DcsStopOutcome>();

        private DcsBatchSender(Func<List<string>, CancellationToken, Task<IEnumerable<DcsStopOutcome>>> send, int concurrency, CancellationToken cancellationToken)
        {
            _send = send;
            _runner = new BoundedRunner<List<string>>(concurrency, cancellationToken);
        }

        /// <summary>Stops: batch stop, or the single stop for a batch of one.</summary>
        public static DcsBatchSender Stopper(DcsClient dcs, int concurrency, CancellationToken cancellationToken) =>
            new DcsBatchSender(async (ids, ct) =>
            {
                if (ids.Count == 1)
                {
                    var task = await dcs.StopAsync(ids[0], ct).ConfigureAwait(false);
                    return new[] { new DcsStopOutcome(ids[0], true, task, null) };
                }
                return Rows(await dcs.BatchStopAsync(ids, ct).ConfigureAwait(false));
            }, concurrency, cancellationToken);

        /// <summary>Restarts (batch restart; online migration tasks only).</summary>
        public static DcsBatchSender Restarter(DcsClient dcs, int concurrency, CancellationToken cancellationToken) =>
            new DcsBatchSender(async (ids, ct) => Rows(await dcs.BatchRestartAsync(ids, ct).ConfigureAwait(false)), concurrency, cancellationToken);

        private static IEnumerable<DcsStopOutcome> Rows(IEnumerable<DcsBatchStopResult> rows) =>
            rows.Select(r => r.Succeeded ? new DcsStopOutcome(r.Id, true, null, null) : new DcsStopOutcome(r.Id, false, null, r.ToException())).ToList();

        /// <summary>Queues a task; a full batch goes out at once.</summary>
        public void Add(string id)
        {
            InputValidation.DcsTaskId(id);
            _batch.Add(id);
            if (_batch.Count == DcsClient.MaxBatch) Flush();
        }

        /// <summary>Sends what is queued.</summary>
        public void Flush()
        {
            if (_batch.Count == 0) return;
            var ids = _batch.ToList();
            _batch.Clear();
            _runner.Submit(ids, SendAsync);
        }

        /// <summary>The outcomes known so far, one per task.</summary>
        public IEnumerable<DcsStopOutcome> TakeCompleted()
        {
            foreach (var _ in _runner.TakeCompleted()) { }
            while (_outcomes.TryDequeue(out var outcome)) yield return outcome;
        }

        /// <summary>Sends what is queued and completes when every batch has been answered.</summary>
        public Task CompleteAsync()
        {
            Flush();
            return _runner.WhenAllAsync();
        }

        private async Task SendAsync(List<string> ids, CancellationToken cancellationToken)
        {
            try
            {
                foreach (var outcome in await _send(ids, cancellationToken).ConfigureAwait(false)) _outcomes.Enqueue(outcome);
            }
            catch (HuaweiCloudApiException ex)
            {
                foreach (var id in ids) _outcomes.Enqueue(new DcsStopOutcome(id, false, null, ex));
            }
        }
    }
}
