using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Actions;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>What to list: the API's own filters plus what the module resolves itself.</summary>
    public sealed class SmsTaskFilter
    {
        /// <summary>States to keep; empty for all. The API takes one state per listing, so each is listed in turn.</summary>
        public IReadOnlyList<SmsTaskState> States { get; set; } = Array.Empty<SmsTaskState>();

        /// <summary>Sent as the API's <c>name</c> filter, which matches loosely; <see cref="NameMatch"/> decides.</summary>
        public string? NameQuery { get; set; }

        /// <summary>The exact or wildcard name test applied to every task the API returns.</summary>
        public Func<string?, bool>? NameMatch { get; set; }

        public string? SourceServerId { get; set; }

        /// <summary>One task id (the API's exact <c>id</c> filter).</summary>
        public string? Id { get; set; }
        public string? EnterpriseProjectId { get; set; }
    }

    /// <summary>Paging asked for by the caller (<c>-Skip</c>, <c>-First</c>, <c>-IncludeTotalCount</c>).</summary>
    public sealed class PagingRequest
    {
        public long Skip { get; set; }
        public long? First { get; set; }

        /// <summary>Called once with the total number of matches and its accuracy (1.0 exact; below 1.0 an upper bound).</summary>
        public Action<long, double>? OnTotalCount { get; set; }

        /// <summary>
        /// -Skip and -First applied by the client, after its own filter (<paramref name="match"/>, if any): for a listing
        /// the client filters or merges, whose pages were read from the start (offset 0, no limit).
        /// </summary>
        internal IEnumerable<T> ApplyHere<T>(IEnumerable<T> all, Func<T, bool>? match = null)
        {
            if (match != null) all = all.Where(match);
            if (Skip > 0) all = all.Skip(checked((int)Math.Min(Skip, int.MaxValue)));
            if (First.HasValue) all = all.Take(checked((int)Math.Min(First.Value, int.MaxValue)));
            return all;
        }
    }

    /// <summary>One page of <c>GET /v3/tasks</c>.</summary>
    public sealed class SmsTaskPage
    {
        public long Count { get; set; }
        public IList<SmsTask> Tasks { get; set; } = new List<SmsTask>();
    }

    /// <summary>Server Migration Service v3: an account-level service, so no project id in its paths.</summary>
    public sealed partial class SmsClient
    {
        internal const string Service = "SMS";

        /// <summary>The API's largest page.</summary>
        public const int MaxPageSize = 200;

        private readonly HuaweiCloudContext _context;

        /// <summary>The connection this client uses.</summary>
        internal HuaweiCloudContext Context => _context;
        private readonly IApiLog _log;

        public SmsClient(HuaweiCloudContext context, IApiLog? log = null)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _log = log ?? NullLog.Instance;
        }

        /// <summary><c>GET /v3/tasks</c>: one page.</summary>
        public async Task<SmsTaskPage> ListTasksPageAsync(SmsTaskState? state, SmsTaskFilter filter, long offset, int limit, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "tasks")
                .AddQuery("state", state?.ToString())
                .AddQuery("name", string.IsNullOrEmpty(filter.NameQuery) ? null : filter.NameQuery)
                .AddQuery("id", filter.Id)
                .AddQuery("source_server_id", filter.SourceServerId)
                .AddQuery("enterprise_project_id", filter.EnterpriseProjectId)
                .AddQuery("limit", limit)
                .AddQuery("offset", offset);
            var page = await SendAsync<SmsTaskPage>(request, cancellationToken).ConfigureAwait(false);
            page.Tasks ??= new List<SmsTask>();
            return page;
        }

        /// <summary>
        /// Lists tasks lazily, one page at a time: each page is requested only when the caller has consumed the one
        /// before, so stopping the enumeration stops the paging. Several states are listed one after another;
        /// name filtering is exact or by wildcard here, as the API matches names only loosely.
        /// </summary>
        public IEnumerable<SmsTask> EnumerateTasks(SmsTaskFilter filter, PagingRequest paging, CancellationToken cancellationToken)
        {
            var states = filter.States.Count == 0
                ? new SmsTaskState?[] { null }
                : filter.States.Distinct().Select(s => (SmsTaskState?)s).ToArray();
            var clientSide = filter.NameMatch != null;

            // One listing with no client-side filter: -Skip and -First map straight onto offset and limit.
            if (states.Length == 1 && !clientSide)
            {
                return ListPages(states[0], filter, paging.Skip, paging.First, count => paging.OnTotalCount?.Invoke(count, 1.0), cancellationToken);
            }

            long total = 0;
            var reported = 0;
            void Add(long count)
            {
                total += count;
                if (++reported == states.Length) paging.OnTotalCount?.Invoke(total, clientSide ? 0.5 : 1.0);
            }
            return paging.ApplyHere(states.SelectMany(s => ListPages(s, filter, 0, null, Add, cancellationToken)), clientSide ? t => filter.NameMatch!(t.Name) : (Func<SmsTask, bool>?)null);
        }

        /// <summary>How many list pages may be in flight at once after the first (default 8).</summary>
        public int ListConcurrency { get; set; } = 8;

        private IEnumerable<SmsTask> ListPages(SmsTaskState? state, SmsTaskFilter filter, long skip, long? first, Action<long> onCount, CancellationToken cancellationToken) =>
            PageReader<SmsTask>.ReadAll(
                async (offset, limit, ct) =>
                {
                    var page = await ListTasksPageAsync(state, filter, offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.Tasks);
                },
                // A state-filtered list is the one a pipeline shrinks as it acts on it: one page at a time, at estimated offsets.
                t => t.Id, skip, first, MaxPageSize, state.HasValue ? 1 : ListConcurrency, onCount, _log, cancellationToken, "SMS tasks");

        /// <summary><c>GET /v3/tasks/{id}</c>: one task with its sub-tasks and servers.</summary>
        public async Task<SmsTask> GetTaskAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "tasks", id);
            return await SendAsync<SmsTask>(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The list-row fields for one command that reads tasks by id (see <see cref="SmsListRows"/>).</summary>
        public SmsListRows CreateListRows() => new SmsListRows(this);

        /// <summary>
        /// One task in full, for a reader who asked for it by id: <c>GET /v3/tasks/{id}</c> and, at the same time, the
        /// fields only its list row has (ListTasks' TasksResponseBody has special_config, log_collect_status and
        /// syncing; ShowTaskResponse has not), from <paramref name="rows"/>. A row that cannot be read costs only those
        /// fields, never the task.
        /// </summary>
        public async Task<SmsTask> GetTaskDetailAsync(string id, SmsListRows rows, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            var show = GetTaskAsync(id, cancellationToken);
            var row = rows.RowAsync(id, cancellationToken);
            var task = await show.ConfigureAwait(false);
            try
            {
                var listed = await row.ConfigureAwait(false);
                if (listed != null)
                {
                    task.SpecialConfig = listed.SpecialConfig;
                    task.LogCollectStatus ??= listed.LogCollectStatus;
                    task.Syncing ??= listed.Syncing;
                }
            }
            catch (HuaweiCloudApiException ex)
            {
                _log.Verbose("SMS: the list row of task " + id + " could not be read (" + ex.Message + "); its special config is not shown.");
            }
            return task;
        }

        /// <summary>
        /// <c>POST /v3/tasks/{id}/action</c> with the action's body. An action is never sent twice once it took
        /// effect (<see cref="ActionSender{TObject, TResult}"/>): after an answer that leaves this open the task is
        /// read, and the action is sent again only when the descriptor can tell from it that it did not happen.
        /// </summary>
        public Task ActionAsync(string id, Engine.TaskAction<SmsTask> action, SmsActionOptions? options, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            if (action.NeedsTemplate && string.IsNullOrEmpty(options?.TemplateId))
            {
                throw new ArgumentException("The '" + action.Name + "' action needs a template id (-TemplateId).", "templateId");
            }
            var body = SmsActions.Body(action, options);
            return SendActionAsync(id, "'" + action.Name + "'", () => new ApiRequest(Service, _context.SmsEndpoint, Method.Post, "v3", "tasks", id, "action") { JsonBody = body },
                action.TookEffect, cancellationToken);
        }

        /// <summary>Resumes a paused task or restarts a failed one.</summary>
        public Task StartAsync(string id, CancellationToken cancellationToken) => ActionAsync(id, SmsActions.Start, null, cancellationToken);

        /// <summary>Pauses a running or syncing task (it goes ABORTING, then ABORT).</summary>
        public Task StopAsync(string id, CancellationToken cancellationToken) => ActionAsync(id, SmsActions.Stop, null, cancellationToken);

        /// <summary><c>DELETE /v3/tasks/{id}</c>; sent again after an unclear failure only if the task is still there.</summary>
        public Task DeleteAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            return SendActionAsync(id, "the deletion", () => new ApiRequest(Service, _context.SmsEndpoint, Method.Delete, "v3", "tasks", id),
                SmsActions.Delete.TookEffect, cancellationToken);
        }

        /// <summary>The most ids one batch deletion takes.</summary>
        public const int MaxBatchDelete = 50;

        /// <summary>
        /// Deletes up to 50 tasks with one <c>POST /v3/tasks/delete</c>; each task gets its own outcome (null: deleted,
        /// or the failure). The API deletes a batch whole or not at all, so a batch it refuses (one task started
        /// meanwhile, say) is deleted one task at a time, and only the tasks that are really in the way fail.
        /// </summary>
        public Task<IReadOnlyDictionary<string, HuaweiCloudApiException?>> DeleteManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            foreach (var id in ids) InputValidation.SmsTaskId(id);
            return DeleteBatchAsync<SmsTask>(ids, "tasks", DeleteAsync, new[] { "v3", "tasks", "delete" },
                (pending, ct) => CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(pending, ct), SmsActions.Delete.TookEffect, t => t.RawState, cancellationToken);
        }

        private static async Task<HuaweiCloudApiException?> OutcomeOf(Task action)
        {
            try
            {
                await action.ConfigureAwait(false);
                return null;
            }
            catch (HuaweiCloudApiException ex)
            {
                return ex;
            }
        }

        private Task SendActionAsync(string id, string what, Func<ApiRequest> build, Func<SmsTask?, bool?> tookEffect, CancellationToken cancellationToken) =>
            SendWriteAsync(id, what, build, (ids, ct) => CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(ids, ct), tookEffect, t => t.RawState, cancellationToken);

        /// <summary>Reads many tasks' states at once: per-id GETs or the paged listing, whichever costs fewer requests.</summary>
        /// <param name="maxConcurrentGets">How many single-task GETs may be in flight at once.</param>
        /// <param name="missesBeforeConfirm">1 for a one-off read that must account for every task; 2 while polling.</param>
        internal TaskRefresher<SmsTask> CreateRefresher(int maxConcurrentGets = 8, int missesBeforeConfirm = 2) =>
            new TaskRefresher<SmsTask>(
                GetTaskAsync,
                async (offset, limit, ct) =>
                {
                    var page = await ListTasksPageAsync(null, new SmsTaskFilter(), offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.Tasks);
                },
                t => t.Id,
                MaxPageSize,
                maxConcurrentGets,
                missesBeforeConfirm,
                ListConcurrency,
                _log);

        private async Task<T> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken)
        {
            request.ResultType = typeof(T);
            return ApiTransport.Read<T>(await SendAsync(request, cancellationToken).ConfigureAwait(false), Service);
        }

        private Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            request.Scope = AuthScope.Domain;
            request.Timeout ??= _context.RequestTimeout;
            return ApiTransport.Shared.SendAsync(request, Auth.ApiCredential.Of(_context), _context.DomainId, _context.ProjectId, _log, cancellationToken);
        }
    }
}
