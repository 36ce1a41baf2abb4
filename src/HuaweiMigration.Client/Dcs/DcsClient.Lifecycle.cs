using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Actions;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>The answer of <c>DELETE migration-tasks/delete</c>: the ids deleted.</summary>
    public sealed class DcsDeleteAnswer
    {
        public IList<string> TaskIdList { get; set; } = new List<string>();
    }

    public sealed partial class DcsClient
    {
        /// <summary>The most ids one batch restart or deletion takes.</summary>
        public const int MaxBatch = 50;

        /// <summary>
        /// <c>POST /v2/{project_id}/migration-tasks/batch-restart</c> for up to 50 ids: one result per id, read by
        /// <c>task_id</c> as for a batch stop. Never sent twice once it took effect (the task migrates again).
        /// </summary>
        public async Task<IReadOnlyList<DcsBatchStopResult>> BatchRestartAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0 || ids.Count > MaxBatch) throw new ArgumentOutOfRangeException(nameof(ids), ids.Count, "A batch restart takes 1 to 50 ids.");
            foreach (var id in ids) InputValidation.DcsTaskId(id);
            var outcomes = await new ActionSender<DcsMigrationTask, DcsBatchStopResult>(
                Service, "the batch restart",
                async (pending, ct) =>
                {
                    var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Post, "v2", ProjectId, "migration-tasks", "batch-restart")
                    {
                        JsonBody = new JObject { ["migration_tasks"] = new JArray(pending.Cast<object>().ToArray()) }.ToString(Newtonsoft.Json.Formatting.None),
                        Idempotent = false,
                        ResultType = typeof(DcsBatchStopAnswer),
                    };
                    var answer = ApiTransport.ReadAction<DcsBatchStopAnswer>(await SendAsync(request, ct).ConfigureAwait(false)) ?? new DcsBatchStopAnswer();
                    return ByTaskId(answer.MigrationTasks, pending);
                },
                (pending, ct) => CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(pending, ct),
                task => task != null && DcsMigrationTaskStatuses.Migrating.Contains(task.Status),
                (id, _) => new DcsBatchStopResult { TaskId = id, Result = "success" },
                t => t.RawStatus,
                RetryPolicy.Default,
                _log).SendAsync(ids, cancellationToken).ConfigureAwait(false);
            return ids.Select(id => outcomes.TryGetValue(id, out var o)
                ? o.Error is null ? o.Result! : new DcsBatchStopResult { TaskId = id, Result = "failed", Failure = o.Error }
                : new DcsBatchStopResult { TaskId = id, Result = "failed", ErrorMsg = "The batch restart answer did not mention this task." }).ToList();
        }

        /// <summary>
        /// <c>DELETE /v2/{project_id}/migration-tasks/delete</c> with <c>{"task_id_list": [...]}</c> for up to 50 ids.
        /// Returns, per id, null when it was deleted or the reason it was not (an id the answer does not list was
        /// refused; its status is read to say why).
        /// </summary>
        public async Task<IReadOnlyDictionary<string, HuaweiCloudApiException?>> DeleteTasksAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0 || ids.Count > MaxBatch) throw new ArgumentOutOfRangeException(nameof(ids), ids.Count, "A batch deletion takes 1 to 50 ids.");
            foreach (var id in ids) InputValidation.DcsTaskId(id);
            var outcomes = await new ActionSender<DcsMigrationTask, bool>(
                Service, "the deletion",
                async (pending, ct) =>
                {
                    var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Delete, "v2", ProjectId, "migration-tasks", "delete")
                    {
                        JsonBody = new JObject { ["task_id_list"] = new JArray(pending.Cast<object>().ToArray()) }.ToString(Newtonsoft.Json.Formatting.None),
                        Idempotent = false,
                        ResultType = typeof(DcsDeleteAnswer),
                    };
                    var answer = ApiTransport.ReadAction<DcsDeleteAnswer>(await SendAsync(request, ct).ConfigureAwait(false)) ?? new DcsDeleteAnswer();
                    var deleted = new HashSet<string>(answer.TaskIdList ?? new List<string>(), StringComparer.Ordinal);
                    return pending.Where(deleted.Contains).ToDictionary(id => id, _ => true, StringComparer.Ordinal);
                },
                (pending, ct) => CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(pending, ct),
                task => task is null,
                (_, __) => true,
                t => t.RawStatus,
                RetryPolicy.Default,
                _log).SendAsync(ids, cancellationToken).ConfigureAwait(false);

            var result = new Dictionary<string, HuaweiCloudApiException?>(StringComparer.Ordinal);
            var unlisted = new List<string>();
            foreach (var id in ids)
            {
                if (!outcomes.TryGetValue(id, out var o)) unlisted.Add(id);
                else result[id] = o.Error;
            }
            if (unlisted.Count > 0)
            {
                var read = await CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(unlisted, cancellationToken).ConfigureAwait(false);
                foreach (var id in unlisted)
                {
                    result[id] = read.Gone.Contains(id)
                        ? null
                        : new HuaweiCloudApiException(
                            "DCS error DCS.4957: the migration task " + id + " was not deleted"
                                + (read.Found.TryGetValue(id, out var task) ? ": it is " + task.RawStatus + "." : "."),
                            ApiErrorKind.InvalidOperation, 400, "DCS.4957", service: Service);
                }
            }
            return result;
        }

        /// <summary><c>GET /v2/{project_id}/migration-task/{task_id}/stats</c>: the migration's figures.</summary>
        public async Task<DcsMigrationProgress> GetProgressAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Get, "v2", ProjectId, "migration-task", id, "stats");
            var progress = await SendAsync<DcsMigrationProgress>(request, cancellationToken).ConfigureAwait(false);
            progress.TaskId = id;
            return progress;
        }

        private static IReadOnlyDictionary<string, DcsBatchStopResult> ByTaskId(IList<DcsBatchStopResult>? rows, IReadOnlyList<string> pending)
        {
            var result = new Dictionary<string, DcsBatchStopResult>(StringComparer.Ordinal);
            foreach (var r in rows ?? new List<DcsBatchStopResult>())
            {
                if (r.TaskId != null && pending.Contains(r.TaskId) && !result.ContainsKey(r.TaskId)) result[r.TaskId] = r;
            }
            return result;
        }
    }
}
