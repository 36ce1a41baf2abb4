using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>What to list of the source servers: the API's filters plus the module's exact or wildcard name test.</summary>
    public sealed class SmsSourceServerFilter
    {
        /// <summary>Sent as the API's <c>name</c> filter, which matches loosely; <see cref="NameMatch"/> decides.</summary>
        public string? NameQuery { get; set; }

        /// <summary>The exact or wildcard name test applied to every server the API returns.</summary>
        public Func<string?, bool>? NameMatch { get; set; }

        /// <summary>States to keep (unavailable, waiting, replicate, …); empty for all. One listing per state.</summary>
        public IReadOnlyList<string> States { get; set; } = Array.Empty<string>();

        public bool? Connected { get; set; }
        public string? EnterpriseProjectId { get; set; }

        /// <summary>Only servers of this migration project (the API's <c>migproject</c>).</summary>
        public string? MigrationProjectId { get; set; }

        /// <summary>Only the server with this IP address (the API's <c>ip</c>).</summary>
        public string? IpAddress { get; set; }

        /// <summary>Only servers at this stage (the API's <c>migration_cycle</c>: checking, setting, replicating, syncing, cutovering, cutovered).</summary>
        public string? MigrationCycle { get; set; }
    }

    /// <summary>One page of <c>GET /v3/sources</c>.</summary>
    public sealed class SmsSourceServerPage
    {
        public long Count { get; set; }
        public IList<SmsSourceServer> SourceServers { get; set; } = new List<SmsSourceServer>();
    }

    public sealed partial class SmsClient
    {
        /// <summary><c>GET /v3/sources</c>: one page.</summary>
        public async Task<SmsSourceServerPage> ListSourceServersPageAsync(string? state, SmsSourceServerFilter filter, long offset, int limit, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "sources")
                .AddQuery("state", state)
                .AddQuery("name", string.IsNullOrEmpty(filter.NameQuery) ? null : filter.NameQuery)
                .AddQuery("connected", filter.Connected.HasValue ? (filter.Connected.Value ? "true" : "false") : null)
                .AddQuery("enterprise_project_id", filter.EnterpriseProjectId)
                .AddQuery("migproject", filter.MigrationProjectId)
                // The API filters IPv4 and IPv6 addresses with separate parameters.
                .AddQuery(filter.IpAddress?.IndexOf(':') >= 0 ? "ipv6" : "ip", filter.IpAddress)
                .AddQuery("migration_cycle", filter.MigrationCycle)
                .AddQuery("limit", limit)
                .AddQuery("offset", offset);
            var page = await SendAsync<SmsSourceServerPage>(request, cancellationToken).ConfigureAwait(false);
            page.SourceServers ??= new List<SmsSourceServer>();
            return page;
        }

        /// <summary>Lists source servers lazily, page by page (stopping the enumeration stops the paging).</summary>
        public IEnumerable<SmsSourceServer> EnumerateSourceServers(SmsSourceServerFilter filter, PagingRequest paging, CancellationToken cancellationToken)
        {
            var states = filter.States.Count == 0 ? new string?[] { null } : filter.States.Distinct(StringComparer.Ordinal).Select(x => (string?)x).ToArray();
            var clientSide = filter.NameMatch != null || states.Length > 1;
            var all = PagedAcross(states, filter, clientSide ? 0 : paging.Skip, clientSide ? null : paging.First, paging, clientSide, cancellationToken);
            return clientSide ? paging.ApplyHere(all, filter.NameMatch is { } match ? s => match(s.Name) : (Func<SmsSourceServer, bool>?)null) : all;
        }

        private IEnumerable<SmsSourceServer> PagedAcross(string?[] states, SmsSourceServerFilter filter, long skip, long? first, PagingRequest paging, bool clientSide, CancellationToken cancellationToken)
        {
            long total = 0;
            var reported = 0;
            foreach (var state in states)
            {
                foreach (var server in PageReader<SmsSourceServer>.ReadAll(
                    async (offset, limit, ct) =>
                    {
                        var page = await ListSourceServersPageAsync(state, filter, offset, limit, ct).ConfigureAwait(false);
                        return (page.Count, page.SourceServers);
                    },
                    s => s.Id ?? string.Empty, skip, first, MaxPageSize, ListConcurrency,
                    count =>
                    {
                        total += count;
                        if (++reported == states.Length) paging.OnTotalCount?.Invoke(total, clientSide ? 0.5 : 1.0);
                    },
                    _log, cancellationToken, "SMS source servers"))
                {
                    yield return server;
                }
            }
        }

        /// <summary><c>GET /v3/sources/{id}</c>: one server with its disks, networks and volume groups.</summary>
        public Task<SmsSourceServer> GetSourceServerAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.SmsSourceServerId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "sources", id);
            return SendAsync<SmsSourceServer>(request, cancellationToken);
        }
    }
}
