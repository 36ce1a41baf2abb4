using System;
using System.Management.Automation;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Gets the log of DCS migration tasks.</para>
    /// <para type="description">Reads GET /v2/{project_id}/migration-task/{task_id}/logs page by page and writes each entry as it arrives: TaskId, CreatedAt (UTC), Level, Code, Message and Keywords. -Level is sent as log_level, so the service filters. -First, -Skip and -IncludeTotalCount page each task's log. An unknown task is a non-terminating ObjectNotFound error, and the other tasks go on; an entry with a field of the wrong type is an InvalidResult error for that entry alone.</para>
    /// </summary>
    /// <example>
    /// <para type="title">What happened to a migration</para>
    /// <code>
    /// Get-DcsMigrationLog -Id 4f5a6b7c-0000-4000-8000-000000000001
    /// </code>
    /// <para>One row per entry: when, level, code and message.</para>
    /// </example>
    /// <example>
    /// <para type="title">The errors of a wave's migrations</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-wave1-*' | Get-DcsMigrationLog -Level Error
    /// </code>
    /// <para>Asks the service for the error entries of each task.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DcsMigrationLog", SupportsPaging = true)]
    [OutputType(typeof(DcsMigrationLogEntry))]
    public sealed class GetDcsMigrationLogCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with a TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.DcsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Only entries of this level (sent as log_level, for example Info, Warning or Error).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("log level")]
        public string? Level { get; set; }

        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
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
            foreach (var id in Id)
            {
                try
                {
                    Client.InputValidation.DcsTaskId(id);
                }
                catch (ArgumentException ex)
                {
                    WriteError(Internal.ErrorRecords.InvalidArgument(ex, "InvalidDcsTaskId", id));
                    continue;
                }
                if (WantsNone) return;
                var paging = Paging();
                ForItem(id, "InvalidDcsTaskId", () =>
                {
                    foreach (var entry in _dcs!.EnumerateLogs(id, Level, paging, CancellationToken)) WriteObject(entry);
                });
            }
        }
    }
}
