using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Actions;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>What to list: the API's loose name filter plus the module's exact or wildcard test.</summary>
    public sealed class DcsTaskFilter
    {
        /// <summary>Sent as the API's <c>name</c> filter.</summary>
        public string? NameQuery { get; set; }

        /// <summary>The exact or wildcard name test applied to every task the API returns.</summary>
        public Func<string?, bool>? NameMatch { get; set; }

        /// <summary>Statuses to keep; empty for all. The API has no status filter, so the module applies it.</summary>
        public IReadOnlyCollection<DcsMigrationTaskStatus> Statuses { get; set; } = Array.Empty<DcsMigrationTaskStatus>();
    }

    /// <summary>One page of <c>GET /v2/{project_id}/migration-tasks</c>.</summary>
    public sealed class DcsTaskPage
    {
        public long Count { get; set; }
        public IList<DcsMigrationTask> MigrationTasks { get; set; } = new List<DcsMigrationTask>();
    }

    /// <summary>
    /// The outcome of one id in a batch stop or restart (StopMigrationTaskResult / BatchRestartMigrationTaskResult):
    /// each row names its task by <c>task_id</c>; newer releases add <c>error_code</c>/<c>error_msg</c> to a failure.
    /// </summary>
    public sealed class DcsBatchStopResult : ApiObject
    {
        public string TaskId { get; set; } = string.Empty;
        /// <summary>success or failed.</summary>
        public string? Result { get; set; }
        public string? ErrorCode { get; set; }
        public string? ErrorMsg { get; set; }

        /// <summary>The task id, as every other outcome names it.</summary>
        public string Id => TaskId;

        public bool Succeeded => string.Equals(Result, "success", StringComparison.OrdinalIgnoreCase);

        /// <summary>When the request itself failed for this task (not a row of the answer): that failure.</summary>
        internal HuaweiCloudApiException? Failure { get; set; }

        /// <summary>A failed result as the client's one error type, classified by its error code.</summary>
        public HuaweiCloudApiException ToException() => Failure ?? new HuaweiCloudApiException(
            "DCS error" + (ErrorCode is null ? string.Empty : " " + ErrorCode) + ": " + (ErrorMsg ?? "the batch stop failed for this task."),
            ErrorCode is null ? ApiErrorKind.InvalidOperation : HuaweiCloudApiException.Classify(400, ErrorCode),
            400,
            ErrorCode,
            ErrorMsg,
            service: DcsClient.Service);
    }

    internal sealed class DcsBatchStopAnswer
    {
        public IList<DcsBatchStopResult> MigrationTasks { get; set; } = new List<DcsBatchStopResult>();
    }

    /// <summary>Distributed Cache Service v2 data migration: a project-level service, so the project id is in every path.</summary>
    public sealed partial class DcsClient
    {
        internal const string Service = "DCS";

        /// <summary>The API's largest page.</summary>
        public const int MaxPageSize = 1000;


        private readonly HuaweiCloudContext _context;

        /// <summary>The connection this client uses.</summary>
        internal HuaweiCloudContext Context => _context;
        private readonly IApiLog _log;

        /// <param name="context">The connection.</param>
        /// <param name="projectId">The project whose tasks these are (default: the context's).</param>
        /// <param name="log">Where to report calls.</param>
        public DcsClient(HuaweiCloudContext context, string? projectId = null, IApiLog? log = null)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            ProjectId = InputValidation.ProjectId(projectId ?? context.ProjectId);
            _log = log ?? NullLog.Instance;
        }

        public string ProjectId { get; }

        /// <summary><c>GET /v2/{project_id}/migration-tasks</c>: one page.</summary>
        public async Task<DcsTaskPage> ListTasksPageAsync(DcsTaskFilter filter, long offset, int limit, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Get, "v2", ProjectId, "migration-tasks")
                .AddQuery("name", string.IsNullOrEmpty(filter.NameQuery) ? null : filter.NameQuery)
                .AddQuery("offset", offset)
                .AddQuery("limit", limit);
            var page = await SendAsync<DcsTaskPage>(request, cancellationToken).ConfigureAwait(false);
            page.MigrationTasks ??= new List<DcsMigrationTask>();
            return page;
        }

        /// <summary>Lists tasks lazily, one page at a time, so stopping the enumeration stops the paging.</summary>
        public IEnumerable<DcsMigrationTask> EnumerateTasks(DcsTaskFilter filter, Sms.PagingRequest paging, CancellationToken cancellationToken)
        {
            var clientSide = filter.NameMatch != null || filter.Statuses.Count > 0;
            var tasks = ListPages(filter, clientSide ? 0 : paging.Skip, clientSide ? null : paging.First,
                count => paging.OnTotalCount?.Invoke(count, clientSide ? 0.5 : 1.0), cancellationToken);
            return clientSide
                ? paging.ApplyHere(tasks, t => (filter.NameMatch is null || filter.NameMatch(t.TaskName)) && (filter.Statuses.Count == 0 || filter.Statuses.Contains(t.Status)))
                : tasks;
        }

        /// <summary>How many list pages may be in flight at once after the first (default 8).</summary>
        public int ListConcurrency { get; set; } = 8;

        private IEnumerable<DcsMigrationTask> ListPages(DcsTaskFilter filter, long skip, long? first, Action<long> onCount, CancellationToken cancellationToken) =>
            PageReader<DcsMigrationTask>.ReadAll(
                async (offset, limit, ct) =>
                {
                    var page = await ListTasksPageAsync(filter, offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.MigrationTasks);
                },
                t => t.TaskId, skip, first, MaxPageSize, ListConcurrency, onCount, _log, cancellationToken, "DCS migration tasks");

        /// <summary><c>GET /v2/{project_id}/migration-task/{task_id}</c>. A missing task is DCS.4133 (ObjectNotFound).</summary>
        public async Task<DcsMigrationTask> GetTaskAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Get, "v2", ProjectId, "migration-task", id);
            return await SendAsync<DcsMigrationTask>(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// <c>POST /v2/{project_id}/migration-task/{task_id}/stop</c>: the task as the API returns it (usually
        /// TERMINATING). After a failure that leaves open whether the stop happened, the task is read and the stop
        /// sent again only if it did not.
        /// </summary>
        public Task<DcsMigrationTask> StopAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            return StopSender("the stop", async (ids, ct) =>
            {
                var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Post, "v2", ProjectId, "migration-task", id, "stop") { Idempotent = false, ResultType = typeof(DcsMigrationTask) };
                var task = ApiTransport.ReadAction<DcsMigrationTask>(await SendAsync(request, ct).ConfigureAwait(false))!;
                return new Dictionary<string, DcsMigrationTask> { [id] = task };
            }, (_, task) => task!).SendOneAsync(id, cancellationToken);
        }

        /// <summary>The one way a stop (single or batch) is sent: never twice once it took effect.</summary>
        private ActionSender<DcsMigrationTask, TResult> StopSender<TResult>(
            string what,
            Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, TResult>>> send,
            Func<string, DcsMigrationTask?, TResult> resultOfRead) =>
            new ActionSender<DcsMigrationTask, TResult>(
                Service, what, send,
                (ids, ct) => CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(ids, ct),
                task => task != null && IsStopping(task),
                resultOfRead,
                t => t.RawStatus,
                RetryPolicy.Default,
                _log);

        /// <summary>Whether a task shows a stop took effect (TERMINATING or TERMINATED).</summary>
        internal static bool IsStopping(DcsMigrationTask task) =>
            task.Status == DcsMigrationTaskStatus.TERMINATING || task.Status == DcsMigrationTaskStatus.TERMINATED;

        /// <summary>
        /// <c>POST /v2/{project_id}/migration-task/batch-stop</c> for up to 50 ids: one result per id. An id the
        /// answer does not mention is reported as failed, so no task goes unaccounted for. After a failure that leaves
        /// open what happened, the tasks are read and only those not stopping are sent again.
        /// </summary>
        public async Task<IReadOnlyList<DcsBatchStopResult>> BatchStopAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0 || ids.Count > MaxBatch) throw new ArgumentOutOfRangeException(nameof(ids), ids.Count, "A batch stop takes 1 to 50 ids.");
            foreach (var id in ids) InputValidation.DcsTaskId(id);
            var outcomes = await StopSender<DcsBatchStopResult>("the batch stop", async (pending, ct) =>
            {
                var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Post, "v2", ProjectId, "migration-task", "batch-stop")
                {
                    JsonBody = new JObject { ["migration_tasks"] = new JArray(pending.Cast<object>().ToArray()) }.ToString(Newtonsoft.Json.Formatting.None),
                    Idempotent = false,
                    ResultType = typeof(DcsBatchStopAnswer),
                };
                var answer = ApiTransport.ReadAction<DcsBatchStopAnswer>(await SendAsync(request, ct).ConfigureAwait(false)) ?? new DcsBatchStopAnswer();
                var rows = new Dictionary<string, DcsBatchStopResult>(StringComparer.Ordinal);
                foreach (var r in answer.MigrationTasks ?? new List<DcsBatchStopResult>())
                {
                    if (r.TaskId != null && pending.Contains(r.TaskId) && !rows.ContainsKey(r.TaskId)) rows[r.TaskId] = r;
                }
                return rows;
            }, (id, _) => new DcsBatchStopResult { TaskId = id, Result = "success" }).SendAsync(ids, cancellationToken).ConfigureAwait(false);

            var results = new Dictionary<string, DcsBatchStopResult>(StringComparer.Ordinal);
            foreach (var kv in outcomes)
            {
                results[kv.Key] = kv.Value.Error is null
                    ? kv.Value.Result!
                    : new DcsBatchStopResult { TaskId = kv.Key, Result = "failed", Failure = kv.Value.Error };
            }
            await ExplainFailuresAsync(results.Values.Where(r => !r.Succeeded && r.ErrorCode is null && r.Failure is null).ToList(), cancellationToken).ConfigureAwait(false);
            return ids.Select(id => results.TryGetValue(id, out var r) ? r : new DcsBatchStopResult
            {
                TaskId = id,
                Result = "failed",
                ErrorMsg = "The batch stop answer did not mention this task.",
            }).ToList();
        }

        /// <summary>
        /// Older releases answer a failed row with no code: the tasks are read so the failure says why — gone is
        /// DCS.4133 (not found), a status that cannot be stopped is DCS.4957 naming it. A read that fails leaves the
        /// row as it was.
        /// </summary>
        private async Task ExplainFailuresAsync(IReadOnlyList<DcsBatchStopResult> unexplained, CancellationToken cancellationToken)
        {
            if (unexplained.Count == 0) return;
            var read = await CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(unexplained.Select(r => r.TaskId).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var row in unexplained)
            {
                if (read.Found.TryGetValue(row.TaskId, out var task))
                {
                    row.ErrorCode = "DCS.4957";
                    row.ErrorMsg = "The migration task cannot be stopped while it is " + (task.RawStatus ?? "in its current status") + ".";
                }
                else if (read.Gone.Contains(row.TaskId))
                {
                    row.ErrorCode = "DCS.4133";
                    row.ErrorMsg = "The migration task does not exist.";
                }
            }
        }

        /// <summary>Reads many tasks' states at once: per-id GETs or the paged listing, whichever costs fewer requests.</summary>
        /// <param name="maxConcurrentGets">How many single-task GETs may be in flight at once.</param>
        /// <param name="missesBeforeConfirm">1 for a one-off read that must account for every task; 2 while polling.</param>
        /// <param name="readEachOnly">Always one GET per task: for what only the show answer carries (task_status).</param>
        internal TaskRefresher<DcsMigrationTask> CreateRefresher(int maxConcurrentGets = 8, int missesBeforeConfirm = 2, bool readEachOnly = false) =>
            new TaskRefresher<DcsMigrationTask>(
                GetTaskAsync,
                async (offset, limit, ct) =>
                {
                    var page = await ListTasksPageAsync(new DcsTaskFilter(), offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.MigrationTasks);
                },
                t => t.TaskId,
                MaxPageSize,
                maxConcurrentGets,
                missesBeforeConfirm,
                ListConcurrency,
                _log)
            { ReadEachOnly = readEachOnly };

        private async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken)
        {
            request.ResultType = typeof(T);
            return ApiTransport.Read<T>(await SendAsync(request, cancellationToken).ConfigureAwait(false), Service);
        }

        private Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            request.Scope = AuthScope.Project;
            request.Timeout ??= _context.RequestTimeout;
            return ApiTransport.Shared.SendAsync(request, Auth.ApiCredential.Of(_context), _context.DomainId, ProjectId, _log, cancellationToken);
        }
    }
}
