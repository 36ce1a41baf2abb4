using System;
using System.Collections.Generic;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Changes the settings of SMS migration tasks: name, speed limit, migration IP.</para>
    /// <para type="description">Reads each task and sends PUT /v3/tasks/{id} with its current settings and the changes given. -PassThru writes each task read back. The official SDK's UpdateTask body (PutTaskReq) has no priority and no syncing field, so -Priority and -Syncing are refused before any request: set them when the task is created (New-SmsTask).</para>
    /// </summary>
    /// <example>
    /// <para type="title">Limit every running task's bandwidth</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Set-SmsTask -SpeedLimit 100 -PassThru
    /// </code>
    /// <para>Sets a 100 Mbit/s limit on each running task and writes each task as it is afterwards.</para>
    /// </example>
    /// <example>
    /// <para type="title">Rename a task</para>
    /// <code>
    /// Set-SmsTask -Id 0b1c2d3e-0000-4000-8000-000000000001 -Name web-01-wave2
    /// </code>
    /// <para>Sends the task's settings with the new name.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SmsTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class SetSmsTaskCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with an Id or TaskId property (Get-SmsTask's tasks).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The new name: 1 to 255 letters, digits, '-', '_' and '.'.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">Not settable after creation: the SDK's PutTaskReq has no priority. Refused before any request; use New-SmsTask -Priority.</para></summary>
        [Parameter]
        [ValidateSet("Low", "Standard", "High")]
        public string? Priority { get; set; }

        /// <summary><para type="description">The bandwidth limit in Mbit/s (0: none).</para></summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int SpeedLimit { get; set; }

        /// <summary><para type="description">The target's IP address to migrate to: an EIP over the internet, a private IP over a direct line.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateIPAddress]
        public string? MigrationIp { get; set; }

        /// <summary><para type="description">Not settable after creation: the SDK's PutTaskReq has no syncing. Refused before any request; use New-SmsTask -Syncing.</para></summary>
        [Parameter]
        public SwitchParameter Syncing { get; set; }

        /// <summary><para type="description">Write each task read back after changing it.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private SmsTaskChanges? _changes;
        private SmsListRows? _rows;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var bound = MyInvocation.BoundParameters;
            foreach (var notInBody in new[] { nameof(Priority), nameof(Syncing) })
            {
                if (!bound.ContainsKey(notInBody)) continue;
                ThrowTerminatingError(new ErrorRecord(
                    new HuaweiCloudArgumentException("-" + notInBody + " cannot be changed on an existing task: the UpdateTask body (PutTaskReq) of the official SDK has no "
                        + notInBody.ToLowerInvariant() + " field. Set it when creating the task (New-SmsTask -" + notInBody + ").", notInBody),
                    "SmsTaskSettingNotUpdatable", ErrorCategory.NotImplemented, notInBody));
            }
            _changes = new SmsTaskChanges
            {
                Name = Name,
                SpeedLimit = bound.ContainsKey(nameof(SpeedLimit)) ? SpeedLimit : (int?)null,
                MigrationIp = MigrationIp,
            };
            if (Name != null)
            {
                try
                {
                    SmsClient.ValidateTaskName(Name, nameof(Name));
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidSmsTaskName", Name));
                }
            }
            if (_changes.IsEmpty)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("Nothing to change: give -Name, -SpeedLimit or -MigrationIp.", null, "NoSmsTaskChange", null));
            }
        }

        protected override void ProcessRecord()
        {
            var changed = new List<string>();
            foreach (var id in Id)
            {
                ForItem(id, "InvalidSmsTaskId", () =>
                {
                    InputValidation.SmsTaskId(id);
                    if (!ShouldProcess("SMS task " + id, "Change " + Describe(_changes!))) return;
                    try
                    {
                        Await(Sms.UpdateTaskAsync(id, _changes!, CancellationToken));
                        changed.Add(id);
                    }
                    catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                    {
                        WriteApiError(ex, id, "No SMS task has the id '" + id + "'. " + ex.Message);
                    }
                    catch (HuaweiCloudApiException ex)
                    {
                        WriteApiError(ex, id, "SMS task " + id + ": " + ex.Said);
                    }
                });
            }
            if (PassThru && changed.Count > 0)
            {
                var rows = _rows ??= Sms.CreateListRows();
                WriteEachById(changed, "InvalidSmsTaskId", "SMS task", i => Sms.GetTaskDetailAsync(i, rows, CancellationToken));
            }
        }

        private static string Describe(SmsTaskChanges c)
        {
            var parts = new List<string>();
            if (c.Name != null) parts.Add("name to '" + c.Name + "'");
            if (c.SpeedLimit is int s) parts.Add("speed limit to " + (s == 0 ? "none" : s + " Mbit/s"));
            if (c.MigrationIp != null) parts.Add("migration IP to " + c.MigrationIp);
            return string.Join(", ", parts);
        }
    }
}
