using System;

namespace HuaweiMigration.Client.Waiting
{
    /// <summary>
    /// What a wait that timed out says of a task showing no sign of the action it followed (still in its old state
    /// long after the action was accepted, or after the action's answer was lost): the action may never have reached
    /// the service. One rule for every action cmdlet, SMS and DCS alike.
    /// </summary>
    internal static class NotReachedHint
    {
        /// <param name="result">How the wait for the task ended.</param>
        /// <param name="tookEffect">Whether a task as read shows the action happened; null when that cannot be told.</param>
        /// <param name="action">The action as a message names it ("the 'stop'", "the stop").</param>
        /// <param name="answerLost">True when the action's answer was lost on the way.</param>
        /// <returns>The hint, or null when the task timed out showing the action, or did not time out.</returns>
        public static string? For<T>(WaitResult<T> result, Func<T, bool?> tookEffect, string action, bool answerLost) where T : class
        {
            if (result.Outcome != WaitOutcome.TimedOut || result.Task is null || tookEffect(result.Task) != false) return null;
            return "The task shows no sign of " + action + (answerLost ? ", whose answer was lost" : string.Empty)
                + ": it may never have reached the service. Check the task, and send it again if it is still needed.";
        }
    }
}
