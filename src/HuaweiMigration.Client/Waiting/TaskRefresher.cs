using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;

namespace HuaweiMigration.Client.Waiting
{
    /// <summary>
    /// Reads the states of many tasks at the lower of two costs: one GET per task, or the whole task list page by
    /// page. Waiting on 300 of an account's 450 SMS tasks costs three list calls a poll, not 300.
    /// </summary>
    internal sealed class TaskRefresher<T> : ITaskRefresher<T> where T : class
    {
        private readonly Func<string, CancellationToken, Task<T>> _getOne;
        private readonly Func<long, int, CancellationToken, Task<(long Count, IList<T> Items)>> _listPage;
        private readonly Func<T, string> _idOf;
        private readonly int _pageSize;
        private readonly int _missesBeforeConfirm;
        private readonly Dictionary<string, int> _misses = new Dictionary<string, int>(StringComparer.Ordinal);
        private long? _knownTotal;
        private readonly int _listConcurrency;
        private readonly IApiLog _log;

        /// <param name="getOne">Reads one task; a missing task throws <see cref="HuaweiCloudApiException"/> of kind NotFound.</param>
        /// <param name="listPage">Reads the unfiltered list: (offset, limit) → (total, records).</param>
        /// <param name="idOf">A task's id.</param>
        /// <param name="pageSize">The list's page size.</param>
        /// <param name="maxConcurrentGets">How many single-task GETs may be in flight at once.</param>
        /// <param name="missesBeforeConfirm">
        /// After how many listings without a task it is read on its own: 2 while polling (a listing that changes
        /// under it can miss a task), 1 for a one-off read that must account for every task.
        /// </param>
        /// <param name="listConcurrency">List pages in flight at once after the first.</param>
        /// <param name="log">Where a list that changes while it is read is reported.</param>
        public TaskRefresher(
            Func<string, CancellationToken, Task<T>> getOne,
            Func<long, int, CancellationToken, Task<(long Count, IList<T> Items)>> listPage,
            Func<T, string> idOf,
            int pageSize,
            int maxConcurrentGets = 8,
            int missesBeforeConfirm = 2,
            int listConcurrency = 8,
            IApiLog? log = null)
        {
            _listConcurrency = listConcurrency;
            _log = log ?? NullLog.Instance;
            _getOne = getOne;
            _listPage = listPage;
            _idOf = idOf;
            _pageSize = pageSize;
            MaxConcurrentGets = Math.Max(1, maxConcurrentGets);
            _missesBeforeConfirm = Math.Max(1, missesBeforeConfirm);
        }

        public int MaxConcurrentGets { get; }

        /// <summary>Reads every task with its own GET, never the listing: for a field only the single-task answer carries.</summary>
        public bool ReadEachOnly { get; set; }

        public async Task<RefreshResult<T>> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            // Unknown list size: a listing costs at least one page, so one task is cheaper read alone.
            var listingCost = _knownTotal.HasValue ? Math.Max(1, (int)((_knownTotal.Value + _pageSize - 1) / _pageSize)) : 1;
            return ReadEachOnly || ids.Count <= listingCost
                ? await ReadEachAsync(ids, cancellationToken).ConfigureAwait(false)
                : await ReadListingAsync(ids, cancellationToken).ConfigureAwait(false);
        }

        private async Task<RefreshResult<T>> ReadEachAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            var result = new RefreshResult<T>();
            using var slots = new SemaphoreSlim(MaxConcurrentGets, MaxConcurrentGets);
            var reads = ids.Select(async id =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return (id, task: await _getOne(id, cancellationToken).ConfigureAwait(false), error: (Exception?)null);
                }
                catch (HuaweiCloudApiException ex)
                {
                    return (id, task: (T?)null, error: (Exception?)ex);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            foreach (var (id, task, error) in await Task.WhenAll(reads).ConfigureAwait(false))
            {
                if (task != null) result.Found[id] = task;
                else if (error is HuaweiCloudApiException { Kind: ApiErrorKind.NotFound }) result.Gone.Add(id);
                else if (error != null) result.Errors[id] = error;
            }
            return result;
        }

        private async Task<RefreshResult<T>> ReadListingAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
            var result = new RefreshResult<T>();
            using (var reader = new PageReader<T>(_listPage, _idOf, 0, null, _pageSize, _listConcurrency, _log, cancellationToken) { WarnWhenShort = false, KnownTotal = _knownTotal })
            {
                IList<T>? items;
                while ((items = await reader.NextAsync().ConfigureAwait(false)) != null)
                {
                    _knownTotal = reader.Total;
                    foreach (var task in items)
                    {
                        var id = _idOf(task);
                        if (wanted.Contains(id)) result.Found[id] = task;
                    }
                    if (result.Found.Count == wanted.Count) break;
                }
            }

            // A task can still slip past a listing that changes under it, so one absence proves little: a task
            // missing from enough listings in a row is read on its own to confirm it is gone.
            var confirm = new List<string>();
            foreach (var id in wanted)
            {
                if (result.Found.ContainsKey(id))
                {
                    _misses.Remove(id);
                    continue;
                }
                _misses.TryGetValue(id, out var misses);
                _misses[id] = ++misses;
                if (misses >= _missesBeforeConfirm) confirm.Add(id);
            }
            if (confirm.Count > 0)
            {
                var single = await ReadEachAsync(confirm, cancellationToken).ConfigureAwait(false);
                foreach (var kv in single.Found) result.Found[kv.Key] = kv.Value;
                foreach (var id in single.Gone) result.Gone.Add(id);
                foreach (var kv in single.Errors) result.Errors[kv.Key] = kv.Value;
            }
            return result;
        }
    }
}
