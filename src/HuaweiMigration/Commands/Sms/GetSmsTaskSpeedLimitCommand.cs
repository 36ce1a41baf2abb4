using System;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Gets the bandwidth schedules of SMS tasks.</para>
    /// <para type="description">Reads GET /v3/tasks/{id}/speed-limit for each task and writes its rules in order of start: from Start to End (times of day) the migration uses at most Speed Mbit/s. A task without a schedule writes nothing. An unknown id is a non-terminating ObjectNotFound error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">The schedule of one task</para>
    /// <code>
    /// Get-SmsTaskSpeedLimit -Id 0b1c2d3e-0000-4000-8000-000000000001
    /// </code>
    /// <para>Writes one rule per time window.</para>
    /// </example>
    /// <example>
    /// <para type="title">Which running tasks are limited during business hours</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Get-SmsTaskSpeedLimit | Where-Object Start -le '09:00' | Select-Object TaskId, Start, End, Speed
    /// </code>
    /// <para>Pipes tasks in by their Id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsTaskSpeedLimit")]
    [OutputType(typeof(SmsSpeedLimitRule))]
    public sealed class GetSmsTaskSpeedLimitCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with an Id or TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        private SmsClient? _client;

        private SmsClient Client => _client ??= new SmsClient(CurrentContext, Log);

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                this.ForSmsTask(id, () => WriteObject(Await(Client.GetSpeedLimitAsync(id, CancellationToken)), enumerateCollection: true));
            }
        }
    }
}
