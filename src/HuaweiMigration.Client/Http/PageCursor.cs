using System;

namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// Offset paging that survives a list changing under it. The API pages by record offset, so when tasks leave the
    /// listing while it is read (a state filter and a pipeline that changes states, or deletions), every later record
    /// moves forward and a plain offset skips some. Each answer carries the total: when it shrinks, the cursor backs
    /// up by as much and reads again; the caller drops the records it has already seen (by id).
    /// </summary>
    internal sealed class PageCursor
    {
        private readonly long _floor;
        private long? _count;

        public PageCursor(long start)
            : this(start, start, null)
        {
        }

        /// <param name="start">Where the next page starts.</param>
        /// <param name="floor">The cursor never backs up before this offset (the caller's -Skip).</param>
        /// <param name="count">The total the previous answer gave, when there was one.</param>
        public PageCursor(long start, long floor, long? count)
        {
            Offset = start;
            _floor = floor;
            _count = count;
        }

        /// <summary>Where the next page starts.</summary>
        public long Offset { get; private set; }

        /// <summary>
        /// Takes an answer's total. Returns false when records moved and the page must be read again from the new
        /// <see cref="Offset"/> instead of being used.
        /// </summary>
        public bool Accept(long count)
        {
            var previous = _count;
            _count = count;
            if (previous.HasValue && count < previous.Value)
            {
                var back = Math.Max(_floor, Offset - (previous.Value - count));
                if (back < Offset)
                {
                    Offset = back;
                    return false;
                }
            }
            return true;
        }

        /// <summary>Moves past a page; returns true while more records remain.</summary>
        public bool Advance(int records)
        {
            Offset += records;
            return records > 0 && Offset < (_count ?? 0);
        }
    }
}
