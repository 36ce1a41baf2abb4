using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HuaweiMigration.Client.Concurrency
{
    /// <summary>
    /// Runs work items concurrently, at most <c>limit</c> at a time, and queues their outcomes so that the caller —
    /// the PowerShell pipeline thread — can pick them up and write them itself.
    /// </summary>
    internal sealed class BoundedRunner<TItem>
    {
        private readonly SemaphoreSlim _slots;
        private readonly ConcurrentQueue<(TItem Item, Exception? Error)> _done = new ConcurrentQueue<(TItem, Exception?)>();
        private readonly List<Task> _running = new List<Task>();
        private readonly CancellationToken _cancellationToken;

        public BoundedRunner(int limit, CancellationToken cancellationToken)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be at least 1.");
            _slots = new SemaphoreSlim(limit, limit);
            _cancellationToken = cancellationToken;
        }

        private int _pending;

        /// <summary>Items submitted and not finished yet.</summary>
        public int Pending => Volatile.Read(ref _pending);

        /// <summary>Starts the work for an item as soon as a slot is free. Never blocks the caller.</summary>
        public void Submit(TItem item, Func<TItem, CancellationToken, Task> work)
        {
            Interlocked.Increment(ref _pending);
            _running.RemoveAll(t => t.IsCompleted && !t.IsFaulted && !t.IsCanceled);
            _running.Add(RunAsync(item, work));
        }

        /// <summary>Completes when at least one pending item has finished (at once when none is pending).</summary>
        public Task WhenAnyAsync()
        {
            var open = _running.FindAll(t => !t.IsCompleted);
            return open.Count == 0 ? Task.CompletedTask : Task.WhenAny(open);
        }

        private async Task RunAsync(TItem item, Func<TItem, CancellationToken, Task> work)
        {
            try
            {
                await _slots.WaitAsync(_cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped before it started: no longer pending either.
                Interlocked.Decrement(ref _pending);
                throw;
            }
            try
            {
                // A slot freed by the stop may still be handed on: work that had not started does not start.
                _cancellationToken.ThrowIfCancellationRequested();
                await work(item, _cancellationToken).ConfigureAwait(false);
                _done.Enqueue((item, null));
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                _done.Enqueue((item, ex));
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
                _slots.Release();
            }
        }

        /// <summary>Outcomes finished so far (null error for success), in the order they finished.</summary>
        public IEnumerable<(TItem Item, Exception? Error)> TakeCompleted()
        {
            while (_done.TryDequeue(out var entry)) yield return entry;
        }

        /// <summary>Completes when every submitted item has finished (or the token is cancelled).</summary>
        public Task WhenAllAsync() => Task.WhenAll(_running.ToArray());
    }
}
