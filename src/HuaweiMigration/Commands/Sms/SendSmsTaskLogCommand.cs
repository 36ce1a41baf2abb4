using System;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Uploads the SMS agent's logs of tasks to an OBS bucket, for support.</para>
    /// <para type="description">Asks the service (POST /v3/tasks/{id}/log with the bucket) to have each task's agent upload its logs to the OBS bucket -BucketName, which Huawei support can then read. The upload runs on its own: the task's LogCollectStatus (Get-SmsTask -Id) goes UPLOADING, then UPLOADED or UPLOAD_FAIL. A bucket name OBS would refuse is refused before any request. Writes nothing.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Logs of a failed task for a support ticket</para>
    /// <code>
    /// Send-SmsTaskLog -Id $id -BucketName sms-support-logs
    /// Get-SmsTask -Id $id | Select-Object Name, LogCollectStatus
    /// </code>
    /// <para>Starts the upload, then shows how it goes.</para>
    /// </example>
    /// <example>
    /// <para type="title">Every failed task</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_FAIL | Send-SmsTaskLog -BucketName sms-support-logs -Confirm:$false
    /// </code>
    /// <para>Pipes tasks in by their Id.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Send, "SmsTaskLog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SendSmsTaskLogCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with an Id or TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The OBS bucket the logs go to (3 to 63 lowercase letters, digits, hyphens and periods), in the task's region.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [Alias("Bucket", "LogBucket")]
        public string BucketName { get; set; } = string.Empty;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                SmsClient.ValidateBucketName(BucketName, nameof(BucketName));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidObsBucketName", BucketName));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                this.ForSmsTask(id, () =>
                {
                    if (!ShouldProcess("SMS task " + id, "Upload the agent's logs to OBS bucket '" + BucketName + "'")) return;
                    Await(Sms.CollectLogAsync(id, BucketName, CancellationToken));
                });
            }
        }
    }
}
