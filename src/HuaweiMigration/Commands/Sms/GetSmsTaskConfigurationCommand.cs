using System;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Gets the advanced settings of SMS tasks: exclusions, sync directories, resource limits.</para>
    /// <para type="description">Reads GET /v3/tasks/{id}/configuration-setting for each task and writes one object per task: TaskId, MigrateType (WINDOWS_MIGRATE_BLOCK, LINUX_MIGRATE_FILE or LINUX_MIGRATE_BLOCK) and Configurations, each a ConfigKey with its ConfigValue (MIGRATE_EXCLUDE_DIR, SYNC_EXCLUDE_DIR, ONLY_SYNC_DIR, LINUX_CPU_LIMIT, NUM_PROCESS_MIGRATE, …). -Key reads one setting only; it takes the API's name or its PowerShell case (MigrateExcludeDir). An unknown id is a non-terminating ObjectNotFound error; other failures name the task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">All settings of a task</para>
    /// <code>
    /// Get-SmsTaskConfiguration -Id 0b1c2d3e-0000-4000-8000-000000000001 | Select-Object -ExpandProperty Configurations
    /// </code>
    /// <para>One line per setting, key and value.</para>
    /// </example>
    /// <example>
    /// <para type="title">Which tasks exclude what</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Get-SmsTaskConfiguration -Key MIGRATE_EXCLUDE_DIR
    /// </code>
    /// <para>Pipes tasks in by their Id and reads one setting of each.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsTaskConfiguration")]
    [OutputType(typeof(SmsTaskConfiguration))]
    public sealed class GetSmsTaskConfigurationCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or objects with an Id or TaskId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">One setting to read (MIGRATE_EXCLUDE_DIR, SYNC_EXCLUDE_DIR, ONLY_SYNC_DIR, LINUX_CPU_LIMIT, …), as the API spells it or in PowerShell case.</para></summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.SmsConfigurationKeyCompleter))]
        public string? Key { get; set; }

        private string? _key;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Key is null) return;
            try
            {
                Client.InputValidation.NoControlCharacters(Key, "setting name");
                _key = SmsClient.ConfigurationKey(Key) ?? throw new ArgumentException(
                    "Unknown setting '" + Key + "'. The settings are " + string.Join(", ", SmsClient.ConfigurationKeys) + ".", nameof(Key));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidSmsConfigurationKey", Key));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                this.ForSmsTask(id, () => WriteObject(Await(Sms.GetConfigurationAsync(id, _key, CancellationToken))));
            }
        }
    }
}
