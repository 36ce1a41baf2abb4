using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>How SMS tasks are named, and how action failures and wait outcomes become output and errors.</summary>
    internal static class SmsTaskOutput
    {
        /// <summary>How a task is named in prompts and messages.</summary>
        internal static string Describe(string id, SmsTask? task) =>
            task?.Name is { Length: > 0 } name ? "SMS task '" + name + "'" + (string.IsNullOrEmpty(id) ? string.Empty : " (" + id + ")") : "SMS task " + id;

        /// <summary>Writes an action's failure for one task.</summary>
        internal static void WriteFailure(this HuaweiCloudApiCmdlet cmdlet, string id, Exception error)
        {
            cmdlet.FlushLogNow();
            switch (error)
            {
                case HuaweiCloudApiException api when api.Kind == ApiErrorKind.NotFound:
                    cmdlet.WriteApiError(api, id, "No SMS task has the id '" + id + "'. " + api.Message);
                    break;
                case HuaweiCloudApiException api:
                    cmdlet.WriteApiError(api, id);
                    break;
                case ArgumentException arg:
                    cmdlet.WriteError(ErrorRecords.InvalidArgument(arg, "InvalidSmsTaskId", id));
                    break;
                default:
                    cmdlet.WriteError(new ErrorRecord(error, "SmsTaskActionFailed", ErrorCategory.InvalidOperation, id));
                    break;
            }
        }

        /// <summary>Writes the end of one task's wait: the task on success (when <paramref name="writeTask"/>), else an error.</summary>
        internal static void WriteWaitResult(this HuaweiCloudApiCmdlet cmdlet, WaitResult<SmsTask> result, bool writeTask, WaitTiming timing, string goal, string? timeoutHint = null)
        {
            cmdlet.FlushLogNow();
            switch (result.Outcome)
            {
                case WaitOutcome.Reached:
                    if (writeTask && result.Task != null) cmdlet.WriteObject(result.Task);
                    break;
                case WaitOutcome.Failed:
                    cmdlet.WriteError(new ErrorRecord(
                        new InvalidOperationException(result.Message),
                        result.ErrorId ?? "SmsTaskFailed",
                        result.ErrorId == "SmsTaskGone" ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidResult,
                        result.Id));
                    break;
                case WaitOutcome.TimedOut:
                    cmdlet.WriteError(new ErrorRecord(
                        new TimeoutException(Describe(result.Id, result.Task) + " did not " + goal + " within " + timing.TimeoutSeconds + " seconds; it is "
                            + (result.Task?.RawState ?? "in an unknown state") + "." + (timeoutHint is null ? string.Empty : " " + timeoutHint)),
                        "SmsTaskWaitTimeout",
                        ErrorCategory.OperationTimeout,
                        result.Id));
                    break;
                default:
                    cmdlet.WriteFailure(result.Id, result.Error ?? new InvalidOperationException(result.Message));
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
