using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>
    /// Reads the states of many SMS tasks at the lower of two costs: one <c>GET /v3/tasks/{id}</c> per task, or the
    /// whole task list in pages of 200. Waiting on 300 of an account's 450 tasks costs three list calls a poll, not 300.
    /// </summary>
    public sealed class SmsTaskRefresher : ITaskRefresher<SmsTask>
    {
        private readonly SmsClient _client;
        private readonly Dictionary<string, int> _misses = new Dictionary<string, int>(StringComparer.Ordinal);
        private long? _knownTotal;

        /// <param name="client">The SMS client.</param>
        /// <param name="maxConcurrentGets">How many single-task GETs may be in flight at once.</param>
        /// <param name="missesBeforeConfirm">
        /// After how many listings without a task it is read on its own: 2 while polling (offsets shift as tasks are
        /// deleted), 1 for a one-off read that must account for every task.
        /// </param>
        public SmsTaskRefresher(SmsClient client, int maxConcurrentGets = 8, int missesBeforeConfirm = 2)
        {
            _client = client;
            MaxConcurrentGets = Math.Max(1, maxConcurrentGets);
            _missesBeforeConfirm = Math.Max(1, missesBeforeConfirm);
        }

        private readonly int _missesBeforeConfirm;

        /// <summary>How many single-task GETs may be in flight at once.</summary>
        public int MaxConcurrentGets { get; }

        /// <summary>Requests the last refresh made, for logging and tests.</summary>
        public int LastRequestCount { get; private set; }

        public async Task<RefreshResult<SmsTask>> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            // Unknown account size: a listing costs at least one page, so one task is cheaper read alone.
            var listingCost = _knownTotal.HasValue ? Math.Max(1, (int)((_knownTotal.Value + SmsClient.MaxPageSize - 1) / SmsClient.MaxPageSize)) : 1;
            return ids.Count <= listingCost
                ? await ReadEachAsync(ids, cancellationToken).ConfigureAwait(false)
                : await ReadListingAsync(ids, cancellationToken).ConfigureAwait(false);
        }

        private async Task<RefreshResult<SmsTask>> ReadEachAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            var result = new RefreshResult<SmsTask>();
            using var slots = new SemaphoreSlim(MaxConcurrentGets, MaxConcurrentGets);
            var reads = ids.Select(async id =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return (id, task: await _client.GetTaskAsync(id, cancellationToken).ConfigureAwait(false), error: (Exception?)null);
                }
                catch (HuaweiCloudApiException ex)
                {
                    return (id, task: (SmsTask?)null, error: (Exception?)ex);
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
            LastRequestCount = ids.Count;
            return result;
        }

        private async Task<RefreshResult<SmsTask>> ReadListingAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
            var result = new RefreshResult<SmsTask>();
            var filter = new SmsTaskFilter();
            var cursor = new PageCursor(0);
            var requests = 0;
            while (true)
            {
                var page = await _client.ListTasksPageAsync(null, filter, cursor.Offset, SmsClient.MaxPageSize, cancellationToken).ConfigureAwait(false);
                requests++;
                _knownTotal = page.Count;
                if (!cursor.Accept(page.Count)) continue;
                foreach (var task in page.Tasks)
                {
                    if (wanted.Contains(task.Id)) result.Found[task.Id] = task;
                }
                if (!cursor.Advance(page.Tasks.Count) || result.Found.Count == wanted.Count) break;
            }

            // A task can still slip past a listing that changes under it, so one absence proves little: a task
            // missing from two listings in a row is read on its own to confirm it is gone.
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
                requests += confirm.Count;
                foreach (var kv in single.Found) result.Found[kv.Key] = kv.Value;
                foreach (var id in single.Gone) result.Gone.Add(id);
                foreach (var kv in single.Errors) result.Errors[kv.Key] = kv.Value;
            }
            LastRequestCount = requests;
            return result;
        }
    }

    /// <summary>When an SMS lifecycle change has taken effect, or cannot.</summary>
    public static class SmsWaitRules
    {
        private static string Describe(WaitEntry<SmsTask> entry, SmsTask? task) =>
            "The SMS task '" + (task?.Name ?? entry.Last?.Name ?? entry.Id) + "' (" + entry.Id + ")";

        private static string? ErrorDetail(SmsTask task) =>
            string.IsNullOrEmpty(task.ErrorJson) ? null : " Error: " + task.ErrorJson;

        /// <summary>Start: running, syncing or finished successfully; a failed state seen after the start is an error.</summary>
        public static WaitVerdict Start(WaitEntry<SmsTask> entry, SmsTask? task)
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " disappeared while starting.");
            if (SmsTaskStates.Started.Contains(task.State)) return WaitVerdict.Reached;
            // A task restarted from MIGRATE_FAIL still shows it until the start takes effect.
            var wasFailed = entry.InitialState != null && SmsTaskStates.Failed.Contains(ParseState(entry.InitialState));
            if (SmsTaskStates.Failed.Contains(task.State) && (!wasFailed || entry.SeenChange))
            {
                return WaitVerdict.Fail("SmsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawState + "." + ErrorDetail(task));
            }
            return WaitVerdict.Continue;
        }

        /// <summary>Suspend: <c>ABORT</c>. A task that finished before the stop took effect cannot be paused.</summary>
        public static WaitVerdict Suspend(WaitEntry<SmsTask> entry, SmsTask? task)
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " disappeared while pausing.");
            if (task.State == SmsTaskState.ABORT) return WaitVerdict.Reached;
            if (SmsTaskStates.Settled.Contains(task.State))
            {
                return WaitVerdict.Fail(SmsTaskStates.Failed.Contains(task.State) ? "SmsTaskFailed" : "SmsTaskUnexpectedState",
                    Describe(entry, task) + " is " + task.RawState + " and will not pause." + ErrorDetail(task));
            }
            return WaitVerdict.Continue;
        }

        /// <summary>Before a forced removal: paused, or any state in which it may be deleted.</summary>
        public static WaitVerdict Deletable(WaitEntry<SmsTask> entry, SmsTask? task)
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " disappeared while pausing.");
            return SmsTaskStates.Deletable.Contains(task.State) ? WaitVerdict.Reached : WaitVerdict.Continue;
        }

        /// <summary>Remove: the task is gone.</summary>
        public static WaitVerdict Gone(WaitEntry<SmsTask> entry, SmsTask? task) =>
            task is null ? WaitVerdict.Reached : WaitVerdict.Continue;

        /// <summary>Wait-SmsTask: one of <paramref name="targets"/>; a failed state that is not a target is an error.</summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> States(IReadOnlyCollection<SmsTaskState> targets) => (entry, task) =>
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " no longer exists.");
            if (targets.Contains(task.State)) return WaitVerdict.Reached;
            if (SmsTaskStates.Failed.Contains(task.State))
            {
                return WaitVerdict.Fail("SmsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawState + "." + ErrorDetail(task));
            }
            return WaitVerdict.Continue;
        };

        private static SmsTaskState ParseState(string raw) => Json.ApiJson.ParseState(raw, SmsTaskState.Unknown);
    }
}
