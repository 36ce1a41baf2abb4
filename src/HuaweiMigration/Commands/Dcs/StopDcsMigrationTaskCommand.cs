using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Stops DCS data-migration tasks.</para>
    /// <para type="description">Stops each task (POST /v2/{project_id}/migration-task/{task_id}/stop) and writes the task the API returns, usually TERMINATING. Many piped tasks are stopped with the batch-stop API, 50 at a time, and still give one output or one error per task. A task that has already finished or failed is reported clearly (DCS.4957, InvalidOperation) instead of being stopped; an unknown task is ObjectNotFound (DCS.4133). With -Wait, waits until every task is TERMINATED, with progress; a task that fails instead is an error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Stop migrating tasks and wait</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-move-*' | Where-Object Status -eq MIGRATING | Stop-DcsMigrationTask -Wait -Timeout 900
    /// </code>
    /// <para>Stops the tasks that are migrating and waits, with progress, until each one is TERMINATED. A task not terminated after 15 minutes is an OperationTimeout error.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be stopped</para>
    /// <code>
    /// Stop-DcsMigrationTask -Id 4f5a6b7c-0000-4000-8000-000000000001 -WhatIf
    /// </code>
    /// <para>Names the task that would be stopped; no request is sent.</para>
    /// </example>
    /// <example>
    /// <para type="title">Stop a task without a prompt</para>
    /// <code>
    /// Stop-DcsMigrationTask -Id 4f5a6b7c-0000-4000-8000-000000000001 -Confirm:$false
    /// </code>
    /// <para>Writes the task the API returns, usually TERMINATING. A task that has already finished is refused with an InvalidOperation error (DCS.4957).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "DcsMigrationTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class StopDcsMigrationTaskCommand : WaitingTaskInputCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Wait until each task is TERMINATED, with progress; Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        private DcsClient? _dcs;
        private DcsBatchSender? _stopper;
        private TaskWaiter<DcsMigrationTask>? _waiter;
        private readonly Dictionary<string, DcsMigrationTask?> _known = new Dictionary<string, DcsMigrationTask?>(StringComparer.Ordinal);
        private readonly Dictionary<string, DcsMigrationTask?> _stopped = new Dictionary<string, DcsMigrationTask?>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _dcs = CreateDcsClient(ProjectId);
            _stopper = DcsBatchSender.Stopper(_dcs, ThrottleLimit, CancellationToken);
            _waiter = new TaskWaiter<DcsMigrationTask>(_dcs.CreateRefresher(ThrottleLimit), DcsWaitRules.Terminated, t => t.RawStatus);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs())
            {
                if (!ShouldProcess(DcsTaskOutput.Describe(id, task), "Stop")) continue;
                _known[id] = task;
                _order.Add(id);
                _stopper!.Add(id);
            }
            TakeOutcomes();
        }

        /// <summary>Notes the stops that took effect and writes one error per task whose stop failed.</summary>
        private void TakeOutcomes()
        {
            FlushLog();
            foreach (var outcome in _stopper!.TakeCompleted())
            {
                if (outcome.Stopped)
                {
                    _stopped[outcome.Id] = outcome.Task;
                    continue;
                }
                var id = outcome.Id;
                var api = outcome.Error!;
                if (Wait && api.OutcomeUnknown)
                {
                    // The answer was lost and the task could not be read: the wait will tell what happened.
                    WriteVerbose(api.Message + " Waiting will tell.");
                    _stopped[id] = null;
                    continue;
                }
                if (api.Kind == ApiErrorKind.InvalidOperation)
                {
                    // Say why: read the task to name its status.
                    WriteApiError(api, id, DcsWaitRules.ExplainRefusal(id, TryRead(id) ?? _known[id]) + " (" + (api.ErrorCode ?? "refused") + ")");
                }
                else if (api.Kind == ApiErrorKind.NotFound)
                {
                    WriteApiError(api, id, "No DCS migration task has the id '" + id + "' in project " + _dcs!.ProjectId + ". " + api.Message);
                }
                else
                {
                    WriteApiError(api, id);
                }
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
            Await(_stopper!.CompleteAsync());
            TakeOutcomes();

            var stopped = _order.Where(id => _stopped.ContainsKey(id)).ToList();
            if (stopped.Count == 0) return;
            var timing = StartTiming();
            if (Wait)
            {
                foreach (var id in stopped) _waiter!.Add(id, _stopped[id] ?? _known[id]);
                RunWait(_waiter!, timing, "Stopping DCS migration tasks", "stopped", DcsTaskOutput.ProgressLine(this, _dcs!), r => this.WriteDcsWaitResult(r, timing, "was not TERMINATED"));
                return;
            }

            // Without -Wait: the task as the stop API returned it; tasks stopped in a batch are read in one go.
            var unread = stopped.Where(id => _stopped[id] is null).ToList();
            var read = unread.Count == 0
                ? new RefreshResult<DcsMigrationTask>()
                : Await(_dcs!.CreateRefresher(ThrottleLimit, missesBeforeConfirm: 1).RefreshAsync(unread, CancellationToken));
            FlushLog();
            foreach (var id in stopped)
            {
                if (_stopped[id] is { } task || read.Found.TryGetValue(id, out task)) WriteObject(task);
                else if (read.Errors.TryGetValue(id, out var error) && error is HuaweiCloudApiException api) WriteApiError(api, id);
                else WriteVerbose(DcsTaskOutput.Describe(id, _known[id]) + " was stopped but could not be read back.");
            }
        }
    }
}
