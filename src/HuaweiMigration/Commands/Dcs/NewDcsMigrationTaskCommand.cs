using System;
using System.Management.Automation;
using System.Security;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Creates a DCS data migration: a backup-file import or an online migration of a Redis.</para>
    /// <para type="description">-BackupFile imports backup files into the target DCS instance (POST /v2/{project_id}/migration-task, backupfile_import, full_amount_migration): files in an OBS bucket (-BucketName and -File) or a DCS backup record (-BackupId). Writes the task read back; with -Wait, the task once it is SUCCESS.</para>
    /// <para type="description">-Online migrates a self-built Redis (-SourceAddress 'host:port') or a DCS instance (-SourceInstanceId) into the target, in the two calls the API requires: POST /v2/{project_id}/migration/instance makes the migration machine in -VpcId, -SubnetId and -SecurityGroupId (the task is CREATING); the command waits until the task is RUNNING — the configuration is never sent before — and then sends POST /v2/{project_id}/migration/{task_id}/task with the source, target, -Method, -ResumeMode and -BandwidthLimitMB. Writes the task read back; with -Wait, the task once it is SUCCESS (Full) or INCRMIGEATING (Incremental, steady); a failure is an error. A failure or time-out between the two calls leaves the task, and the error says so and gives the Set-DcsMigrationTask -Configure command that finishes it.</para>
    /// <para type="description">Passwords (-SourcePassword, -TargetPassword) are SecureStrings: read only while the request is built, never kept on any object and never shown in any stream, error or log. Bad input (an address not 'host:port', both or neither source, no target) is refused before any request.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Migrate a self-built Redis online and wait until it is steady</para>
    /// <code>
    /// New-DcsMigrationTask -Name redis-cart -Online -SourceAddress 10.0.0.12:6379 -SourcePassword (Read-Host -AsSecureString) -TargetInstanceId $dcsId -TargetPassword $pw -Method Incremental -VpcId $vpc -SubnetId $subnet -SecurityGroupId $sg -Wait -Timeout 3600
    /// </code>
    /// <para>Makes the migration machine, waits until it is RUNNING, configures the migration and waits until the incremental phase is steady (INCRMIGEATING); then switch the IPs with Switch-DcsMigrationIp.</para>
    /// </example>
    /// <example>
    /// <para type="title">Import backup files from OBS</para>
    /// <code>
    /// New-DcsMigrationTask -Name import-sessions -BackupFile -BucketName redis-backups -File sessions.rdb -TargetInstanceId $dcsId -Wait
    /// </code>
    /// <para>Imports sessions.rdb from the bucket and writes the task once it is SUCCESS.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "DcsMigrationTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class NewDcsMigrationTaskCommand : HuaweiCloudApiCmdlet
    {
        private const string BackupSet = "BackupFile";
        private const string OnlineSet = "Online";

        /// <summary><para type="description">The task's name: 1 to 64 letters, digits, '-' and '_'.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TaskName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">The task's description.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Validation.ValidatePlainText("description")]
        public string? Description { get; set; }

        /// <summary><para type="description">The DCS instance the data goes to.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("target instance id", 64)]
        public string TargetInstanceId { get; set; } = string.Empty;

        /// <summary><para type="description">The target instance's password, if it has one.</para></summary>
        [Parameter]
        public SecureString? TargetPassword { get; set; }

        /// <summary><para type="description">Import backup files (the backup-file set).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = BackupSet)]
        public SwitchParameter BackupFile { get; set; }

        /// <summary><para type="description">The OBS bucket that holds the files of -File.</para></summary>
        [Parameter(ParameterSetName = BackupSet)]
        [ValidateNotNullOrEmpty]
        public string? BucketName { get; set; }

        /// <summary><para type="description">The backup files to import from -BucketName.</para></summary>
        [Parameter(ParameterSetName = BackupSet)]
        [ValidateNotNullOrEmpty]
        public string[]? File { get; set; }

        /// <summary><para type="description">A DCS backup record to import, instead of -BucketName and -File.</para></summary>
        [Parameter(ParameterSetName = BackupSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("backup id", 64)]
        public string? BackupId { get; set; }

        /// <summary><para type="description">Migrate a Redis online (the online set).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = OnlineSet)]
        public SwitchParameter Online { get; set; }

        /// <summary><para type="description">A self-built Redis as 'host:port' (for example 10.0.0.12:6379).</para></summary>
        [Parameter(ParameterSetName = OnlineSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SourceAddress { get; set; }

        /// <summary><para type="description">A DCS instance to migrate from, instead of -SourceAddress.</para></summary>
        [Parameter(ParameterSetName = OnlineSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("source instance id", 64)]
        public string? SourceInstanceId { get; set; }

        /// <summary><para type="description">The source Redis's password, if it has one.</para></summary>
        [Parameter(ParameterSetName = OnlineSet)]
        public SecureString? SourcePassword { get; set; }

        /// <summary><para type="description">Full (one copy, ends SUCCESS) or Incremental (a full copy, then changes as they come: INCRMIGEATING until the cutover).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = OnlineSet, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("Full", "Incremental")]
        public string Method { get; set; } = "Full";

        /// <summary><para type="description">Auto (the default: retries after network errors, and falls back to a full copy when needed) or Manual.</para></summary>
        [Parameter(ParameterSetName = OnlineSet)]
        [ValidateSet("Auto", "Manual")]
        public string ResumeMode { get; set; } = "Auto";

        /// <summary><para type="description">The most the migration may use, in MB/s (1 to 10,240). No limit by default.</para></summary>
        [Parameter(ParameterSetName = OnlineSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, DcsNewMigrationChecks.MaxBandwidthMb)]
        public int BandwidthLimitMB { get; set; }

        /// <summary><para type="description">The VPC where the migration machine runs.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = OnlineSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("VPC id", 64)]
        public string VpcId { get; set; } = string.Empty;

        /// <summary><para type="description">The subnet where the migration machine runs.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = OnlineSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("subnet id", 64)]
        public string SubnetId { get; set; } = string.Empty;

        /// <summary><para type="description">The security group of the migration machine.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = OnlineSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("security group id", 64)]
        public string SecurityGroupId { get; set; } = string.Empty;

        /// <summary><para type="description">Wait until the migration is SUCCESS (full, and backup imports) or INCRMIGEATING (incremental, steady); a failure is an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">Seconds to wait at most, for the migration machine (always waited for) and with -Wait for the migration; the task is left as it is then, with an OperationTimeout error. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">Seconds between two polls. By default the pause grows from about 1 to at most 10 seconds.</para></summary>
        [Parameter]
        [ValidateRange(0.01, 86400.0)]
        public double PollInterval { get; set; }

        /// <summary><para type="description">The project of the task (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        protected override void ProcessRecord()
        {
            var online = ParameterSetName == OnlineSet;
            try
            {
                if (online) Check(out _, out _);
                else DcsNewMigrationChecks.Check(Import());
            }
            catch (ArgumentException ex)
            {
                WriteError(ErrorRecords.InvalidArgument(ex, "InvalidDcsMigrationSettings", Name));
                return;
            }
            var what = online
                ? "Create an online migration into DCS instance " + TargetInstanceId + " from " + (SourceAddress ?? "DCS instance " + SourceInstanceId) + " (" + Method + ")"
                : "Import " + (BackupId != null ? "backup " + BackupId : string.Join(", ", File ?? Array.Empty<string>()) + " from bucket " + BucketName) + " into DCS instance " + TargetInstanceId;
            if (!ShouldProcess("DCS migration task '" + Name + "'", what)) return;
            var service = new DcsTaskService(CreateDcsClient(ProjectId));
            var creation = new DcsMigrationCreation(EngineHost, service, WaitPlanOf(Timeout, PollInterval), Wait);
            if (online)
            {
                Check(out var machine, out var configuration);
                creation.CreateOnline(machine, configuration);
                return;
            }
            DcsTaskSummary created;
            try
            {
                created = Await(service.Client.CreateBackupImportAsync(Import(), CancellationToken));
            }
            catch (HuaweiCloudApiException ex)
            {
                WriteApiError(ex, Name, ex.OutcomeUnknown
                    ? "DCS migration task '" + Name + "' may have been created: " + ex.Message + " Look for it with Get-DcsMigrationTask -Name '" + Name + "' before trying again."
                    : "DCS migration task '" + Name + "' was not created: " + ex.Message);
                return;
            }
            if (Wait) creation.WaitForMigration(created.Id!, incremental: false);
            else creation.WriteReadBack(created.Id!, null);
        }

        private DcsBackupImport Import() => new DcsBackupImport
        {
            Name = Name,
            Description = Description,
            TargetInstanceId = TargetInstanceId,
            TargetPassword = TargetPassword,
            BucketName = BucketName,
            Files = File ?? Array.Empty<string>(),
            BackupId = BackupId,
        };

        private void Check(out DcsMigrationMachine machine, out DcsOnlineConfiguration configuration)
        {
            machine = new DcsMigrationMachine { Name = Name, Description = Description, VpcId = VpcId, SubnetId = SubnetId, SecurityGroupId = SecurityGroupId };
            configuration = DcsCommands.Configuration(SourceAddress, SourceInstanceId, SourcePassword, TargetInstanceId, TargetPassword, Method, ResumeMode,
                MyInvocation.BoundParameters.ContainsKey(nameof(BandwidthLimitMB)) ? BandwidthLimitMB : (int?)null);
            DcsNewMigrationChecks.Check(machine);
            DcsNewMigrationChecks.Check(configuration);
        }
    }
}
