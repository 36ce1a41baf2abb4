using System;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>How DCS tasks are named, and how wait outcomes become output and errors.</summary>
    internal static class DcsTaskOutput
    {
        internal static string Describe(string id, DcsMigrationTask? task) =>
            task?.TaskName is { Length: > 0 } name ? "DCS migration task '" + name + "'" + (string.IsNullOrEmpty(id) ? string.Empty : " (" + id + ")") : "DCS migration task " + id;

        /// <summary>Writes the end of one task's wait: the task on success (when <paramref name="writeTask"/>), else an error. <paramref name="notReached"/> says what a time-out means ("was not TERMINATED").</summary>
        internal static void WriteDcsWaitResult(this HuaweiCloudApiCmdlet cmdlet, WaitResult<DcsMigrationTask> result, WaitTiming timing, string notReached, bool writeTask = true, string? timeoutHint = null)
        {
            cmdlet.FlushLogNow();
            switch (result.Outcome)
            {
                case WaitOutcome.Reached:
                    if (writeTask && result.Task != null) cmdlet.WriteObject(result.Task);
                    break;
                case WaitOutcome.Failed:
                    cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(result.Message), result.ErrorId ?? "DcsTaskFailed",
                        result.ErrorId == "DcsTaskGone" ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidResult, result.Id));
                    break;
                case WaitOutcome.TimedOut:
                    cmdlet.WriteError(new ErrorRecord(
                        new TimeoutException(Describe(result.Id, result.Task) + " " + notReached + " within " + timing.TimeoutSeconds + " seconds; it is "
                            + (result.Task?.RawStatus ?? "in an unknown status") + "." + (timeoutHint is null ? string.Empty : " " + timeoutHint)),
                        "DcsTaskWaitTimeout", ErrorCategory.OperationTimeout, result.Id));
                    break;
                default:
                    if (result.Error is HuaweiCloudApiException api) cmdlet.WriteApiError(api, result.Id);
                    else cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(result.Message), "DcsTaskWaitFailed", ErrorCategory.InvalidResult, result.Id));
                    break;
            }
        }

        /// <summary>
        /// Progress detail from the API's figures: one pending task's stats (one request a poll, however many tasks
        /// are waited for). Nothing when the stats cannot be read; the wait goes on.
        /// </summary>
        internal static Func<TaskWaiter<DcsMigrationTask>, string?> ProgressLine(HuaweiCloudApiCmdlet cmdlet, Client.Dcs.DcsClient dcs) => waiter =>
        {
            var entry = System.Linq.Enumerable.FirstOrDefault(waiter.PendingEntries);
            if (entry is null) return null;
            try
            {
                var stats = cmdlet.AwaitTask(dcs.GetProgressAsync(entry.Id, cmdlet.Cancellation));
                return Describe(entry.Id, entry.Last) + ": " + (stats.FullMigrationProgress ?? "?") + "%"
                    + (stats.TargetDbsize is null ? string.Empty : ", " + stats.TargetDbsize + " of " + (stats.SourceDbsize ?? "?") + " keys");
            }
            catch (HuaweiCloudApiException)
            {
                return Describe(entry.Id, entry.Last) + " (" + entry.Last?.RawStatus + ")";
            }
        };

        /// <summary>Writes a refused or failed action for one task; a refusal names the task's status.</summary>
        internal static void WriteDcsFailure(this HuaweiCloudApiCmdlet cmdlet, HuaweiCloudApiException error, string id, string projectId, DcsMigrationTask? known, string action)
        {
            if (error.Kind == ApiErrorKind.InvalidOperation)
            {
                cmdlet.WriteApiError(error, id, Describe(id, known) + " cannot be " + action + (known is null ? " in its current status" : " while it is " + known.RawStatus) + " (" + (error.ErrorCode ?? "refused") + "). " + error.ErrorMessage);
            }
            else if (error.Kind == ApiErrorKind.NotFound)
            {
                cmdlet.WriteApiError(error, id, "No DCS migration task has the id '" + id + "' in project " + projectId + ". " + error.Message);
            }
            else
            {
                cmdlet.WriteApiError(error, id);
            }
        }
    }
}
