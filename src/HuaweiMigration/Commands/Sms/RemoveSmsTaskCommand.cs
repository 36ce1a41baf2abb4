using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Deletes SMS migration tasks.</para>
    /// <para type="description">Reads each task's state first and deletes it (DELETE /v3/tasks/{id}) only when it is not running: never started (READY), paused (ABORT) or finished. A running, syncing or pausing task is refused with an InvalidOperation error that names its state, and no DELETE is sent — unless -Force, which pauses it, waits for ABORT, then deletes it (and skips the confirmation prompt; -WhatIf still wins). With -Wait, waits until the tasks are gone. Writes nothing unless -PassThru.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Remove a paused or finished task</para>
    /// <code>
    /// Remove-SmsTask -Id 0b1c2d3e-0000-4000-8000-000000000001
    /// </code>
    /// <para>Asks for confirmation (ConfirmImpact is High), then deletes the task. A task that is running is refused with an InvalidOperation error that names its state.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove a wave of tasks, running or not</para>
    /// <code>
    /// Get-SmsTask -Name 'wave1-*' | Remove-SmsTask -Force -Wait
    /// </code>
    /// <para>-Force pauses the tasks that run, waits until they are ABORT, deletes them without asking, and -Wait waits until they are gone.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove finished tasks and list them</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_SUCCESS | Remove-SmsTask -Confirm:$false -PassThru | Select-Object Name, Id
    /// </code>
    /// <para>-PassThru writes each removed task as it was before removal.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "SmsTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmsTask))]
    public sealed class RemoveSmsTaskCommand : WaitingTaskInputCmdlet<SmsTask>
    {
        /// <summary><para type="description">Pause running tasks first (waiting for ABORT), and do not ask for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">Wait until the tasks no longer exist.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">Write each removed task (as it was before removal).</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        private readonly List<(string Id, SmsTask? Task)> _accepted = new List<(string, SmsTask?)>();

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs())
            {
                if (ConfirmChange(SmsTaskOutput.Describe(id, task), "Remove", Force)) _accepted.Add((id, task));
            }
        }

        protected override void EndProcessing()
        {
            if (_accepted.Count == 0) return;
            var timing = StartTiming();

            // The state decides, so it is read fresh — in one batch, not one call per task.
            var states = Await(Sms.CreateRefresher(ThrottleLimit, missesBeforeConfirm: 1).RefreshAsync(_accepted.Select(a => a.Id).ToList(), CancellationToken));
            FlushLog();
            var toDelete = new List<SmsTask>();
            var toPause = new List<SmsTask>();
            foreach (var (id, given) in _accepted)
            {
                if (!states.Found.TryGetValue(id, out var task))
                {
                    this.WriteFailure(id, states.Errors.TryGetValue(id, out var error)
                        ? error
                        : new Client.HuaweiCloudApiException("SMS task " + id + " does not exist.", Client.ApiErrorKind.NotFound, 404, service: "SMS"));
                }
                else if (SmsTaskStates.Deletable.Contains(task.State))
                {
                    toDelete.Add(task);
                }
                else if (Force && task.State != SmsTaskState.DELETING)
                {
                    toPause.Add(task);
                }
                else
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException(SmsTaskOutput.Describe(id, task) + " is " + task.RawState
                            + "; only a task that is paused (ABORT), finished or not started can be removed. Pause it first (Suspend-SmsTask -Wait), or use -Force."),
                        "SmsTaskNotRemovable",
                        ErrorCategory.InvalidOperation,
                        id)
                    {
                        ErrorDetails = new ErrorDetails(SmsTaskOutput.Describe(id, task) + " is " + task.RawState + " and cannot be removed now.")
                        {
                            RecommendedAction = "Suspend-SmsTask -Id " + id + " -Wait; then Remove-SmsTask -Id " + id + ". Or: Remove-SmsTask -Id " + id + " -Force",
                        },
                    });
                }
            }

            if (toPause.Count > 0)
            {
                toDelete.AddRange(PauseFirst(toPause, timing));
            }
            var removed = DeleteInBatches(toDelete);

            if (Wait)
            {
                var gone = new TaskWaiter<SmsTask>(Sms.CreateRefresher(ThrottleLimit), SmsWaitRules.Gone, t => t.RawState);
                foreach (var task in removed) gone.Add(task.Id, task);
                var before = removed.ToDictionary(t => t.Id);
                RunWait(gone, timing, "Removing SMS tasks", "removed", _ => null, r =>
                {
                    // Gone is success; -PassThru writes the task as it was before removal.
                    if (r.Outcome == WaitOutcome.Reached)
                    {
                        if (PassThru) WriteObject(before[r.Id]);
                    }
                    else
                    {
                        this.WriteWaitResult(r, false, timing, "disappear");
                    }
                });
            }
            else if (PassThru)
            {
                WriteObject(removed, enumerateCollection: true);
            }
        }

        /// <summary>-Force: pause what runs, wait until each task may be deleted, return those that may.</summary>
        private List<SmsTask> PauseFirst(List<SmsTask> tasks, WaitTiming timing)
        {
            var stop = tasks.Where(t => SmsTaskStates.Stoppable.Contains(t.State)).ToList();
            var stopped = new HashSet<string>(Run(stop, (task, ct) => Sms.StopAsync(task.Id, ct)).Select(t => t.Id), StringComparer.Ordinal);
            var waiter = new TaskWaiter<SmsTask>(Sms.CreateRefresher(ThrottleLimit), SmsWaitRules.Deletable, t => t.RawState);
            foreach (var task in tasks.Where(t => stopped.Contains(t.Id) || !SmsTaskStates.Stoppable.Contains(t.State)))
            {
                waiter.Add(task.Id, task);
            }
            var ready = new List<SmsTask>();
            RunWait(waiter, timing, "Pausing SMS tasks before removing them", "paused", SmsTaskOutput.Slowest, r =>
            {
                if (r.Outcome == WaitOutcome.Reached && r.Task != null) ready.Add(r.Task);
                else this.WriteWaitResult(r, false, timing, "pause");
            });
            return ready;
        }

        /// <summary>
        /// Deletes the tasks in batches of 50 (<c>POST /v3/tasks/delete</c>), several batches at a time; each task
        /// still gets its own outcome. Returns the tasks deleted.
        /// </summary>
        private List<SmsTask> DeleteInBatches(List<SmsTask> tasks)
        {
            if (tasks.Count == 0) return tasks;
            var runner = new BoundedRunner<List<SmsTask>>(Math.Max(1, ThrottleLimit / 2), CancellationToken);
            var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, Client.HuaweiCloudApiException?>(StringComparer.Ordinal);
            for (var i = 0; i < tasks.Count; i += SmsClient.MaxBatchDelete)
            {
                runner.Submit(tasks.Skip(i).Take(SmsClient.MaxBatchDelete).ToList(), async (batch, ct) =>
                {
                    foreach (var kv in await Sms.DeleteManyAsync(batch.Select(t => t.Id).ToList(), ct).ConfigureAwait(false)) outcomes[kv.Key] = kv.Value;
                });
            }
            Await(runner.WhenAllAsync());
            foreach (var (batch, error) in runner.TakeCompleted())
            {
                if (error != null) foreach (var task in batch) outcomes[task.Id] = error as Client.HuaweiCloudApiException ?? new Client.HuaweiCloudApiException(error.Message, Client.ApiErrorKind.InvalidArgument, service: "SMS");
            }
            FlushLog();
            var removed = new List<SmsTask>();
            foreach (var task in tasks)
            {
                if (outcomes.TryGetValue(task.Id, out var failure) && failure != null) this.WriteFailure(task.Id, failure);
                else removed.Add(task);
            }
            return removed;
        }

        /// <summary>Runs one request per task, several at a time; returns the tasks whose request succeeded.</summary>
        private List<SmsTask> Run(List<SmsTask> tasks, Func<SmsTask, System.Threading.CancellationToken, System.Threading.Tasks.Task> request)
        {
            if (tasks.Count == 0) return tasks;
            var runner = new BoundedRunner<SmsTask>(ThrottleLimit, CancellationToken);
            foreach (var task in tasks) runner.Submit(task, request);
            Await(runner.WhenAllAsync());
            var ok = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (task, error) in runner.TakeCompleted())
            {
                if (error is null) ok.Add(task.Id);
                else this.WriteFailure(task.Id, error);
            }
            return tasks.Where(t => ok.Contains(t.Id)).ToList();
        }
    }
}
