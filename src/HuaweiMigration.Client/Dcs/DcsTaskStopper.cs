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
    /// <summary>The outcome of stopping one DCS task.</summary>
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
        public bool Stopped { get; }

        /// <summary>The task the single-stop API returned; null after a batch stop, which returns no tasks.</summary>
        public DcsMigrationTask? Task { get; }

        public HuaweiCloudApiException? Error { get; }
    }

    /// <summary>
    /// Stops many DCS tasks with as few requests as it can: ids are gathered into batch stops of 50 (⌈N/50⌉
    /// requests), sent several at a time, and a lone id left at the end goes through the single stop, which also
    /// returns the task. Outcomes come back one per task, for the caller to write on its own thread.
    /// </summary>
    public sealed class DcsTaskStopper
    {
        private readonly DcsClient _dcs;
        private readonly BoundedRunner<List<string>> _runner;
        private readonly List<string> _batch = new List<string>();
        private readonly ConcurrentQueue<DcsStopOutcome> _outcomes = new ConcurrentQueue<DcsStopOutcome>();

        public DcsTaskStopper(DcsClient dcs, int concurrency, CancellationToken cancellationToken)
        {
            _dcs = dcs;
            _runner = new BoundedRunner<List<string>>(concurrency, cancellationToken);
        }

        /// <summary>Queues a task; a full batch goes out at once.</summary>
        public void Add(string id)
        {
            InputValidation.DcsTaskId(id);
            _batch.Add(id);
            if (_batch.Count == DcsClient.MaxBatchStop) Flush();
        }

        /// <summary>Sends what is queued.</summary>
        public void Flush()
        {
            if (_batch.Count == 0) return;
            var ids = _batch.ToList();
            _batch.Clear();
            _runner.Submit(ids, StopAsync);
        }

        /// <summary>The outcomes known so far, one per task.</summary>
        public IEnumerable<DcsStopOutcome> TakeCompleted()
        {
            foreach (var _ in _runner.TakeCompleted()) { }
            while (_outcomes.TryDequeue(out var outcome)) yield return outcome;
        }

        /// <summary>Sends what is queued and completes when every stop has been answered.</summary>
        public Task CompleteAsync()
        {
            Flush();
            return _runner.WhenAllAsync();
        }

        private async Task StopAsync(List<string> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 1)
            {
                try
                {
                    var task = await _dcs.StopAsync(ids[0], cancellationToken).ConfigureAwait(false);
                    _outcomes.Enqueue(new DcsStopOutcome(ids[0], true, task, null));
                }
                catch (HuaweiCloudApiException ex)
                {
                    _outcomes.Enqueue(new DcsStopOutcome(ids[0], false, null, ex));
                }
                return;
            }
            try
            {
                foreach (var result in await _dcs.BatchStopAsync(ids, cancellationToken).ConfigureAwait(false))
                {
                    _outcomes.Enqueue(result.Succeeded
                        ? new DcsStopOutcome(result.Id, true, null, null)
                        : new DcsStopOutcome(result.Id, false, null, result.ToException()));
                }
            }
            catch (HuaweiCloudApiException ex)
            {
                foreach (var id in ids) _outcomes.Enqueue(new DcsStopOutcome(id, false, null, ex));
            }
        }
    }
}
