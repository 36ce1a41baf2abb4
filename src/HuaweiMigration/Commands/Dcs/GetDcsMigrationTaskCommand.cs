using System;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Gets Distributed Cache Service (DCS) data-migration tasks.</para>
    /// <para type="description">Lists the data-migration tasks of a project, paging through the API by itself and writing each task as its page arrives; filters by name (exact or with wildcards). With -Id, gets each task; an unknown id is a non-terminating ObjectNotFound error and the other ids go on. The Redis passwords the API returns are never kept on the objects.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Get every data-migration task</para>
    /// <code>
    /// Get-DcsMigrationTask
    /// </code>
    /// <para>Lists the data-migration tasks of the context's project, page by page.</para>
    /// </example>
    /// <example>
    /// <para type="title">Filter by name and page</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-move-*' -First 10
    /// </code>
    /// <para>Gets the first ten tasks whose name starts with redis-move-.</para>
    /// </example>
    /// <example>
    /// <para type="title">Get tasks by id from another project</para>
    /// <code>
    /// Get-DcsMigrationTask -Id 4f5a6b7c-0000-4000-8000-000000000001 -ProjectId 0a1b2c3d4e5f40718293a4b5c6d7e8f9
    /// </code>
    /// <para>An unknown id is a non-terminating ObjectNotFound error (DCS.4133) and the other ids go on.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DcsMigrationTask", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class GetDcsMigrationTaskCommand : HuaweiCloudApiCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        /// <summary><para type="description">Ids of the tasks to get.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.DcsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Only tasks with one of these names; wildcards are allowed. Not case-sensitive.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateNamePattern]
        [ArgumentCompleter(typeof(Completion.DcsTaskNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary><para type="description">Only tasks in these statuses (the API has no status filter; the module applies it).</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        // Every member but Unknown; ModuleSurfaceTests holds this list to the enum.
        [ValidateSet("CREATING", "RUNNING", "MIGRATING", "FULLMIGRATING", "INCRMIGEATING", "TERMINATING", "TERMINATED", "SUCCESS", "FAILED",
            "MIGRATION_SUCCESS", "MIGRATION_FAILED", "ERROR", "DELETED", "RELEASED")]
        public DcsMigrationTaskStatus[]? Status { get; set; }

        /// <summary><para type="description">The project whose tasks to get (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        private DcsClient? _dcs;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _dcs = CreateDcsClient(ProjectId);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                WriteEachById(Id, "InvalidDcsTaskId", "DCS migration task", id => _dcs!.GetTaskAsync(id, CancellationToken), "HuaweiMigration.Models.DcsMigrationTask#Detail");
                return;
            }
            var (query, match) = NameFilter.Resolve(Name);
            var filter = new DcsTaskFilter { NameQuery = query, NameMatch = match, Statuses = Status ?? Array.Empty<DcsMigrationTaskStatus>() };
            var paging = Paging();
            WriteListing(() => _dcs!.EnumerateTasks(filter, paging, CancellationToken), "InvalidDcsTaskFilter");
        }
    }
}
