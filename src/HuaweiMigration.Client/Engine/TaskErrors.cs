using System;

using System.Collections.Generic;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>How a failure about one task becomes its error: the one rule for actions and waits, SMS and DCS.</summary>
    internal static class TaskErrors
    {
        /// <summary>
        /// Reads many tasks at once for a one-off decision; a read that fails as a whole (a list page that stays
        /// unanswered) is that failure for each task, never an end of the command.
        /// </summary>
        public static RefreshResult<TTask> ReadAll<TTask>(IEngineHost host, TaskService<TTask> service, IReadOnlyCollection<string> ids, int throttle) where TTask : class
        {
            try
            {
                return host.Await(service.CreateRefresher(throttle, 1).RefreshAsync(ids, host.Cancellation));
            }
            catch (HuaweiCloudApiException ex)
            {
                var failed = new RefreshResult<TTask>();
                foreach (var id in ids) failed.Errors[id] = ex;
                return failed;
            }
        }

        /// <summary>
        /// The error for <paramref name="error"/> about task <paramref name="id"/> (<paramref name="task"/> as piped in
        /// or last read, when known): its message names the task by name and id, the service's own refusals too
        /// (<c>SMS task 'web-01' (0b1c…): SMS.1038 Only running tasks can be paused.</c>). A service's failure keeps its
        /// code and category and the exception its own message (an unknown id says so plainly; a refusal says why when
        /// <paramref name="refusal"/> can tell), a refused id is InvalidArgument, anything else <paramref name="otherErrorId"/>.
        /// </summary>
        public static TaskError Of<TTask>(TaskService<TTask> service, string id, TTask? task, Exception error, string otherErrorId, string? refusal = null) where TTask : class
        {
            var who = service.Describe(id, task);
            switch (error)
            {
                case HuaweiCloudApiException api when api.Kind == ApiErrorKind.NotFound:
                    // "No SMS task has the id '…'" names it by id; a name known is said first.
                    var notFound = service.NotFound(id, api);
                    return TaskError.FromApi(id, api, task != null && !string.IsNullOrEmpty(service.NameOf(task)) ? Named(who, notFound) : notFound);
                case HuaweiCloudApiException api when api.Kind == ApiErrorKind.InvalidOperation && refusal != null:
                    return TaskError.FromApi(id, api, Named(who, refusal.TrimEnd('.') + " (" + (api.ErrorCode ?? "refused") + ")" + (string.IsNullOrEmpty(api.ErrorMessage) ? "." : ". " + api.ErrorMessage)));
                case HuaweiCloudApiException api:
                    return TaskError.FromApi(id, api, Named(who, api.Said));
                case ArgumentException arg:
                    return new TaskError(id, HuaweiCloudArgumentException.From(arg), "Invalid" + service.ErrorPrefix + "Id", ApiErrorKind.InvalidArgument);
                default:
                    return new TaskError(id, new HuaweiCloudApiException(error.Message, ApiErrorKind.InvalidOperation, service: service.Service, innerException: error),
                        otherErrorId, ApiErrorKind.InvalidOperation, Named(who, error.Message));
            }
        }

        /// <summary><paramref name="message"/>, after the task's description unless it already names the task so.</summary>
        public static string Named(string who, string message) =>
            message.IndexOf(who, StringComparison.Ordinal) >= 0 ? message : who + ": " + message;
    }
}
