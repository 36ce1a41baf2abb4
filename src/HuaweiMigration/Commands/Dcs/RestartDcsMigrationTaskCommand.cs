using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Restarts DCS online data-migration tasks.</para>
    /// <para type="description">Restarts stopped, failed or finished online migration tasks with POST /v2/{project_id}/migration-tasks/batch-restart, 50 ids a request, several requests at a time; each task gets its own outcome. A task that cannot be restarted (a backup import, or one still migrating) is a non-terminating InvalidOperation error naming its status, and the others go on. With -Wait, waits until each task migrates again (MIGRATING, FULLMIGRATING, INCRMIGEATING) or finishes successfully.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Restart the stopped migrations of a wave and wait</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-wave1-*' -Status TERMINATED | Restart-DcsMigrationTask -Wait -Timeout 600
    /// </code>
    /// <para>Writes each task once it migrates again.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be restarted</para>
    /// <code>
    /// Get-DcsMigrationTask -Status FAILED | Restart-DcsMigrationTask -WhatIf
    /// </code>
    /// <para>Nothing is sent.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Restart, "DcsMigrationTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class RestartDcsMigrationTaskCommand : WaitingTaskInputCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Wait until each task migrates again, with progress; Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        private DcsClient? _dcs;
        private DcsBatchSender? _sender;
        private readonly Dictionary<string, DcsMigrationTask?> _known = new Dictionary<string, DcsMigrationTask?>(StringComparer.Ordinal);
        private readonly List<string> _restarted = new List<string>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _dcs = CreateDcsClient(ProjectId);
            _sender = DcsBatchSender.Restarter(_dcs, ThrottleLimit, CancellationToken);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs())
            {
                if (!ShouldProcess(DcsTaskOutput.Describe(id, task), "Restart")) continue;
                _known[id] = task;
                _sender!.Add(id);
            }
            TakeOutcomes();
        }

        private void TakeOutcomes()
        {
            FlushLog();
            foreach (var outcome in _sender!.TakeCompleted())
            {
                if (outcome.Stopped) _restarted.Add(outcome.Id);
                else this.WriteDcsFailure(outcome.Error!, outcome.Id, _dcs!.ProjectId, _known[outcome.Id], TryRead, "restarted");
            }
        }

        private DcsMigrationTask? TryRead(string id)
        {
            try
            {
                return Await(_dcs!.GetTaskAsync(id, CancellationToken));
            }
            catch (HuaweiCloudApiException)
            {
                return null;
            }
        }

        protected override void EndProcessing()
        {
            Await(_sender!.CompleteAsync());
            TakeOutcomes();
            if (_restarted.Count == 0) return;
            var timing = StartTiming();
            if (Wait)
            {
                var waiter = new TaskWaiter<DcsMigrationTask>(_dcs!.CreateRefresher(ThrottleLimit), DcsWaitRules.Migrating, t => t.RawStatus);
                foreach (var id in _restarted) waiter.Add(id, _known[id]);
                RunWait(waiter, timing, "Restarting DCS migration tasks", "migrating", DcsTaskOutput.ProgressLine(this, _dcs!), r => this.WriteDcsWaitResult(r, timing, "did not migrate again"));
                return;
            }
            var read = Await(_dcs!.CreateRefresher(ThrottleLimit, missesBeforeConfirm: 1).RefreshAsync(_restarted, CancellationToken));
            FlushLog();
            foreach (var id in _restarted)
            {
                if (read.Found.TryGetValue(id, out var task)) WriteObject(task);
                else if (read.Errors.TryGetValue(id, out var error) && error is HuaweiCloudApiException api) WriteApiError(api, id);
                else WriteVerbose(DcsTaskOutput.Describe(id, _known[id]) + " was restarted but could not be read back.");
            }
        }
    }
}
