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
    /// is below the first, the list shrank under the reader: the pages in flight are dropped and the rest is read
    /// one page at a time with <see cref="PageCursor"/>, which backs up as far as the list shrank.
    /// <para>
    /// The count is never trusted alone (a service may ignore <c>offset</c>, or lie about its total): each record is
    /// given once (by id), a duplicate does not count as read, a page that brings nothing new where new records were
    /// due ends the listing, no offset at or past the first answer's count is asked for, and the whole listing sends
    /// at most the requests that count allows (<see cref="MaxRequests"/>). Ending early is a warning that names the
    /// count and what the pages held.
    /// </para>
    /// </summary>
    internal sealed class PageReader<T> : IDisposable where T : class
    {
        private readonly Func<long, int, CancellationToken, Task<(long Count, IList<T> Items)>> _read;
        private readonly Func<T, string> _idOf;
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
        /// <param name="idOf">A record's id: a record already given is not given again.</param>
        /// <param name="start">The first offset (the caller's -Skip).</param>
        /// <param name="max">How many records are wanted at most (the caller's -First), or null for all.</param>
        /// <param name="pageSize">The API's largest page.</param>
        /// <param name="concurrency">Pages in flight at once after the first.</param>
        /// <param name="log">Where a changing list is reported.</param>
        /// <param name="cancellationToken">Cancels every request.</param>
        public PageReader(
            Func<long, int, CancellationToken, Task<(long Count, IList<T> Items)>> read,
            Func<T, string> idOf,
            long start,
            long? max,
            int pageSize,
            int concurrency,
            IApiLog log,
            CancellationToken cancellationToken)
        {
            _read = read;
            _idOf = idOf;
            _start = start;
            _end = max.HasValue ? start + max.Value : (long?)null;
            _pageSize = pageSize;
            _concurrency = Math.Max(1, concurrency);
            _log = log;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>
        /// Streams every record of a list: pages read as <see cref="PageReader{T}"/> reads them (each record once),
        /// at most <paramref name="first"/> yielded, the total reported once from the first answer. Lazy: stopping
        /// the enumeration stops the paging.
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
            using var reader = new PageReader<T>(read, idOf, skip, first, pageSize, concurrency, log, cancellationToken)
            {
                What = what,
                MayShrink = skip == 0 && first is null,
            };
            long yielded = 0;
            var counted = false;
            IList<T>? page;
            while ((page = reader.NextAsync().GetAwaiter().GetResult()) != null)
            {
                if (!counted && reader.Total.HasValue)
                {
                    counted = true;
                    onCount(reader.Total.Value);
                }
                foreach (var record in page)
                {
                    yield return record;
                    if (first.HasValue && ++yielded >= first.Value) yield break;
                }
            }
        }

        private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.Ordinal);
        private bool _estimating;
        private bool _sweeping;
        private bool _paging;
        private long _firstCount;
        private long _lastCount;
        private long _passOffset;
        private int _passFresh;
        private int _requests;
        private long _rereadable;
        private bool _grew;

        /// <summary>
        /// For a whole list read one page at a time (no -Skip, no -First) that shrinks as the pipeline acts on what it
        /// read — a state filter whose tasks are paused as they arrive. The records that left are the ones already
        /// read, and they come first, so each next offset is what was read less what left: no page is read twice.
        /// Records that slip past while a page is in flight (the list shrank after the last count) are found by
        /// passes over what is left at the end, until a pass finds nothing new. Such a listing costs the pages it
        /// needs plus one or two. (With pages in flight together, a shrinking list is followed by <see cref="PageCursor"/>.)
        /// </summary>
        public bool MayShrink { get; set; }

        /// <summary>What the list is, for the warning about a short listing ("SMS tasks").</summary>
        public string What { get; set; } = "records";

        /// <summary>False where a short listing is handled otherwise (a poll confirms each missing task on its own): it is then only logged.</summary>
        public bool WarnWhenShort { get; set; } = true;

        /// <summary>The total the first answer gave.</summary>
        public long? Total { get; private set; }

        /// <summary>
        /// The total a caller already knows (a poll that listed the same list before): the first pages then go out
        /// together instead of the first alone. A total that changed meanwhile is seen on the first answer, as any
        /// change is.
        /// </summary>
        public long? KnownTotal { get; set; }

        /// <summary>
        /// The most requests this listing sends, set by its first count: the pages that count allows, as many again
        /// for the pages read twice when the list shrinks under the reader, and two (the estimated reads' look from the
        /// start and their last pass).
        /// </summary>
        public int MaxRequests { get; private set; } = int.MaxValue;

        private long _delivered;
        private bool _warned;

        /// <summary>The records of a page not given before (a null row is no record).</summary>
        private IList<T> Fresh(IList<T>? items)
        {
            var fresh = new List<T>(items?.Count ?? 0);
            if (items is null) return fresh;
            foreach (var item in items)
            {
                if (item != null && _ids.Add(_idOf(item))) fresh.Add(item);
            }
            return fresh;
        }

        /// <summary>Takes the first count as the listing's bound: what it may read, and how many requests that takes.</summary>
        private void Bound(long count)
        {
            _expected = _firstCount = _lastCount = count;
            var pages = (Math.Max(0, End(count) - _start) + _pageSize - 1) / _pageSize;
            MaxRequests = (int)Math.Min(int.MaxValue, 2 * pages + 2);
        }

        /// <summary>A later count, never above the first: a list that grows is not followed past what the first count allows.</summary>
        private long Capped(long count) => Math.Min(count, _firstCount);

        /// <summary>Counts one request against <see cref="MaxRequests"/>; false when none is left.</summary>
        private bool TakeRequest()
        {
            if (_requests >= MaxRequests) return false;
            _requests++;
            return true;
        }

        /// <summary>
        /// Warns, once, when the pages ran out before the count the API gave: the listing is short and the caller
        /// should know (with both numbers) rather than get fewer records silently.
        /// </summary>
        private IList<T>? Deliver(IList<T>? items)
        {
            if (items != null) _delivered += items.Count;
            if (_done && !_warned && _sequential is null && !_estimating && _end is null && _start == 0 && _delivered < _expected)
            {
                Warn("The listing of " + What + " said it holds " + _expected + " but its pages held " + _delivered + "; the list may have changed while it was read, or the service miscounted. Run it again to be sure nothing is missing.");
            }
            return items;
        }

        /// <summary>Ends the listing before its count was read: the service pages in a way that would never end it.</summary>
        private IList<T>? Stop(string why)
        {
            _done = true;
            Abandon();
            Warn("The listing of " + What + " said it holds " + _firstCount + " but " + why + ", with " + _delivered + " read: the listing stopped there. Run it again to be sure nothing is missing.");
            return null;
        }

        private string NothingNew(long offset) =>
            "the page at offset " + offset + " brought nothing new (the service sent again what it had already sent, as if it ignored the offset)";

        private string Spent() =>
            "its pages did not end within the " + MaxRequests + " requests that count allows";

        private void Warn(string message)
        {
            if (_warned) return;
            _warned = true;
            if (WarnWhenShort) _log.Warning(message);
            else _log.Verbose(message);
        }

        /// <summary>The next page's records in list order (each record once; possibly none), or null at the end.</summary>
        public async Task<IList<T>?> NextAsync()
        {
            if (_done) return null;
            var token = _cancellation.Token;
            if (!_started && KnownTotal is long known && _concurrency > 1 && !MayShrink)
            {
                _started = true;
                Bound(known);
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
                _requests++;
                var (count, items) = await _read(_start, Limit(_start), token).ConfigureAwait(false);
                Total = count;
                Bound(count);
                _next = _start + items.Count;
                if (items.Count == 0 || _next >= End(count)) _done = true;
                // Read one page at a time (a list expected to shrink): estimated offsets from the start.
                if (MayShrink && _concurrency == 1) _estimating = true;
                return Deliver(Fresh(items));
            }
            if (_estimating) return await NextEstimatedAsync(token).ConfigureAwait(false);
            if (_sequential != null) return await NextSequentialAsync(token).ConfigureAwait(false);

            while (_window.Count < _concurrency && _next < End(_firstCount) && TakeRequest())
            {
                var offset = _next;
                _window.Enqueue((offset, _read(offset, Limit(offset), token)));
                _next += _pageSize;
            }
            if (_window.Count == 0)
            {
                if (_next < End(_firstCount)) return Stop(Spent());
                _done = true;
                return Deliver(null);
            }
            var (at, pending) = _window.Dequeue();
            var page = await pending.ConfigureAwait(false);
            Total ??= page.Count;
            if (page.Count < _expected)
            {
                _log.Verbose("The list changed while it was read (" + _expected + " records, now " + page.Count + "); reading the rest one page at a time.");
                Abandon();
                _sequential = new PageCursor(at, _start, _expected);
                return await NextSequentialAsync(token).ConfigureAwait(false);
            }
            if (page.Count > _expected && !_grew)
            {
                _grew = true;
                _log.Verbose("The list grew while it was read (" + _expected + " records, now " + page.Count + "); what was added past the first " + _expected + " is not read in this listing.");
            }
            var fresh = Fresh(page.Items);
            if (page.Items.Count > 0 && fresh.Count == 0) return Stop(NothingNew(at));
            if (page.Items.Count == 0 || at + page.Items.Count >= End(_firstCount))
            {
                _done = true;
                Abandon();
            }
            return Deliver(fresh);
        }

        private async Task<IList<T>?> NextEstimatedAsync(CancellationToken token)
        {
            if (_sweeping)
            {
                if (!TakeRequest()) return Stop(Spent());
                var (passCount, passItems) = await _read(_passOffset, _pageSize, token).ConfigureAwait(false);
                var found = Fresh(passItems);
                _passFresh += found.Count;
                _passOffset += passItems.Count;
                if (passItems.Count == 0 || _passOffset >= Capped(passCount))
                {
                    if (_passFresh == 0) _done = true;
                    else
                    {
                        _log.Verbose("The list changed while it was read; " + _passFresh + " records that slipped past were found; looking once more.");
                        _passOffset = 0;
                        _passFresh = 0;
                    }
                }
                return Deliver(found);
            }
            // While the pipeline keeps up, what it acted on has left and what is still in flight comes first: reading
            // from the start gets the next records (plus those few in flight) and can never skip one. When a read
            // from the start brings nothing new, nobody is shrinking the list: page on by what was read less what left.
            if (!TakeRequest()) return Stop(Spent());
            var departed = Math.Max(0, _firstCount - _lastCount);
            var offset = _paging ? Math.Max(0, _ids.Count - departed) : 0;
            var (count, items) = await _read(offset, _pageSize, token).ConfigureAwait(false);
            _lastCount = count;
            var fresh = Fresh(items);
            if (items.Count == 0)
            {
                _done = true;
            }
            else if (!_paging)
            {
                if (items.Count >= count) _done = true; // the whole list is in this page
                else if (fresh.Count == 0) _paging = true;
            }
            else if (fresh.Count == 0)
            {
                // Paging on past what was read, a page must bring something new; else the offset is not being honoured.
                return Stop(NothingNew(offset));
            }
            else if (offset + items.Count >= Capped(count))
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
            return Deliver(fresh);
        }

        private async Task<IList<T>?> NextSequentialAsync(CancellationToken token)
        {
            var cursor = _sequential!;
            while (true)
            {
                if (!TakeRequest()) return Stop(Spent());
                var offset = cursor.Offset;
                var (count, items) = await _read(offset, Limit(offset), token).ConfigureAwait(false);
                if (!cursor.Accept(count))
                {
                    // What the cursor backed up over may come again, and is no sign of a service ignoring the offset.
                    _rereadable += offset - cursor.Offset;
                    _log.Verbose("The list changed while it was read; reading again from offset " + cursor.Offset + ".");
                    continue;
                }
                var fresh = Fresh(items);
                if (items.Count > 0 && fresh.Count == 0 && _rereadable <= 0) return Stop(NothingNew(offset));
                _rereadable = Math.Max(0, _rereadable - items.Count);
                if (!cursor.Advance(items.Count) || cursor.Offset >= End(Capped(count))) _done = true;
                return Deliver(fresh);
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
