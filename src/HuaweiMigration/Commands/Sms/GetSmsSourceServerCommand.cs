using System;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Gets the servers SMS agents run on (source servers).</para>
    /// <para type="description">Lists source servers page by page (GET /v3/sources), writing each as it arrives, or gets them by -Id (GET /v3/sources/{id}) with their disks, networks and volume groups. Filters: -Name (wildcards, any of several), -State, -Connected, -EnterpriseProjectId, -MigrationProjectId, -IPAddress and -MigrationCycle (sent to the API as migproject, ip and migration_cycle); -First, -Skip and -IncludeTotalCount page. A source server piped into Get-SmsTask lists that server's tasks. An unknown id is a non-terminating ObjectNotFound error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Find the agents that are offline</para>
    /// <code>
    /// Get-SmsSourceServer -Connected $false | Select-Object Name, Ip, LastVisitTime
    /// </code>
    /// <para>Lists every source server whose agent is not connected, with when it was last seen.</para>
    /// </example>
    /// <example>
    /// <para type="title">The tasks of some servers</para>
    /// <code>
    /// Get-SmsSourceServer -Name 'db-*', 'web-*' | Get-SmsTask
    /// </code>
    /// <para>Pipes each matching server into Get-SmsTask, which lists that server's tasks.</para>
    /// </example>
    /// <example>
    /// <para type="title">The servers of one wave, ready for their tasks</para>
    /// <code>
    /// Get-SmsSourceServer -MigrationProjectId 6f1e0000000040008000000000000001 -MigrationCycle checking -Connected $true
    /// </code>
    /// <para>Lists the connected servers of the migration project that have no task yet (still being checked).</para>
    /// </example>
    /// <example>
    /// <para type="title">Find a server by its address</para>
    /// <code>
    /// Get-SmsSourceServer -IPAddress 192.168.10.21
    /// </code>
    /// <para>Asks the API for the server with that IP address.</para>
    /// </example>
    /// <example>
    /// <para type="title">One server in full</para>
    /// <code>
    /// Get-SmsSourceServer -Id 2f6b0000-0000-4000-8000-000000000001 | Format-List *
    /// </code>
    /// <para>Shows the server with its disks, networks, volume groups and current task.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsSourceServer", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(SmsSourceServer))]
    public sealed class GetSmsSourceServerCommand : HuaweiCloudApiCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        /// <summary><para type="description">Ids of the source servers to get in full.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsSourceServerIdCompleter))]
        [Alias("SourceServerId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Only servers with one of these names; wildcards are allowed. Not case-sensitive.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateNamePattern]
        [ArgumentCompleter(typeof(Completion.SmsSourceServerNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary><para type="description">Only servers in these states (unavailable, waiting, initialize, replicate, syncing, stopping, stopped, skipping, deleting, clearing, cleared, clearfailed, premigready, premiged, premigfailed, cloning, cutovering, finished, error).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [ValidateSet("unavailable", "waiting", "initialize", "replicate", "syncing", "stopping", "stopped", "skipping", "deleting", "clearing",
            "cleared", "clearfailed", "premigready", "premiged", "premigfailed", "cloning", "cutovering", "finished", "error")]
        public string[]? State { get; set; }

        /// <summary><para type="description">Only servers whose agent is (true) or is not (false) connected.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        public bool Connected { get; set; }

        /// <summary><para type="description">Only servers of this enterprise project.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("enterprise project id")]
        public string? EnterpriseProjectId { get; set; }

        /// <summary><para type="description">Only servers of this migration project (its id, as Get-SmsMigrationProject writes it).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("migration project id", 64)]
        [ArgumentCompleter(typeof(Completion.SmsMigrationProjectIdCompleter))]
        public string? MigrationProjectId { get; set; }

        /// <summary><para type="description">Only the server with this IP address (IPv4 or IPv6).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateIPAddress]
        [Alias("Ip")]
        public string? IPAddress { get; set; }

        /// <summary><para type="description">Only servers at this stage of their migration: checking, setting, replicating, syncing, cutovering or cutovered.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("checking", "setting", "replicating", "syncing", "cutovering", "cutovered")]
        public string? MigrationCycle { get; set; }

        private SmsClient? _client;

        private SmsClient Client => _client ??= new SmsClient(CurrentContext, Log);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                WriteEachById(Id, "InvalidSmsSourceServerId", "SMS source server", id => Client.GetSourceServerAsync(id, CancellationToken));
                return;
            }
            var (query, match) = NameFilter.Resolve(Name);
            var filter = new SmsSourceServerFilter
            {
                NameQuery = query,
                NameMatch = match,
                // ValidateSet matches case-insensitively; the API wants its own lowercase words.
                States = Array.ConvertAll(State ?? Array.Empty<string>(), s => s.ToLowerInvariant()),
                Connected = MyInvocation.BoundParameters.ContainsKey(nameof(Connected)) ? Connected : (bool?)null,
                EnterpriseProjectId = EnterpriseProjectId,
                MigrationProjectId = MigrationProjectId,
                IpAddress = IPAddress,
                MigrationCycle = MigrationCycle?.ToLowerInvariant(),
            };
            var paging = Paging();
            WriteListing(() => Client.EnumerateSourceServers(filter, paging, CancellationToken), "InvalidSmsSourceServerFilter");
        }
    }
}
