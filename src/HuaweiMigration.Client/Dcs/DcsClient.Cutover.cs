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
    /// <summary>One page of <c>GET /v2/{project_id}/migration-task/{task_id}/logs</c> (ListMigrationTaskLogsResponse).</summary>
    public sealed class DcsLogPage
    {
        public long LogNum { get; set; }
        public IList<DcsMigrationLogEntry> MigrationLogs { get; set; } = new List<DcsMigrationLogEntry>();
    }

    /// <summary>The cutover of a Redis migration: switching the instances' IPs, rolling them back, and the task's log.</summary>
    public sealed partial class DcsClient
    {
        /// <summary>The sub-status a task shows while its IPs are being switched or rolled back.</summary>
        public const string Exchanging = "EXCHANGING";

        /// <summary>The largest page of a task's log the module asks for.</summary>
        public const int MaxLogPageSize = 100;

        /// <summary>Whether the task is switching (or rolling back) its IPs now.</summary>
        public static bool IsExchanging(DcsMigrationTask? task) =>
            task != null && (string.Equals(task.TaskStatus, Exchanging, StringComparison.OrdinalIgnoreCase)
                || string.Equals(task.SourceInstance?.TaskStatus, Exchanging, StringComparison.OrdinalIgnoreCase)
                || string.Equals(task.TargetInstance?.TaskStatus, Exchanging, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Why the task's IPs cannot be switched now, or null when they can. The API switches "during incremental data
        /// migration" (the user guide also: after an online migration is complete); not while a switch or roll-back
        /// runs. The user guide's console limits switching to two DCS instances; the API states no such limit, so a
        /// self-built source is left for the service to judge (its refusal is reported with its code).
        /// </summary>
        public static string? WhyNoSwitch(DcsMigrationTask task)
        {
            var name = DcsTaskService.DescribeTask(task.TaskId, task);
            if (IsExchanging(task)) return name + " is already switching IP addresses (task_status EXCHANGING).";
            if (task.Status != DcsMigrationTaskStatus.INCRMIGEATING && task.Status != DcsMigrationTaskStatus.SUCCESS && task.Status != DcsMigrationTaskStatus.MIGRATION_SUCCESS)
            {
                return name + " cannot switch IP addresses while it is " + (task.RawStatus ?? "in an unknown status")
                    + ": IPs are switched during an incremental migration (INCRMIGEATING) or after a successful one.";
            }
            if (!string.Equals(task.MigrationType, "online_migration", StringComparison.OrdinalIgnoreCase))
            {
                return name + " is a " + (task.MigrationType ?? "non-online") + " task: only online migrations can switch IP addresses.";
            }
            if (ExchangedIps(task).Count < 2) return name + " does not show the IP addresses of both its instances, so there is nothing to switch.";
            return null;
        }

        /// <summary>Why the task's IPs cannot be rolled back now (the service itself refuses when nothing was switched), or null.</summary>
        public static string? WhyNoRollback(DcsMigrationTask task) =>
            IsExchanging(task) ? DcsTaskService.DescribeTask(task.TaskId, task) + " is switching IP addresses now (task_status EXCHANGING); roll back once it is done." : null;

        /// <summary>
        /// <c>exchanged_ip</c>: the IP addresses the switch swaps — the source instance's and the target instance's
        /// (their <c>ip</c>, else the host part of <c>addrs</c>), each once.
        /// </summary>
        public static IReadOnlyList<string> ExchangedIps(DcsMigrationTask task) =>
            new[] { task.SourceInstance, task.TargetInstance }
                .Select(i => !string.IsNullOrEmpty(i?.Ip) ? i!.Ip : HostOf(i?.Addrs))
                .Where(ip => !string.IsNullOrEmpty(ip))
                .Select(ip => ip!)
                .Distinct(StringComparer.Ordinal)
                .ToList();

        private static string? HostOf(string? addrs)
        {
            if (string.IsNullOrEmpty(addrs)) return null;
            var first = addrs!.Split(',')[0].Trim();
            var colon = first.LastIndexOf(':');
            return colon > 0 ? first.Substring(0, colon) : first;
        }

        /// <summary>
        /// <c>POST /v2/{project_id}/migration-task/{task_id}/exchange-ip</c> <c>{exchanged_ip, is_exchange_domain}</c>:
        /// reads the task first (the body is built from its instances), refuses (InvalidOperation, nothing sent) a task
        /// in no state to switch. Never sent twice once it took effect: after an open outcome the task is read, and a
        /// switch shows as EXCHANGING or as the source's IP changed.
        /// </summary>
        public async Task<DcsMigrationTask> ExchangeIpAsync(string id, bool exchangeDomain, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            var task = await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
            var why = WhyNoSwitch(task);
            if (why != null) throw new HuaweiCloudApiException(why, ApiErrorKind.InvalidOperation, service: Service);
            var sourceIp = task.SourceInstance?.Ip ?? HostOf(task.SourceInstance?.Addrs);
            var body = new JObject
            {
                ["exchanged_ip"] = new JArray(ExchangedIps(task).Cast<object>().ToArray()),
                ["is_exchange_domain"] = exchangeDomain,
            }.ToString(Newtonsoft.Json.Formatting.None);
            await WriteOnceAsync(id, "the IP switch", "exchange-ip", body,
                SwitchSeen(sourceIp),
                cancellationToken).ConfigureAwait(false);
            return task;
        }

        /// <summary>
        /// <c>POST /v2/{project_id}/migration-task/{task_id}/rollback-ip</c> (no body): switches the IPs back. The task is
        /// read first; one that is switching now is refused (InvalidOperation, nothing sent). After an open outcome the
        /// roll-back is never sent again (<see cref="SwitchSeen"/>).
        /// </summary>
        public async Task<DcsMigrationTask> RollbackIpAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            var task = await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
            var why = WhyNoRollback(task);
            if (why != null) throw new HuaweiCloudApiException(why, ApiErrorKind.InvalidOperation, service: Service);
            var sourceIp = task.SourceInstance?.Ip ?? HostOf(task.SourceInstance?.Addrs);
            await WriteOnceAsync(id, "the IP roll-back", "rollback-ip", null,
                SwitchSeen(sourceIp),
                cancellationToken).ConfigureAwait(false);
            return task;
        }

        /// <summary>
        /// Whether a switch or roll-back took effect: yes once the task is EXCHANGING or its source IP changed; otherwise
        /// not known, never "no" — a service slow to show the switch would otherwise get a second one, which swaps the IPs
        /// back. So a lost answer is reported as an unknown outcome, and the call is never sent twice.
        /// </summary>
        private static Func<DcsMigrationTask?, bool?> SwitchSeen(string? sourceIp) =>
            t => t != null && (IsExchanging(t) || !string.Equals(t.SourceInstance?.Ip ?? HostOf(t.SourceInstance?.Addrs), sourceIp, StringComparison.Ordinal)) ? true : (bool?)null;

        private Task<bool> WriteOnceAsync(string id, string what, string operation, string? body, Func<DcsMigrationTask?, bool?> tookEffect, CancellationToken cancellationToken) =>
            new ActionSender<DcsMigrationTask, bool>(
                Service, what,
                async (ids, ct) =>
                {
                    var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Post, "v2", ProjectId, "migration-task", id, operation) { Idempotent = false };
                    if (body != null) request.JsonBody = body;
                    await SendAsync(request, ct).ConfigureAwait(false);
                    return new Dictionary<string, bool> { [id] = true };
                },
                (ids, ct) => CreateRefresher(missesBeforeConfirm: 1).RefreshAsync(ids, ct),
                tookEffect,
                (_, __) => true,
                t => t.TaskStatus ?? t.RawStatus,
                RetryPolicy.Default,
                _log).SendOneAsync(id, cancellationToken);

        /// <summary><c>GET /v2/{project_id}/migration-task/{task_id}/logs</c>: one page (offset in entries).</summary>
        public async Task<DcsLogPage> ListLogsPageAsync(string id, string? level, long offset, int limit, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Get, "v2", ProjectId, "migration-task", id, "logs")
                .AddQuery("offset", offset)
                .AddQuery("limit", limit)
                .AddQuery("log_level", string.IsNullOrEmpty(level) ? null : level);
            var page = await SendAsync<DcsLogPage>(request, cancellationToken).ConfigureAwait(false);
            page.MigrationLogs ??= new List<DcsMigrationLogEntry>();
            foreach (var entry in page.MigrationLogs) entry.TaskId = id;
            return page;
        }

        /// <summary>A task's log, lazily, page by page (never trusting <c>log_num</c> alone), with -Skip/-First.</summary>
        public IEnumerable<DcsMigrationLogEntry> EnumerateLogs(string id, string? level, Sms.PagingRequest paging, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            return PageReader<DcsMigrationLogEntry>.ReadAll(
                async (offset, limit, ct) =>
                {
                    var page = await ListLogsPageAsync(id, level, offset, limit, ct).ConfigureAwait(false);
                    return (page.LogNum, page.MigrationLogs);
                },
                e => (e.CreatedAt?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?") + "|" + e.Code + "|" + e.Message + "|" + string.Join(",", e.Keywords),
                paging.Skip, paging.First, MaxLogPageSize, ListConcurrency,
                count => paging.OnTotalCount?.Invoke(count, 1.0),
                _log, cancellationToken, "DCS migration log entries");
        }
    }
}
