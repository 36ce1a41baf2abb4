using System;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>One task's error, as the engine reports it: the host turns it into its own error record.</summary>
    public sealed class TaskError
    {
        /// <param name="target">What the error is about: the task's id.</param>
        /// <param name="exception">The failure. A <see cref="HuaweiCloudApiException"/> without <paramref name="errorId"/> keeps the service's error id.</param>
        /// <param name="errorId">A stable error id; null for the service's own (or its kind's default).</param>
        /// <param name="kind">The error's category.</param>
        /// <param name="message">A message for people, when it says more than the exception's.</param>
        /// <param name="recommendedAction">What to do about it.</param>
        public TaskError(string target, HuaweiCloudApiException exception, string? errorId, ApiErrorKind kind, string? message = null, string? recommendedAction = null)
        {
            Target = target;
            Exception = exception;
            ErrorId = errorId;
            Kind = kind;
            Message = message;
            RecommendedAction = recommendedAction;
        }

        public string Target { get; }
        /// <summary>The failure: always a <see cref="HuaweiCloudApiException"/>, so scripts can catch every error of the module by one type.</summary>
        public HuaweiCloudApiException Exception { get; }
        public string? ErrorId { get; }
        public ApiErrorKind Kind { get; }
        public string? Message { get; }
        public string? RecommendedAction { get; }

        /// <summary>A service's failure: its own error id and category, with a friendlier message when given.</summary>
        public static TaskError FromApi(string target, HuaweiCloudApiException error, string? message = null) =>
            new TaskError(target, error, null, error.Kind, message);

        public override string ToString() => (ErrorId ?? Kind.ToString()) + " " + Target + ": " + (Message ?? Exception.Message);
    }

    /// <summary>How a wait is going: one activity for the whole command, and its end.</summary>
    public sealed class WaitProgress
    {
        public WaitProgress(int activityId, string activity, string status, int percentComplete, string? currentOperation, bool completed)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            CurrentOperation = currentOperation;
            Completed = completed;
        }

        public int ActivityId { get; }
        public string Activity { get; }
        public string Status { get; }
        public int PercentComplete { get; }
        public string? CurrentOperation { get; }
        public bool Completed { get; }

        public override string ToString() => Activity + ": " + Status + (Completed ? " (completed)" : " (" + PercentComplete + "%)");
    }
}
