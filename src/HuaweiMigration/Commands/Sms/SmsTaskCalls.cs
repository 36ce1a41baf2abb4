using System;
using HuaweiMigration.Client;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>One call about one SMS task, for the cmdlets that take task ids and call a task's own endpoint.</summary>
    internal static class SmsTaskCalls
    {
        /// <summary>
        /// Runs <paramref name="work"/> for task <paramref name="id"/>: an id that is no task id is refused before any
        /// request (InvalidSmsTaskId); an unknown task is ObjectNotFound saying so; any other failure names the task;
        /// each costs only this id.
        /// </summary>
        internal static void ForSmsTask(this HuaweiCloudApiCmdlet cmdlet, string id, Action work) =>
            cmdlet.ForItem(id, "InvalidSmsTaskId", () =>
            {
                InputValidation.SmsTaskId(id);
                try
                {
                    work();
                }
                catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                {
                    cmdlet.WriteApiError(ex, id, "No SMS task has the id '" + id + "'. " + ex.Message);
                }
                catch (HuaweiCloudApiException ex)
                {
                    // By id: that is all these commands know of the task.
                    cmdlet.WriteApiError(ex, id, "SMS task " + id + ": " + ex.Said);
                }
            });
    }
}
