using System;
using System.Management.Automation;
using System.Security;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Changes a DCS migration task: its resume mode, or the configuration of a new online migration.</para>
    /// <para type="description">-ResumeMode Auto|Manual sends PUT /v2/{project_id}/migration-task/{task_id} {resume_mode} (online migration tasks only; DCS refuses it for a backup-file import). Writes nothing unless -PassThru, which writes the task read back.</para>
    /// <para type="description">-Configure finishes an online migration whose task was made but not configured (as the error of New-DcsMigrationTask -Online says when it stopped between its two calls): it waits until the task is RUNNING — the configuration is never sent before — and sends POST /v2/{project_id}/migration/{task_id}/task with the source (-SourceAddress 'host:port' or -SourceInstanceId), -TargetInstanceId, -Method, -ResumeMode and -BandwidthLimitMB, as New-DcsMigrationTask -Online takes them. Writes the task read back; with -Wait, the task once it is SUCCESS (Full) or INCRMIGEATING (Incremental). Passwords are SecureStrings, never shown anywhere.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Resume by hand after network errors</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-*' | Set-DcsMigrationTask -ResumeMode Manual
    /// </code>
    /// <para>Sets the resume mode of every online migration named redis-*.</para>
    /// </example>
    /// <example>
    /// <para type="title">Finish an online migration whose configuration was not sent</para>
    /// <code>
    /// Set-DcsMigrationTask -Id $id -Configure -SourceAddress 10.0.0.12:6379 -SourcePassword $sourcePassword -TargetInstanceId $dcsId -Method Incremental -Wait
    /// </code>
    /// <para>Waits until the migration machine is RUNNING, configures the migration and waits until it is steady (INCRMIGEATING).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "DcsMigrationTask", DefaultParameterSetName = ResumeSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class SetDcsMigrationTaskCommand : HuaweiCloudApiCmdlet
    {
        private const string ResumeSet = "ResumeMode";
        private const string ConfigureSet = "Configure";

        /// <summary><para type="description">The task's id. Tasks piped from Get-DcsMigrationTask bind here.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("DCS migration task id", 64)]
        public string Id { get; set; } = string.Empty;

        /// <summary><para type="description">Auto (retries after network errors, and falls back to a full copy when needed) or Manual. With -Configure: the migration's resume mode (default Auto).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ResumeSet)]
        [Parameter(ParameterSetName = ConfigureSet)]
        [ValidateSet("Auto", "Manual")]
        public string ResumeMode { get; set; } = "Auto";

        /// <summary><para type="description">With -ResumeMode: write the task read back.</para></summary>
        [Parameter(ParameterSetName = ResumeSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary><para type="description">Send the configuration of an online migration task that was made but not configured (it is waited for until RUNNING first).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ConfigureSet)]
        public SwitchParameter Configure { get; set; }

        /// <summary><para type="description">A self-built Redis as 'host:port' (for example 10.0.0.12:6379).</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        [ValidateNotNullOrEmpty]
        public string? SourceAddress { get; set; }

        /// <summary><para type="description">A DCS instance to migrate from, instead of -SourceAddress.</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("source instance id", 64)]
        public string? SourceInstanceId { get; set; }

        /// <summary><para type="description">The source Redis's password, if it has one.</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        public SecureString? SourcePassword { get; set; }

        /// <summary><para type="description">The DCS instance the data goes to.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ConfigureSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("target instance id", 64)]
        public string TargetInstanceId { get; set; } = string.Empty;

        /// <summary><para type="description">The target instance's password, if it has one.</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        public SecureString? TargetPassword { get; set; }

        /// <summary><para type="description">Full (one copy, ends SUCCESS) or Incremental (INCRMIGEATING until the cutover).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = ConfigureSet)]
        [ValidateSet("Full", "Incremental")]
        public string Method { get; set; } = "Full";

        /// <summary><para type="description">The most the migration may use, in MB/s (1 to 10,240). No limit by default.</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        [ValidateRange(1, DcsNewMigrationChecks.MaxBandwidthMb)]
        public int BandwidthLimitMB { get; set; }

        /// <summary><para type="description">With -Configure: wait until the migration is SUCCESS (Full) or INCRMIGEATING (Incremental); a failure is an error.</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">With -Configure: seconds to wait at most (for RUNNING, and with -Wait for the migration). No limit by default.</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">With -Configure: seconds between two polls. By default the pause grows from about 1 to at most 10 seconds.</para></summary>
        [Parameter(ParameterSetName = ConfigureSet)]
        [ValidateRange(0.01, 86400.0)]
        public double PollInterval { get; set; }

        /// <summary><para type="description">The project of the task (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ConfigureSet)
            {
                DoConfigure();
                return;
            }
            var mode = string.Equals(ResumeMode, "Manual", StringComparison.OrdinalIgnoreCase) ? "manual" : "auto";
            if (!ShouldProcess("DCS migration task " + Id, "Set the resume mode to " + mode)) return;
            var service = new DcsTaskService(CreateDcsClient(ProjectId));
            try
            {
                Await(service.Client.SetResumeModeAsync(Id, mode, CancellationToken));
            }
            catch (HuaweiCloudApiException ex)
            {
                WriteApiError(ex, Id, "DCS migration task " + Id + ": the resume mode was not set: " + ex.Message);
                return;
            }
            if (PassThru) new DcsMigrationCreation(EngineHost, service, WaitPlanOf(0, 0), false).WriteReadBack(Id, null);
        }

        private void DoConfigure()
        {
            var configuration = DcsCommands.Configuration(SourceAddress, SourceInstanceId, SourcePassword, TargetInstanceId, TargetPassword, Method, ResumeMode,
                MyInvocation.BoundParameters.ContainsKey(nameof(BandwidthLimitMB)) ? BandwidthLimitMB : (int?)null);
            try
            {
                DcsNewMigrationChecks.Check(configuration);
            }
            catch (ArgumentException ex)
            {
                WriteError(ErrorRecords.InvalidArgument(ex, "InvalidDcsMigrationSettings", Id));
                return;
            }
            if (!ShouldProcess("DCS migration task " + Id, "Configure the online migration into DCS instance " + TargetInstanceId + " from " + (SourceAddress ?? "DCS instance " + SourceInstanceId) + " (" + Method + ")")) return;
            var service = new DcsTaskService(CreateDcsClient(ProjectId));
            new DcsMigrationCreation(EngineHost, service, WaitPlanOf(Timeout, PollInterval), Wait).Finish(Id, null, configuration);
        }
    }
}
