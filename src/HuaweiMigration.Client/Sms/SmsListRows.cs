using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>
    /// The fields only task list rows carry (ListTasks has special_config, log_collect_status and syncing; ShowTask
    /// has not), for one command that reads tasks by id. The first few ids get a filtered list call each (one
    /// request); from then on the whole list is read once, page by page, and every later id is served from it — so
    /// reading a thousand tasks by id costs a thousand GETs and a few pages, not a list call per id. The whole list is
    /// read only once it costs no more than the list calls already made (its first page's count says how many pages
    /// it has), so a few ids on a large account never pay for its whole list. A task the listing did not have
    /// (created since) gets its own list call.
    /// </summary>
    public sealed class SmsListRows
    {
        /// <summary>Ids read one list call each before the whole list is read instead.</summary>
        public const int SingleReadsBeforeListing = 8;

        private readonly SmsClient _client;
        private readonly object _gate = new object();
        private int _asked;
        private Task<SmsTaskPage>? _first;
        private Task<IReadOnlyDictionary<string, SmsTask>>? _listing;

        internal SmsListRows(SmsClient client)
        {
            _client = client;
        }

        /// <summary>The list row of task <paramref name="id"/>, or null when the list does not have it.</summary>
        public async Task<SmsTask?> RowAsync(string id, CancellationToken cancellationToken)
        {
            var asked = Interlocked.Increment(ref _asked);
            if (asked > SingleReadsBeforeListing)
            {
                try
                {
                    Task<SmsTaskPage> firstPage;
                    lock (_gate) firstPage = _first ??= _client.ListTasksPageAsync(null, new SmsTaskFilter(), 0, SmsClient.MaxPageSize, cancellationToken);
                    var first = await firstPage.ConfigureAwait(false);
                    var pages = Math.Max(1, (first.Count + SmsClient.MaxPageSize - 1) / SmsClient.MaxPageSize);
                    if (asked >= pages)
                    {
                        Task<IReadOnlyDictionary<string, SmsTask>> listing;
                        lock (_gate) listing = _listing ??= ReadRestAsync(first, cancellationToken);
                        if ((await listing.ConfigureAwait(false)).TryGetValue(id, out var row)) return row;
                    }
                }
                catch (HuaweiCloudApiException)
                {
                    // A listing that failed costs nothing but itself: each id is asked for on its own, as at first.
                }
            }
            var page = await _client.ListTasksPageAsync(null, new SmsTaskFilter { Id = id }, 0, 1, cancellationToken).ConfigureAwait(false);
            return page.Tasks.FirstOrDefault(t => t.Id == id);
        }

        private async Task<IReadOnlyDictionary<string, SmsTask>> ReadRestAsync(SmsTaskPage first, CancellationToken cancellationToken)
        {
            var rows = new ConcurrentDictionary<string, SmsTask>(StringComparer.Ordinal);
            Keep(rows, first.Tasks);
            // The rest of the pages the first one's count says there are, several at a time; never more than it says.
            var offsets = new List<long>();
            for (long offset = SmsClient.MaxPageSize; offset < first.Count && first.Tasks.Count > 0; offset += SmsClient.MaxPageSize) offsets.Add(offset);
            using (var slots = new SemaphoreSlim(Math.Max(1, _client.ListConcurrency)))
            {
                await Task.WhenAll(offsets.Select(async offset =>
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        Keep(rows, (await _client.ListTasksPageAsync(null, new SmsTaskFilter(), offset, SmsClient.MaxPageSize, cancellationToken).ConfigureAwait(false)).Tasks);
                    }
                    finally
                    {
                        slots.Release();
                    }
                })).ConfigureAwait(false);
            }
            return rows;
        }

        // Only what a detail read needs of each row is kept: a large account's list costs little memory.
        private static void Keep(ConcurrentDictionary<string, SmsTask> rows, IEnumerable<SmsTask> tasks)
        {
            foreach (var t in tasks)
            {
                if (!string.IsNullOrEmpty(t.Id)) rows[t.Id] = new SmsTask { Id = t.Id, SpecialConfig = t.SpecialConfig, LogCollectStatus = t.LogCollectStatus, Syncing = t.Syncing };
            }
        }
    }
}
