using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Deletes DCS data-migration tasks.</para>
    /// <para type="description">Reads each task's status first, then deletes the tasks that are not migrating with DELETE /v2/{project_id}/migration-tasks/delete {"task_id_list": [...]}, 50 ids a request; each task gets its own outcome. A task that is still migrating is refused (a non-terminating InvalidOperation error naming its status; nothing is sent for it) unless -Force, which stops it, waits until it is no longer migrating (TERMINATED), then deletes it — the deletion is never sent while the task migrates. -Force also skips the confirmation prompt. Writes nothing unless -PassThru (the tasks as they were before removal).</para>
    /// </summary>
    /// <example>
    /// <para type="title">Clean up finished migrations</para>
    /// <code>
    /// Get-DcsMigrationTask -Status SUCCESS, TERMINATED | Remove-DcsMigrationTask -Confirm:$false
    /// </code>
    /// <para>Deletes them in batches of 50.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove a migration that is still running</para>
    /// <code>
    /// Remove-DcsMigrationTask -Id $id -Force -PassThru
    /// </code>
    /// <para>Stops it, waits for TERMINATED, deletes it, and writes the task as it was.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "DcsMigrationTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class RemoveDcsMigrationTaskCommand : WaitingTaskInputCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Stop tasks that are still migrating, wait until they are TERMINATED, then delete them; also skips the confirmation prompt.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">Write each removed task (as it was before removal).</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        private DcsClient? _dcs;
        private readonly List<(string Id, DcsMigrationTask? Task)> _accepted = new List<(string, DcsMigrationTask?)>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _dcs = CreateDcsClient(ProjectId);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs())
            {
                if (ConfirmChange(DcsTaskOutput.Describe(id, task), "Remove", Force)) _accepted.Add((id, task));
            }
        }

        protected override void EndProcessing()
        {
            if (_accepted.Count == 0) return;
            var timing = StartTiming();
            // The status decides, so it is read fresh, in one batch.
            var states = Await(_dcs!.CreateRefresher(ThrottleLimit, missesBeforeConfirm: 1).RefreshAsync(_accepted.Select(a => a.Id).ToList(), CancellationToken));
            FlushLog();
            var toDelete = new List<DcsMigrationTask>();
            var toStop = new List<DcsMigrationTask>();
            foreach (var (id, _) in _accepted)
            {
                if (!states.Found.TryGetValue(id, out var task))
                {
                    var error = states.Errors.TryGetValue(id, out var e) && e is HuaweiCloudApiException api
                        ? api
                        : new HuaweiCloudApiException("DCS error DCS.4133: the migration task does not exist.", ApiErrorKind.NotFound, 400, "DCS.4133", service: "DCS");
                    this.WriteDcsFailure(error, id, _dcs.ProjectId, null, "removed");
                }
                else if (!DcsMigrationTaskStatuses.Busy.Contains(task.Status)) toDelete.Add(task);
                else if (Force) toStop.Add(task);
                else
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException(DcsTaskOutput.Describe(id, task) + " is " + task.RawStatus
                            + "; a migration that is still running cannot be removed. Stop it first (Stop-DcsMigrationTask -Wait), or use -Force."),
                        "DcsTaskNotRemovable", ErrorCategory.InvalidOperation, id)
                    {
                        ErrorDetails = new ErrorDetails(DcsTaskOutput.Describe(id, task) + " is " + task.RawStatus + " and cannot be removed now.")
                        {
                            RecommendedAction = "Stop-DcsMigrationTask -Id " + id + " -Wait; then Remove-DcsMigrationTask -Id " + id + ". Or: Remove-DcsMigrationTask -Id " + id + " -Force",
                        },
                    });
                }
            }
            if (toStop.Count > 0) toDelete.AddRange(StopFirst(toStop, timing));
            foreach (var task in Delete(toDelete))
            {
                if (PassThru) WriteObject(task);
            }
        }

        /// <summary>-Force: stop what migrates, wait until each task is no longer busy, return those that may be deleted.</summary>
        private List<DcsMigrationTask> StopFirst(List<DcsMigrationTask> tasks, WaitTiming timing)
        {
            var stopper = DcsBatchSender.Stopper(_dcs!, ThrottleLimit, CancellationToken);
            foreach (var task in tasks.Where(t => t.Status != DcsMigrationTaskStatus.TERMINATING)) stopper.Add(task.TaskId);
            Await(stopper.CompleteAsync());
            var stopped = new HashSet<string>(tasks.Where(t => t.Status == DcsMigrationTaskStatus.TERMINATING).Select(t => t.TaskId), StringComparer.Ordinal);
            FlushLog();
            foreach (var outcome in stopper.TakeCompleted())
            {
                if (outcome.Stopped) stopped.Add(outcome.Id);
                else this.WriteDcsFailure(outcome.Error!, outcome.Id, _dcs!.ProjectId, tasks.FirstOrDefault(t => t.TaskId == outcome.Id), "stopped");
            }
            var waiter = new TaskWaiter<DcsMigrationTask>(_dcs!.CreateRefresher(ThrottleLimit), DcsWaitRules.Deletable, t => t.RawStatus);
            foreach (var task in tasks.Where(t => stopped.Contains(t.TaskId))) waiter.Add(task.TaskId, task);
            var ready = new List<DcsMigrationTask>();
            RunWait(waiter, timing, "Stopping DCS migration tasks before removing them", "stopped", _ => null, r =>
            {
                if (r.Outcome == WaitOutcome.Reached && r.Task != null) ready.Add(r.Task);
                else this.WriteDcsWaitResult(r, timing, "was not TERMINATED", writeTask: false);
            });
            return ready;
        }

        /// <summary>Deletes in batches of 50, several at a time; returns the tasks deleted, writing an error for each other.</summary>
        private List<DcsMigrationTask> Delete(List<DcsMigrationTask> tasks)
        {
            if (tasks.Count == 0) return tasks;
            var outcomes = new ConcurrentDictionary<string, HuaweiCloudApiException?>(StringComparer.Ordinal);
            var runner = new BoundedRunner<List<string>>(Math.Max(1, ThrottleLimit / 2), CancellationToken);
            for (var i = 0; i < tasks.Count; i += DcsClient.MaxBatch)
            {
                runner.Submit(tasks.Skip(i).Take(DcsClient.MaxBatch).Select(t => t.TaskId).ToList(), async (batch, ct) =>
                {
                    foreach (var kv in await _dcs!.DeleteTasksAsync(batch, ct).ConfigureAwait(false)) outcomes[kv.Key] = kv.Value;
                });
            }
            Await(runner.WhenAllAsync());
            foreach (var (batch, error) in runner.TakeCompleted())
            {
                if (error != null) foreach (var id in batch) outcomes[id] = error as HuaweiCloudApiException ?? new HuaweiCloudApiException(error.Message, ApiErrorKind.InvalidArgument, service: "DCS");
            }
            FlushLog();
            var removed = new List<DcsMigrationTask>();
            foreach (var task in tasks)
            {
                if (outcomes.TryGetValue(task.TaskId, out var failure) && failure != null) this.WriteDcsFailure(failure, task.TaskId, _dcs!.ProjectId, task, "removed");
                else removed.Add(task);
            }
            return removed;
        }
    }
}
