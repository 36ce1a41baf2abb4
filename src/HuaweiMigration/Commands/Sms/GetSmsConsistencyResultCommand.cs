using System;
using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Gets the consistency check results of SMS tasks.</para>
    /// <para type="description">Reads GET /v3/tasks/{id}/consistency-result for each task and writes one object per task: its TaskId, the ResultList the service keeps (one text per check; a task created with -ConsistencyCheck checks its directories after replication), and Checks, those texts that are JSON read: FinishedTime, CheckResult and, per directory, how many files differ, are missing or are extra on the target. An unknown id is a non-terminating ObjectNotFound error; other failures name the task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">The results of one task</para>
    /// <code>
    /// Get-SmsConsistencyResult -Id 0b1c2d3e-0000-4000-8000-000000000001 | Select-Object -ExpandProperty Checks | Select-Object -ExpandProperty ConsistencyResult
    /// </code>
    /// <para>One line per directory checked: how many files differ, are missing or are extra.</para>
    /// </example>
    /// <example>
    /// <para type="title">Every finished task</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_SUCCESS | Get-SmsConsistencyResult
    /// </code>
    /// <para>Pipes tasks in by their Id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsConsistencyResult")]
    [OutputType(typeof(SmsConsistencyResult))]
    public sealed class GetSmsConsistencyResultCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with an Id or TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                this.ForSmsTask(id, () => WriteObject(Await(Sms.GetConsistencyResultAsync(id, CancellationToken))));
            }
        }
    }
}
