using System;
using System.Management.Automation;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Gets the progress figures of DCS data migrations.</para>
    /// <para type="description">Reads GET /v2/{project_id}/migration-task/{id}/stats for each task: full migration progress, whether data is moving, the replication offset, keys in the source and the target, the target's input rate and operations — as the API reports them (strings), with PercentComplete, SourceKeys and TargetKeys as numbers. An unknown id is a non-terminating ObjectNotFound error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">How far the running migrations are</para>
    /// <code>
    /// Get-DcsMigrationTask -Status MIGRATING, FULLMIGRATING | Get-DcsMigrationProgress
    /// </code>
    /// <para>Writes one progress object per task.</para>
    /// </example>
    /// <example>
    /// <para type="title">Watch one migration</para>
    /// <code>
    /// while ((Get-DcsMigrationProgress -Id $id).IsMigrating) { Get-DcsMigrationProgress -Id $id; Start-Sleep 30 }
    /// </code>
    /// <para>Prints the figures every 30 seconds while data is moving.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "DcsMigrationProgress")]
    [OutputType(typeof(DcsMigrationProgress))]
    public sealed class GetDcsMigrationProgressCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with a TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.DcsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The name of the task piped in (bound from a task's TaskName), written on its progress object. Not for typing: the figures of an id given alone carry no name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? TaskName { get; set; }

        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        private DcsClient? _dcs;
        private bool _idsGiven;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _dcs = CreateDcsClient(ProjectId);
            // Ids given on the command line are not the piped task's: its name must not label their progress.
            _idsGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Id));
        }

        protected override void ProcessRecord()
        {
            // A task piped in brings its name (one id a record); a list of ids typed or piped as strings does not.
            var name = !_idsGiven && Id.Length == 1 && !string.IsNullOrEmpty(TaskName) ? TaskName : null;
            WriteEachById(Id, "InvalidDcsTaskId", "DCS migration task", id => Named(_dcs!.GetProgressAsync(id, CancellationToken), name));
        }

        private static async System.Threading.Tasks.Task<DcsMigrationProgress> Named(System.Threading.Tasks.Task<DcsMigrationProgress> read, string? name)
        {
            var progress = await read.ConfigureAwait(false);
            if (progress != null && name != null) progress.TaskName = name;
            return progress!;
        }
    }
}
