using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>When an SMS lifecycle change has taken effect, or cannot.</summary>
    internal static class SmsWaitRules
    {
        internal static string Describe(WaitEntry<SmsTask> entry, SmsTask? task) =>
            "The SMS task '" + (task?.Name ?? entry.Last?.Name ?? entry.Id) + "' (" + entry.Id + ")";

        private static string? ErrorDetail(SmsTask task) =>
            string.IsNullOrEmpty(task.ErrorJson) ? null : " Error: " + task.ErrorJson;

        /// <summary>
        /// Start: running, syncing or finished successfully. A failed state is an error once it is surely new: the
        /// task was not failed before the start, or has been seen changing since. A task restarted from a failed
        /// state can still show it for a moment, so when the state before the start is unknown (ids, not piped
        /// tasks), a failed state counts only after <paramref name="grace"/> without change.
        /// </summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Start(TimeSpan grace) => (entry, task) =>
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " disappeared while starting.");
            if (SmsTaskStates.Started.Contains(task.State)) return WaitVerdict.Reached;
            if (!SmsTaskStates.Failed.Contains(task.State)) return WaitVerdict.Continue;
            var failedBefore = entry.InitialState != null && SmsTaskStates.Failed.Contains(ParseState(entry.InitialState));
            var settled = entry.SeenChange
                || (entry.InitialKnown && !failedBefore)
                || (!entry.InitialKnown && entry.FirstSeenUtc.HasValue && DateTime.UtcNow - entry.FirstSeenUtc.Value >= grace);
            return settled
                ? WaitVerdict.Fail("SmsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawState + "." + ErrorDetail(task))
                : WaitVerdict.Continue;
        };

        /// <summary>Suspend: <c>ABORT</c>. A task that finished before the stop took effect cannot be paused.</summary>
        public static WaitVerdict Suspend(WaitEntry<SmsTask> entry, SmsTask? task)
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " disappeared while pausing.");
            if (task.State == SmsTaskState.ABORT) return WaitVerdict.Reached;
            if (SmsTaskStates.Settled.Contains(task.State))
            {
                return WaitVerdict.Fail(SmsTaskStates.Failed.Contains(task.State) ? "SmsTaskFailed" : "SmsTaskUnexpectedState",
                    Describe(entry, task) + " is " + task.RawState + " and will not pause." + ErrorDetail(task));
            }
            return WaitVerdict.Continue;
        }

        /// <summary>Network check: the task's network check info has an evaluation result.</summary>
        public static WaitVerdict NetworkChecked(WaitEntry<SmsTask> entry, SmsTask? task)
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " disappeared during its network check.");
            return string.IsNullOrEmpty(task.NetworkCheckInfo?.EvaluationResult) ? WaitVerdict.Continue : WaitVerdict.Reached;
        }

        /// <summary>Before a forced removal: paused, or any state in which it may be deleted.</summary>
        public static WaitVerdict Deletable(WaitEntry<SmsTask> entry, SmsTask? task)
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " disappeared while pausing.");
            return SmsTaskStates.Deletable.Contains(task.State) ? WaitVerdict.Reached : WaitVerdict.Continue;
        }

        /// <summary>Remove: the task is gone.</summary>
        public static WaitVerdict Gone(WaitEntry<SmsTask> entry, SmsTask? task) =>
            task is null ? WaitVerdict.Reached : WaitVerdict.Continue;

        /// <summary>Wait-SmsTask: one of <paramref name="targets"/>; a failed state that is not a target is an error.</summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> States(IReadOnlyCollection<SmsTaskState> targets) => (entry, task) =>
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", Describe(entry, null) + " no longer exists.");
            if (targets.Contains(task.State)) return WaitVerdict.Reached;
            if (SmsTaskStates.Failed.Contains(task.State))
            {
                return WaitVerdict.Fail("SmsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawState + "." + ErrorDetail(task));
            }
            return WaitVerdict.Continue;
        };

        private static SmsTaskState ParseState(string raw) => Models.Serialization.StateText.Parse(raw, SmsTaskState.Unknown);
    }
}
