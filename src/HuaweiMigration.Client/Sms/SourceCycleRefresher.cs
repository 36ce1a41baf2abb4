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
    /// Reads tasks as the task refresher does, then their source servers' <c>migration_cycle</c>, which task list rows
    /// do not carry (a test launch shows only there): the source servers are read at the same bounded cost — one GET
    /// each for a few, the source-server listing page by page for many.
    /// </summary>
    internal sealed class SourceCycleRefresher : ITaskRefresher<SmsTask>
    {
        private readonly ITaskRefresher<SmsTask> _tasks;
        private readonly TaskRefresher<SmsSourceServer> _sources;

        public SourceCycleRefresher(ITaskRefresher<SmsTask> tasks, SmsClient client, int throttle)
        {
            _tasks = tasks;
            _sources = new TaskRefresher<SmsSourceServer>(
                client.GetSourceServerAsync,
                async (offset, limit, ct) =>
                {
                    var page = await client.ListSourceServersPageAsync(null, new SmsSourceServerFilter(), offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.SourceServers);
                },
                s => s.Id ?? string.Empty,
                SmsClient.MaxPageSize,
                throttle,
                missesBeforeConfirm: 1,
                listConcurrency: client.ListConcurrency);
        }

        public async Task<RefreshResult<SmsTask>> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            var result = await _tasks.RefreshAsync(ids, cancellationToken).ConfigureAwait(false);
            var wanted = result.Found.Values.Where(t => !string.IsNullOrEmpty(t.SourceServer?.Id) && t.SourceServer!.MigrationCycle is null)
                .Select(t => t.SourceServer!.Id!).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count == 0) return result;
            // A source server that cannot be read leaves its task as it is: its wait goes on by the state alone.
            var sources = await _sources.RefreshAsync(wanted, cancellationToken).ConfigureAwait(false);
            foreach (var task in result.Found.Values)
            {
                if (task.SourceServer?.Id is { } sourceId && sources.Found.TryGetValue(sourceId, out var source))
                {
                    task.SourceServer.MigrationCycle ??= source.MigrationCycle;
                    task.SourceServer.State ??= source.State;
                }
            }
            return result;
        }
    }
}
