using System;
using System.Collections.Generic;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Creates the SMS migration task of a registered source server: gives it a target and the task's settings.</para>
    /// <para type="description">For each source server, reads it once (GET /v3/sources/{id}) and sends POST /v3/tasks with the target: an existing ECS (-TargetServerId) or a new one from a template (-TemplateId). The target's disks and volume groups are the source server's init_target_server ones, as the console gives them. A migration project's settings (-MigrationProjectId, else the account's default project — not the project a piped server belongs to: give -MigrationProjectId for a wave's own) are the defaults of -Type, -UsePublicIp, -Syncing, -StartTargetServer, -StartNetworkCheck and -SpeedLimit; the target's region and project are the connection's unless -Region and -ProjectId say otherwise.</para>
    /// <para type="description">Refused before POST /v3/tasks, each as a non-terminating error naming the source server: a server that is not connected, one that already has a task (ResourceExists naming that task; with -SkipExisting that task is written instead, so a wave script can run again), one without a target layout, a task name the API would refuse (1 to 255 letters, digits, '-', '_' and '.'), and no target. Writes each new task read back; -Start starts the new tasks and -Wait waits as Start-SmsTask -Wait does. Many piped servers are created several at a time (-ThrottleLimit) and waited for together.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Give a wave of servers new targets from a template, start them and wait</para>
    /// <code>
    /// Get-SmsSourceServer -Name 'web-*' -Connected $true | New-SmsTask -TemplateId $templateId -Start -Wait
    /// </code>
    /// <para>Creates a task for each connected web server (each named after its server), starts them all and waits until every one is RUNNING, SYNCING or finished successfully.</para>
    /// </example>
    /// <example>
    /// <para type="title">Migrate onto an existing ECS</para>
    /// <code>
    /// New-SmsTask -SourceServerId $sourceId -TargetServerId $ecsId -Name web-01 -Priority High -SpeedLimit 200
    /// </code>
    /// <para>Creates the task web-01 migrating the server onto the existing ECS, at high priority and at most 200 Mbit/s.</para>
    /// </example>
    /// <example>
    /// <para type="title">Run a wave script again</para>
    /// <code>
    /// Get-SmsSourceServer -Name 'web-*' | New-SmsTask -TemplateId $templateId -MigrationProjectId $wave -SkipExisting
    /// </code>
    /// <para>Servers that already have a task get their task written instead of an error; nothing is created for them.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "SmsTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class NewSmsTaskCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">The source server to migrate. A source server piped in from Get-SmsSourceServer binds here (by its Id).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(Completion.SmsSourceServerIdCompleter))]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("source server id", 64)]
        public string SourceServerId { get; set; } = string.Empty;

        /// <summary><para type="description">The task's name: 1 to 255 letters, digits, '-', '_' and '.'. Default: the source server's name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">The vm_id of an existing ECS to migrate onto (exist_server true).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("target server id", 64)]
        public string? TargetServerId { get; set; }

        /// <summary><para type="description">A template for a new ECS to migrate onto (exist_server false, vm_template_id).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("template id", 64)]
        [ArgumentCompleter(typeof(Completion.SmsTemplateIdCompleter))]
        public string? TemplateId { get; set; }

        /// <summary><para type="description">The target server's name. Default: the task name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("target server name")]
        public string? TargetServerName { get; set; }

        /// <summary><para type="description">The migration project whose settings are the defaults of -Type, -UsePublicIp, -Syncing, -StartTargetServer, -StartNetworkCheck and -SpeedLimit. Default: the account's default project.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("migration project id", 64)]
        [ArgumentCompleter(typeof(Completion.SmsMigrationProjectIdCompleter))]
        public string? MigrationProjectId { get; set; }

        /// <summary><para type="description">MIGRATE_BLOCK (block-level) or MIGRATE_FILE (file-level). Default: the project's.</para></summary>
        [Parameter]
        [ValidateSet("MIGRATE_BLOCK", "MIGRATE_FILE")]
        public string? Type { get; set; }

        /// <summary><para type="description">Migrate over the target's public IP (-UsePublicIp:$false: over a private line). Default: the project's.</para></summary>
        [Parameter]
        public SwitchParameter UsePublicIp { get; set; }

        /// <summary><para type="description">Keep syncing after the full replication (continuous sync). Default: the project's.</para></summary>
        [Parameter]
        public SwitchParameter Syncing { get; set; }

        /// <summary><para type="description">Start the target server when the migration is done. Default: the project's.</para></summary>
        [Parameter]
        public SwitchParameter StartTargetServer { get; set; }

        /// <summary><para type="description">Check the network before migrating. Default: the project's.</para></summary>
        [Parameter]
        public SwitchParameter StartNetworkCheck { get; set; }

        /// <summary><para type="description">The bandwidth limit in Mbit/s (0: none). Default: the project's.</para></summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int SpeedLimit { get; set; }

        /// <summary><para type="description">The task's priority: Low, Standard (the API's default) or High.</para></summary>
        [Parameter]
        [ValidateSet("Low", "Standard", "High")]
        public string? Priority { get; set; }

        /// <summary><para type="description">The target's IP address to migrate to: an EIP over the internet, a private IP over a direct line.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateIPAddress]
        public string? MigrationIp { get; set; }

        /// <summary><para type="description">Let the service start the task by itself once it is ready (auto_start).</para></summary>
        [Parameter]
        public SwitchParameter AutoStart { get; set; }

        /// <summary><para type="description">Check the data's consistency after the migration (is_need_consistency_check).</para></summary>
        [Parameter]
        public SwitchParameter ConsistencyCheck { get; set; }

        /// <summary><para type="description">The task needs a migration test (need_migration_test).</para></summary>
        [Parameter]
        public SwitchParameter NeedMigrationTest { get; set; }

        /// <summary><para type="description">The target's region. Default: the connection's region.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary><para type="description">The target's project id. Default: the connection's project (or, with -Region, the project named after that region must be given).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("project id", 64)]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">A source server that already has a task is not an error: its task is written instead (and not started), so a wave script can be run again.</para></summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        /// <summary><para type="description">Start each new task once it is created (as Start-SmsTask).</para></summary>
        [Parameter]
        public SwitchParameter Start { get; set; }

        /// <summary><para type="description">With -Start: wait until every new task is RUNNING, SYNCING or finished successfully, as Start-SmsTask -Wait does; a task that fails is an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">With -Wait: seconds to wait at most; a task still unfinished then is an OperationTimeout error. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">With -Wait: seconds between two polls. By default the first poll goes out about 1 second after the last start and the pause then grows to at most 10 seconds.</para></summary>
        [Parameter]
        [ValidateRange(0.01, 86400.0)]
        public double PollInterval { get; set; }

        /// <summary><para type="description">How many source servers are worked on at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private SmsCreationJob? _creation;
        private SmsNewTask? _defaults;
        private bool _projectRead;
        private SmsMigrationProject? _project;
        private CmdletJob? _start;
        private SmsListRows? _rows;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Wait && !Start)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("-Wait waits for the tasks -Start starts: give -Start too.", "Wait", "WaitWithoutStart", null));
            }
            if (TargetServerId != null && TemplateId != null)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "Give one target: -TargetServerId (migrate onto an existing ECS) or -TemplateId (a new ECS from a template), not both.", "TemplateId", "AmbiguousSmsTaskTarget", TemplateId));
            }
            _defaults = Defaults();
            _creation = new SmsCreationJob(EngineHost, Sms, ThrottleLimit, Done);
            if (Start) _start = CreateStartJob();
        }

        private CmdletJob CreateStartJob()
        {
            var plan = Wait ? WaitPlanOf(Timeout, PollInterval) : null;
            return CmdletJob.Of(new ActionJob<SmsTask>(EngineHost, new SmsTaskService(Sms), SmsActions.Start, null, ThrottleLimit, plan));
        }

        protected override void ProcessRecord()
        {
            var task = NewTask();
            try
            {
                SmsClient.CheckNewTask(task);
            }
            catch (SmsTaskRefusedException ex)
            {
                WriteError(Refusal(ex, task.SourceServerId));
                return;
            }
            if (!_seen.Add(task.SourceServerId))
            {
                WriteVerbose("SMS source server " + task.SourceServerId + " was given more than once; its task is created once.");
                return;
            }
            var what = "Create an SMS migration task" + (task.Name is null ? string.Empty : " '" + task.Name + "'")
                + (task.TargetServerId != null ? " onto ECS " + task.TargetServerId : " with a new ECS from template " + task.TemplateId);
            if (!ShouldProcess("SMS source server " + task.SourceServerId, what)) return;
            ApplyProject(task);
            _creation!.Add(task);
        }

        protected override void EndProcessing()
        {
            _creation?.End();
            _start?.End();
            base.EndProcessing();
        }

        /// <summary>The task this input asks for: the parameters given, the connection's region and project (the migration project's settings come later, <see cref="ApplyProject"/>).</summary>
        private SmsNewTask NewTask()
        {
            var d = _defaults!;
            var bound = MyInvocation.BoundParameters;
            bool? Given(string name, SwitchParameter value) => bound.ContainsKey(name) ? value.IsPresent : (bool?)null;
            return new SmsNewTask
            {
                SourceServerId = SourceServerId,
                Name = Name,
                TargetServerId = TargetServerId,
                TemplateId = TemplateId,
                TargetServerName = TargetServerName,
                Type = Type?.ToUpperInvariant(),
                Priority = Priority?.ToUpperInvariant() switch { "LOW" => 0, "STANDARD" => 1, "HIGH" => 2, _ => (int?)null },
                RegionId = d.RegionId,
                RegionName = d.RegionName,
                ProjectId = d.ProjectId,
                ProjectName = d.ProjectName,
                UsePublicIp = Given(nameof(UsePublicIp), UsePublicIp),
                Syncing = Given(nameof(Syncing), Syncing),
                StartTargetServer = Given(nameof(StartTargetServer), StartTargetServer),
                StartNetworkCheck = Given(nameof(StartNetworkCheck), StartNetworkCheck),
                SpeedLimit = bound.ContainsKey(nameof(SpeedLimit)) ? SpeedLimit : (int?)null,
                MigrationIp = MigrationIp,
                AutoStart = Given(nameof(AutoStart), AutoStart),
                ConsistencyCheck = Given(nameof(ConsistencyCheck), ConsistencyCheck),
                NeedMigrationTest = Given(nameof(NeedMigrationTest), NeedMigrationTest),
            };
        }

        /// <summary>
        /// The migration project's settings where no parameter gave them: -MigrationProjectId's project, else the
        /// account's default one; read once, for the first task that is to be created (-WhatIf reads nothing).
        /// </summary>
        private void ApplyProject(SmsNewTask task)
        {
            if (!_projectRead)
            {
                _projectRead = true;
                try
                {
                    _project = MigrationProjectId != null
                        ? Await(Sms.GetMigrationProjectAsync(MigrationProjectId, CancellationToken))
                        : Await(Sms.GetDefaultMigrationProjectAsync(CancellationToken));
                }
                catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound && MigrationProjectId != null)
                {
                    ThrowTerminatingError(ErrorRecords.FromApi(ex, MigrationProjectId, "No SMS migration project has the id '" + MigrationProjectId + "'. " + ex.Message));
                }
                catch (HuaweiCloudApiException ex)
                {
                    ThrowTerminatingError(ErrorRecords.FromApi(ex, MigrationProjectId, "The migration project's settings could not be read: " + ex.Said));
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidSmsMigrationProjectId", MigrationProjectId));
                }
                if (_project != null) WriteVerbose("New SMS tasks take their defaults from migration project " + _project + ".");
            }
            try
            {
                SmsProjectDefaults.Apply(task, _project);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex.Message, "SpeedLimit", "InvalidSmsTaskSpeedLimit", MigrationProjectId));
            }
        }

        /// <summary>What every task of this command shares: the target's region and project, and the migration project's settings.</summary>
        private SmsNewTask Defaults()
        {
            var context = CurrentContext;
            var region = Region ?? context.Region;
            try
            {
                region = InputValidation.Region(region);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex.Message, "Region", "InvalidRegion", Region));
            }
            var projectId = ProjectId ?? (Region is null || string.Equals(Region, context.Region, StringComparison.Ordinal) ? context.ProjectId : null);
            if (string.IsNullOrEmpty(projectId))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "The target's project id is not known: -Region " + region + " is not the connection's region, so give -ProjectId (the project of region " + region + ").",
                    "ProjectId", "TargetProjectUnknown", Region));
            }
            var defaults = new SmsNewTask
            {
                RegionId = region,
                RegionName = SmsRegionNames.DisplayName(region),
                ProjectId = projectId!,
                // A Huawei Cloud project is named after its region.
                ProjectName = region,
            };
            return defaults;
        }

        /// <summary>Writes what a creation ended with: an error, the new task (read back, or started), an existing task with -SkipExisting.</summary>
        private void Done(SmsCreation done)
        {
            var (sourceId, taskId, error) = (done.Task.SourceServerId, done.TaskId, done.Error);
            if (error is SmsTaskRefusedException { Reason: SmsTaskRefusalReason.HasTask, ExistingTask: { } existing } && SkipExisting)
            {
                WriteVerbose("SMS source server " + sourceId + " already has task " + existing.Id + "; it is written as it is.");
                WriteTask(existing.Id!);
                return;
            }
            switch (error)
            {
                case null:
                    WriteVerbose("SMS source server " + sourceId + ": task " + taskId + " created.");
                    if (_start != null) _start.Add(taskId!, null);
                    else WriteTask(taskId!);
                    break;
                case SmsTaskRefusedException refused:
                    WriteError(Refusal(refused, sourceId));
                    break;
                case HuaweiCloudApiException { Kind: ApiErrorKind.NotFound } notFound:
                    WriteApiError(notFound, sourceId, "No SMS source server has the id '" + sourceId + "'. " + notFound.Message);
                    break;
                case HuaweiCloudApiException api:
                    WriteApiError(api, sourceId, "SMS source server " + sourceId + ": creating its task failed: " + api.Said);
                    break;
                case ArgumentException argument:
                    WriteError(ErrorRecords.InvalidArgument(argument, "InvalidSmsTask", sourceId));
                    break;
                default:
                    WriteError(new ErrorRecord(error, "SmsTaskCreationFailed", ErrorCategory.InvalidResult, sourceId)
                    {
                        ErrorDetails = new ErrorDetails("SMS source server " + sourceId + ": its task could not be created: the module met an unexpected " + error.GetType().Name + " (a defect worth reporting); the other servers go on."),
                    });
                    break;
            }
        }

        private void WriteTask(string id)
        {
            var rows = _rows ??= Sms.CreateListRows();
            WriteEachById(new[] { id }, "InvalidSmsTaskId", "SMS task", i => Sms.GetTaskDetailAsync(i, rows, CancellationToken), "HuaweiMigration.Models.SmsTask#Detail");
        }

        /// <summary>The error of a refused source server: its own id and category, the server as target.</summary>
        private static ErrorRecord Refusal(SmsTaskRefusedException ex, string sourceId)
        {
            var (id, category) = ex.Reason switch
            {
                SmsTaskRefusalReason.NoTarget => ("SmsTaskTargetMissing", ErrorCategory.InvalidArgument),
                SmsTaskRefusalReason.InvalidName => ("InvalidSmsTaskName", ErrorCategory.InvalidArgument),
                SmsTaskRefusalReason.NotConnected => ("SmsSourceServerNotConnected", ErrorCategory.ResourceUnavailable),
                SmsTaskRefusalReason.HasTask => ("SmsTaskExists", ErrorCategory.ResourceExists),
                _ => ("SmsSourceServerWithoutDisks", ErrorCategory.InvalidData),
            };
            Exception exception = category == ErrorCategory.InvalidArgument
                ? new HuaweiCloudArgumentException(ex.Message, ex.Reason == SmsTaskRefusalReason.NoTarget ? "TargetServerId" : "Name")
                : new HuaweiCloudApiException(ex.Message, ApiErrorKind.InvalidOperation, service: "SMS");
            return new ErrorRecord(exception, id, category, sourceId)
            {
                ErrorDetails = new ErrorDetails(ex.Message),
            };
        }
    }
}
