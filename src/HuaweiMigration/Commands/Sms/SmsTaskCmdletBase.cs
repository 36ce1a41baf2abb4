using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// What the SMS lifecycle cmdlets share: tasks from <c>-Id</c> or <c>-InputObject</c> (pipeline by value and by
    /// property name), wait timing, and how wait outcomes become output and errors.
    /// </summary>
    public abstract class SmsTaskCmdletBase : WaitingCmdlet
    {
        public const string ByIdSet = "ById";
        public const string InputObjectSet = "InputObject";

        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or any objects with an Id or TaskId property; an id given twice is handled once.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Tasks, as written by Get-SmsTask; piped SMS task objects bind here.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public SmsTask? InputObject { get; set; }

        private SmsClient? _sms;

        internal SmsClient Sms => _sms ??= new SmsClient(CurrentContext, Log);

        /// <summary>The tasks of this pipeline input, valid and not seen before in this call.</summary>
        protected IEnumerable<(string Id, SmsTask? Task)> NewInputs() =>
            NewInputs(
                ParameterSetName == InputObjectSet
                    ? new[] { InputObject }.Where(t => t != null).Select(t => (t!.Id, (SmsTask?)t))
                    : Id.Select(id => (id, (SmsTask?)null)),
                InputValidation.SmsTaskId, "InvalidSmsTaskId", "SMS task");

        /// <summary>How a task is named in prompts and messages.</summary>
        protected static string Describe(string id, SmsTask? task) =>
            task?.Name is { Length: > 0 } name ? "SMS task '" + name + "' (" + id + ")" : "SMS task " + id;

        /// <summary>Writes an action's failure for one task.</summary>
        protected void WriteFailure(string id, Exception error)
        {
            FlushLog();
            switch (error)
            {
                case HuaweiCloudApiException api when api.Kind == ApiErrorKind.NotFound:
                    WriteApiError(api, id, "No SMS task has the id '" + id + "'. " + api.Message);
                    break;
                case HuaweiCloudApiException api:
                    WriteApiError(api, id);
                    break;
                case ArgumentException arg:
                    WriteError(ErrorRecords.InvalidArgument(arg, "InvalidSmsTaskId", id));
                    break;
                default:
                    WriteError(new ErrorRecord(error, "SmsTaskActionFailed", ErrorCategory.InvalidOperation, id));
                    break;
            }
        }

        /// <summary>Writes the end of one task's wait: the task on success (when <paramref name="writeTask"/>), else an error.</summary>
        internal void WriteWaitResult(WaitResult<SmsTask> result, bool writeTask, WaitTiming timing, string goal)
        {
            FlushLog();
            switch (result.Outcome)
            {
                case WaitOutcome.Reached:
                    if (writeTask && result.Task != null) WriteObject(result.Task);
                    break;
                case WaitOutcome.Failed:
                    WriteError(new ErrorRecord(
                        new InvalidOperationException(result.Message),
                        result.ErrorId ?? "SmsTaskFailed",
                        result.ErrorId == "SmsTaskGone" ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidResult,
                        result.Id));
                    break;
                case WaitOutcome.TimedOut:
                    WriteError(new ErrorRecord(
                        new TimeoutException(Describe(result.Id, result.Task) + " did not " + goal + " within " + timing.TimeoutSeconds + " seconds; it is "
                            + (result.Task?.RawState ?? "in an unknown state") + "."),
                        "SmsTaskWaitTimeout",
                        ErrorCategory.OperationTimeout,
                        result.Id));
                    break;
                default:
                    WriteFailure(result.Id, result.Error ?? new InvalidOperationException(result.Message));
                    break;
            }
        }

        /// <summary>Progress detail: the pending task that is furthest behind.</summary>
        internal static string? Slowest(TaskWaiter<SmsTask> waiter)
        {
            var slowest = waiter.PendingEntries.Where(e => e.Last != null).OrderBy(e => e.Last!.Progress).FirstOrDefault()?.Last;
            if (slowest is null) return null;
            var step = slowest.CurrentSubTask;
            return "Slowest: " + (slowest.Name ?? slowest.Id) + " (" + slowest.RawState + ")"
                + (step is null ? string.Empty : ", " + step.Name + " " + (step.Progress ?? 0) + "%");
        }
    }

    /// <summary>Start and Suspend: one action per task, sent concurrently as tasks arrive, then waited for together.</summary>
    public abstract class SmsTaskActionCmdletBase : SmsTaskCmdletBase
    {
        /// <summary><para type="description">Wait until the change has taken effect, with progress; Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary>The API operation: start or stop.</summary>
        protected abstract string Operation { get; }

        /// <summary>The verb shown by -WhatIf and -Confirm.</summary>
        protected abstract string ActionName { get; }

        /// <summary>What "done" means, for messages: "start", "pause".</summary>
        protected abstract string Goal { get; }

        protected abstract string Activity { get; }

        internal abstract Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Rule { get; }

        private Client.Concurrency.BoundedRunner<string>? _runner;
        private TaskWaiter<SmsTask>? _waiter;
        private WaitTiming _timing;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _runner = new Client.Concurrency.BoundedRunner<string>(ThrottleLimit, CancellationToken);
            _waiter = new TaskWaiter<SmsTask>(Sms.CreateRefresher(ThrottleLimit), Rule, t => t.RawState);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs())
            {
                if (!ShouldProcess(Describe(id, task), ActionName)) continue;
                _waiter!.Add(id, task);
                _runner!.Submit(id, (taskId, ct) => Sms.ActionAsync(taskId, Operation, ct));
            }
            DrainActions();
        }

        private void DrainActions()
        {
            FlushLog();
            foreach (var (id, error) in _runner!.TakeCompleted())
            {
                if (error is null)
                {
                    WriteVerbose(Describe(id, null) + ": " + Operation + " accepted.");
                    continue;
                }
                if (Wait && error is HuaweiCloudApiException { OutcomeUnknown: true })
                {
                    // The answer was lost and the task could not be read: the wait will tell what happened.
                    WriteVerbose(error.Message + " Waiting will tell.");
                    continue;
                }
                _waiter!.Forget(id);
                WriteFailure(id, error);
            }
        }

        protected override void EndProcessing()
        {
            Await(_runner!.WhenAllAsync());
            DrainActions();
            _timing = StartTiming();
            if (Wait)
            {
                RunWait(_waiter!, _timing, Activity, Goal == "start" ? "started" : "paused", Slowest, r => WriteWaitResult(r, true, _timing, Goal));
                return;
            }
            WriteCurrentStates(_waiter!.PendingEntries.Select(e => e.Id).ToList());
        }

        /// <summary>Without -Wait: each task as it is right after the action, read in one batch.</summary>
        private void WriteCurrentStates(IReadOnlyCollection<string> ids)
        {
            if (ids.Count == 0) return;
            var states = Await(Sms.CreateRefresher(ThrottleLimit, missesBeforeConfirm: 1).RefreshAsync(ids, CancellationToken));
            FlushLog();
            foreach (var id in ids)
            {
                if (states.Found.TryGetValue(id, out var task)) WriteObject(task);
                else if (states.Errors.TryGetValue(id, out var error)) WriteFailure(id, error);
                else WriteFailure(id, new HuaweiCloudApiException("SMS task " + id + " no longer exists.", ApiErrorKind.NotFound, 404, service: "SMS"));
            }
        }
    }
}
