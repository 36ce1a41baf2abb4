using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// Reads an offset-paged list in order, with later pages fetched concurrently. The first page is read alone
    /// (it gives the total, and a caller that stops after it costs one request); from the second call on, up to
    /// <c>concurrency</c> pages are in flight while the caller works through the current one. When an answer's total
    /// differs from the one before, the list changed under the reader: the pages in flight are dropped and the rest
    /// is read one page at a time with <see cref="PageCursor"/>, which backs up as far as the list shrank. Callers
    /// drop records they have already seen (by id).
    /// </summary>
    internal sealed class PageReader<T> : IDisposable
    {
        private readonly Func<long, int, CancellationToken, Task<(long Count, IList<T> Items)>> _read;
        private readonly long _start;
        private readonly long? _end;
        private readonly int _pageSize;
        private readonly int _concurrency;
        private readonly IApiLog _log;
        private readonly CancellationTokenSource _cancellation;
        private readonly Queue<(long Offset, Task<(long Count, IList<T> Items)> Page)> _window = new Queue<(long, Task<(long, IList<T>)>)>();
        private PageCursor? _sequential;
        private long _next;
        private long _expected;
        private bool _started;
        private bool _done;

        /// <param name="read">Reads one page: (offset, limit) → (total, records).</param>
        /// <param name="start">The first offset (the caller's -Skip).</param>
        /// <param name="max">How many records are wanted at most (the caller's -First), or null for all.</param>
        /// <param name="pageSize">The API's largest page.</param>
        /// <param name="concurrency">Pages in flight at once after the first.</param>
        /// <param name="log">Where a changing list is reported.</param>
        /// <param name="cancellationToken">Cancels every request.</param>
        public PageReader(
            Func<long, int, CancellationToken, Task<(long Count, IList<T> Items)>> read,
            long start,
            long? max,
            int pageSize,
            int concurrency,
            IApiLog log,
            CancellationToken cancellationToken)
        {
            _read = read;
            _start = start;
            _end = max.HasValue ? start + max.Value : (long?)null;
            _pageSize = pageSize;
            _concurrency = Math.Max(1, concurrency);
            _log = log;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>
        /// Streams every record of a list: pages read as <see cref="PageReader{T}"/> reads them, records already
        /// seen (by id) dropped, at most <paramref name="first"/> yielded, the total reported once from the first
        /// answer. Lazy: stopping the enumeration stops the paging.
        /// </summary>
        public static IEnumerable<T> ReadAll(
            Func<long, int, CancellationToken, Task<(long Count, IList<T> Items)>> read,
            Func<T, string> idOf,
            long skip,
            long? first,
            int pageSize,
            int concurrency,
            Action<long> onCount,
            IApiLog log,
            CancellationToken cancellationToken,
            string what = "records")
        {
            using var reader = new PageReader<T>(read, skip, first, pageSize, concurrency, log, cancellationToken) { What = what };
            if (skip == 0 && first is null) reader.TrackIds(idOf);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long yielded = 0;
            IList<T>? page;
            while ((page = reader.NextAsync().GetAwaiter().GetResult()) != null)
            {
                if (seen.Count == 0 && reader.Total.HasValue) onCount(reader.Total.Value);
                foreach (var record in page)
                {
                    if (!seen.Add(idOf(record))) continue;
                    yield return record;
                    if (first.HasValue && ++yielded >= first.Value) yield break;
                }
            }
        }

        private Func<T, string>? _idOf;
        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);
        private bool _estimating;
        private bool _sweeping;
        private long _firstCount;
        private long _lastCount;
        private long _passOffset;
        private int _passFresh;

        /// <summary>
        /// For a whole list read one page at a time (no -Skip, no -First) that shrinks as the pipeline acts on what it
        /// read — a state filter whose tasks are paused as they arrive. The records that left are the ones already
        /// read, and they come first, so each next offset is what was read less what left: no page is read twice.
        /// Records that slip past while a page is in flight (the list shrank after the last count) are found by
        /// passes over what is left at the end, until a pass finds nothing new. Such a listing costs the pages it
        /// needs plus one or two.
        /// </summary>
        public void TrackIds(Func<T, string> idOf) => _idOf = idOf;

        private IList<T> Track(IList<T> items)
        {
            if (_idOf != null) foreach (var item in items) _ids.Add(_idOf(item));
            return items;
        }

        private async Task<IList<T>?> NextEstimatedAsync(CancellationToken token)
        {
            if (_sweeping)
            {
                var (passCount, passItems) = await _read(_passOffset, _pageSize, token).ConfigureAwait(false);
                var known = _ids.Count;
                Track(passItems);
                _passFresh += _ids.Count - known;
                _passOffset += passItems.Count;
                if (passItems.Count == 0 || _passOffset >= passCount)
                {
                    if (_passFresh == 0) _done = true;
                    else
                    {
                        _log.Verbose("The list changed while it was read; " + _passFresh + " records that slipped past were found; looking once more.");
                        _passOffset = 0;
                        _passFresh = 0;
                    }
                }
                return passItems;
            }
            // While the pipeline keeps up, what it acted on has left and what is still in flight comes first: reading
            // from the start gets the next records (plus those few in flight) and can never skip one. When a read
            // from the start brings nothing new, nobody is shrinking the list: page on by what was read less what left.
            var departed = Math.Max(0, _firstCount - _lastCount);
            var offset = _paging ? Math.Max(0, _ids.Count - departed) : 0;
            var (count, items) = await _read(offset, _pageSize, token).ConfigureAwait(false);
            _lastCount = count;
            var before = _ids.Count;
            Track(items);
            var fresh = _ids.Count - before;
            if (items.Count == 0)
            {
                _done = true;
            }
            else if (!_paging)
            {
                if (items.Count >= count) _done = true; // the whole list is in this page
                else if (fresh == 0) _paging = true;
            }
            else if (offset + items.Count >= count)
            {
                if (count >= _firstCount) _done = true;
                else
                {
                    // The list shrank while it was paged: look over what is left for records that slipped past.
                    _sweeping = true;
                    _passOffset = 0;
                    _passFresh = 0;
                }
            }
            return items;
        }

        private bool _paging;

        /// <summary>What the list is, for the warning about a short listing ("SMS tasks").</summary>
        public string What { get; set; } = "records";

        /// <summary>False where a short listing is handled otherwise (a poll confirms each missing task on its own).</summary>
        public bool WarnWhenShort { get; set; } = true;

        private long _delivered;
        private bool _warned;

        /// <summary>
        /// Warns, once, when the pages ran out before the count the API gave: the listing is short and the caller
        /// should know (with both numbers) rather than get fewer records silently.
        /// </summary>
        private IList<T>? Deliver(IList<T>? items)
        {
            if (items != null) _delivered += items.Count;
            if (_done && WarnWhenShort && !_warned && _sequential is null && !_estimating && _end is null && _start == 0 && _delivered < _expected)
            {
                _warned = true;
                _log.Warning("The listing of " + What + " said it holds " + _expected + " but its pages held " + _delivered + "; the list may have changed while it was read, or the service miscounted. Run it again to be sure nothing is missing.");
            }
            return items;
        }

        /// <summary>The total the first answer gave.</summary>
        public long? Total { get; private set; }

        /// <summary>
        /// The total a caller already knows (a poll that listed the same list before): the first pages then go out
        /// together instead of the first alone. A total that changed meanwhile is seen on the first answer, as any
        /// change is.
        /// </summary>
        public long? KnownTotal { get; set; }

        /// <summary>The next page's records in list order, or null at the end.</summary>
        public async Task<IList<T>?> NextAsync()
        {
            if (_done) return null;
            var token = _cancellation.Token;
            if (!_started && KnownTotal is long known && _concurrency > 1 && _idOf is null)
            {
                _started = true;
                _expected = _firstCount = _lastCount = known;
                _next = _start;
                if (_next >= End(known))
                {
                    // Empty when last read; the first page says whether it still is.
                    KnownTotal = null;
                    _started = false;
                }
            }
            if (!_started)
            {
                _started = true;
                var (count, items) = await _read(_start, Limit(_start), token).ConfigureAwait(false);
                Total = count;
                _expected = count;
                _firstCount = _lastCount = count;
                _next = _start + items.Count;
                if (items.Count == 0 || _next >= End(count)) _done = true;
                // Read one page at a time (a list expected to shrink): estimated offsets from the start.
                if (_idOf != null && _concurrency == 1) _estimating = true;
                return Deliver(Track(items));
            }
            if (_estimating) return await NextEstimatedAsync(token).ConfigureAwait(false);
            if (_sequential != null) return await NextSequentialAsync(token).ConfigureAwait(false);

            while (_window.Count < _concurrency && _next < End(_expected))
            {
                var offset = _next;
                _window.Enqueue((offset, _read(offset, Limit(offset), token)));
                _next += _pageSize;
            }
            if (_window.Count == 0)
            {
                _done = true;
                return Deliver(null);
            }
            var (at, pending) = _window.Dequeue();
            var page = await pending.ConfigureAwait(false);
            Total ??= page.Count;
            if (page.Count != _expected)
            {
                _log.Verbose("The list changed while it was read (" + _expected + " records, now " + page.Count + "); reading the rest one page at a time.");
                Abandon();
                _sequential = new PageCursor(at, _start, _expected);
                return await NextSequentialAsync(token).ConfigureAwait(false);
            }
            if (page.Items.Count == 0 || at + page.Items.Count >= End(page.Count))
            {
                _done = true;
                Abandon();
            }
            return Deliver(page.Items);
        }

        private async Task<IList<T>?> NextSequentialAsync(CancellationToken token)
        {
            var cursor = _sequential!;
            while (true)
            {
                var (count, items) = await _read(cursor.Offset, Limit(cursor.Offset), token).ConfigureAwait(false);
                if (!cursor.Accept(count))
                {
                    _log.Verbose("The list changed while it was read; reading again from offset " + cursor.Offset + ".");
                    continue;
                }
                if (!cursor.Advance(items.Count) || cursor.Offset >= End(count)) _done = true;
                return items;
            }
        }

        private int Limit(long offset) => (int)Math.Max(1, Math.Min(_pageSize, (_end ?? long.MaxValue) - offset));

        private long End(long count) => Math.Min(count, _end ?? long.MaxValue);

        /// <summary>Drops the pages in flight; their failures no longer matter.</summary>
        private void Abandon()
        {
            while (_window.Count > 0)
            {
                _ = _window.Dequeue().Page.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }

        /// <summary>Stops the pages still in flight (the caller stopped reading).</summary>
        public void Dispose()
        {
            Abandon();
            _cancellation.Cancel();
            _cancellation.Dispose();
        }
    }
}
