using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Changes advanced settings of SMS tasks: exclusions, sync directories, resource limits.</para>
    /// <para type="description">-Configuration is a hashtable of settings: each key a setting as the API spells it or in PowerShell case (MIGRATE_EXCLUDE_DIR or MigrateExcludeDir; SYNC_EXCLUDE_DIR, ONLY_SYNC_DIR, CONSISTENCY_DIR, LINUX_CPU_LIMIT, LINUX_MEM_LIMIT, LINUX_IO_LIMIT, NUM_PROCESS_MIGRATE, NUM_PROCESS_SYNC, …), each value text, a number, true/false or a list of text (joined with commas); $null removes the setting. An unknown key, a key given twice or a value that cannot be sent is refused before any request, naming the key. For each task the current settings are read (GET /v3/tasks/{id}/configuration-setting) and sent back with the changes (POST), so settings not named are kept. -PassThru writes the settings as read back.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Leave caches out of the migration</para>
    /// <code>
    /// Set-SmsTaskConfiguration -Id $id -Configuration @{ MigrateExcludeDir = '/tmp', '/var/cache' } -PassThru
    /// </code>
    /// <para>Sets MIGRATE_EXCLUDE_DIR to /tmp,/var/cache and writes the task's settings.</para>
    /// </example>
    /// <example>
    /// <para type="title">Limit the agent on every running Linux task</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Where-Object OsType -eq LINUX | Set-SmsTaskConfiguration -Configuration @{ LINUX_CPU_LIMIT = 50; LINUX_IO_LIMIT = 100 }
    /// </code>
    /// <para>Pipes tasks in by their Id; each keeps its other settings.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove a setting</para>
    /// <code>
    /// Set-SmsTaskConfiguration -Id $id -Configuration @{ SYNC_EXCLUDE_DIR = $null }
    /// </code>
    /// <para>Sends the task's other settings without SYNC_EXCLUDE_DIR.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SmsTaskConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTaskConfiguration))]
    public sealed class SetSmsTaskConfigurationCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with an Id or TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The settings to change: setting name → value (text, a number, true/false, a list of text; $null removes the setting).</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public Hashtable Configuration { get; set; } = new Hashtable();

        /// <summary><para type="description">Write each task's settings as read back after changing them.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private IReadOnlyList<KeyValuePair<string, string?>> _changes = Array.Empty<KeyValuePair<string, string?>>();
        private string _summary = string.Empty;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                _changes = SmsClient.ConfigurationChanges(
                    Configuration.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(Convert.ToString(Plain(e.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Plain(e.Value))),
                    nameof(Configuration));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidSmsTaskConfiguration", Configuration));
            }
            _summary = string.Join(", ", _changes.Select(c => c.Value is null ? "remove " + c.Key : c.Key + " = '" + c.Value + "'"));
        }

        /// <summary>A value as a script gave it, without PowerShell's wrapper (in lists too).</summary>
        private static object? Plain(object? value) => value switch
        {
            PSObject wrapped => Plain(wrapped.BaseObject),
            object[] list => list.Select(Plain).ToArray(),
            _ => value,
        };

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                this.ForSmsTask(id, () =>
                {
                    if (!ShouldProcess("SMS task " + id, "Set the advanced settings (" + _summary + ")")) return;
                    Await(Sms.SetConfigurationAsync(id, _changes, CancellationToken));
                    if (PassThru) WriteObject(Await(Sms.GetConfigurationAsync(id, null, CancellationToken)));
                });
            }
        }
    }
}
