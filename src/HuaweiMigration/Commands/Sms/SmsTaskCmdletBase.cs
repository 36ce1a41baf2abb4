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
    /// What the SMS task cmdlets share: tasks from <c>-Id</c> or <c>-InputObject</c> (pipeline by value and by
    /// property name), how a task is named, and how action failures and wait outcomes become output and errors.
    /// </summary>
    public abstract class SmsTaskCmdletBase : HuaweiCloudApiCmdlet
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
        internal IEnumerable<(string Id, SmsTask? Task)> NewInputs() =>
            NewInputs(
                ParameterSetName == InputObjectSet
                    ? new[] { InputObject }.Where(t => t != null).Select(t => (t!.Id, (SmsTask?)t))
                    : Id.Select(id => (id, (SmsTask?)null)),
                InputValidation.SmsTaskId, "InvalidSmsTaskId", "SMS task");

        /// <summary>How a task is named in prompts and messages.</summary>
        internal static string Describe(string id, SmsTask? task) =>
            task?.Name is { Length: > 0 } name ? "SMS task '" + name + "' (" + id + ")" : "SMS task " + id;

        /// <summary>Writes an action's failure for one task.</summary>
        internal void WriteFailure(string id, Exception error)
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
}
