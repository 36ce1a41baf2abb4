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
        /// The error for <paramref name="error"/> about task <paramref name="id"/>: a service's failure keeps its
        /// code and category (an unknown id says so plainly; a refusal says why when <paramref name="refusal"/> can
        /// tell), a refused id is InvalidArgument, anything else <paramref name="otherErrorId"/>.
        /// </summary>
        public static TaskError Of<TTask>(TaskService<TTask> service, string id, Exception error, string otherErrorId, string? refusal = null) where TTask : class
        {
            switch (error)
            {
                case HuaweiCloudApiException api when api.Kind == ApiErrorKind.NotFound:
                    return TaskError.FromApi(id, api, service.NotFound(id, api));
                case HuaweiCloudApiException api when api.Kind == ApiErrorKind.InvalidOperation && refusal != null:
                    return TaskError.FromApi(id, api, refusal.TrimEnd('.') + " (" + (api.ErrorCode ?? "refused") + ")" + (string.IsNullOrEmpty(api.ErrorMessage) ? "." : ". " + api.ErrorMessage));
                case HuaweiCloudApiException api:
                    return TaskError.FromApi(id, api);
                case ArgumentException arg:
                    return new TaskError(id, arg, "Invalid" + service.ErrorPrefix + "Id", ApiErrorKind.InvalidArgument);
                default:
                    return new TaskError(id, error, otherErrorId, ApiErrorKind.InvalidOperation);
            }
        }
    }
}
