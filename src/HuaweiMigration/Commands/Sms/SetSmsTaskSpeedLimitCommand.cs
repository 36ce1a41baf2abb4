using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Sets the bandwidth schedules of SMS tasks.</para>
    /// <para type="description">Replaces each task's schedule with the rules given (POST /v3/tasks/{id}/speed-limit); an empty list clears it. Each rule limits the migration to Speed Mbit/s (0 to 1000) from Start to End, times of day HH:MM; hashtables convert. Rules that are malformed or overlap are refused before any request. -PassThru writes the schedule as read back.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Keep business hours quiet</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Set-SmsTaskSpeedLimit -Rule @{ Start = '08:00'; End = '18:00'; Speed = 50 }, @{ Start = '18:00'; End = '23:59'; Speed = 500 } -PassThru
    /// </code>
    /// <para>Sets the same two-window schedule on every running task and writes each task's schedule as read back.</para>
    /// </example>
    /// <example>
    /// <para type="title">Clear a schedule</para>
    /// <code>
    /// Set-SmsTaskSpeedLimit -Id $id -Rule @() -Confirm:$false
    /// </code>
    /// <para>The task migrates at full speed again.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SmsTaskSpeedLimit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsSpeedLimitRule))]
    public sealed class SetSmsTaskSpeedLimitCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with an Id or TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The schedule: rules with Start and End (HH:MM), Speed (Mbit/s) and optionally OverSpeedThreshold (%). Hashtables convert. An empty list clears the schedule.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyCollection]
        public SmsSpeedLimitRule[] Rule { get; set; } = Array.Empty<SmsSpeedLimitRule>();

        /// <summary><para type="description">Write each task's schedule as read back after setting it.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private SmsClient? _client;

        private SmsClient Client => _client ??= new SmsClient(CurrentContext, Log);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                SmsClient.ValidateSpeedLimits(Rule, nameof(Rule));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidSmsSpeedLimit", Rule));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                this.ForSmsTask(id, () =>
                {
                    var what = Rule.Length == 0 ? "Clear the speed limit schedule" : "Set the speed limit schedule (" + string.Join(", ", Rule.Select(r => r.ToString())) + ")";
                    if (!ShouldProcess("SMS task " + id, what)) return;
                    Await(Client.SetSpeedLimitAsync(id, Rule, CancellationToken));
                    if (PassThru) WriteObject(Await(Client.GetSpeedLimitAsync(id, CancellationToken)), enumerateCollection: true);
                });
            }
        }
    }
}
