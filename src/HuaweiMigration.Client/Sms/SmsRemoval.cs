using System;
using System.Linq;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>How SMS tasks are removed: paused, finished or never started ones at once; running ones paused first with -Force.</summary>
    public static class SmsRemoval
    {
        public static RemovalRules<SmsTask> Rules { get; } = new RemovalRules<SmsTask>(
            SmsActions.Delete,
            SmsActions.Stop,
            deletable: t => SmsTaskStates.Deletable.Contains(t.State),
            forcible: t => t.State != SmsTaskState.DELETING,
            needsStop: t => SmsTaskStates.Stoppable.Contains(t.State),
            ready: SmsWaitRules.Deletable,
            readyWords: new WaitWords("Pausing SMS tasks before removing them", "paused", "did not pause"),
            notRemovable: (id, task) =>
            {
                var who = SmsTaskService.DescribeTask(id, task);
                return new TaskError(id,
                    new HuaweiCloudApiException(who + " is " + task.RawState
                        + "; only a task that is paused (ABORT), finished or not started can be removed. Pause it first (Suspend-SmsTask -Wait), or use -Force.", ApiErrorKind.InvalidOperation, service: "SMS"),
                    "SmsTaskNotRemovable", ApiErrorKind.InvalidOperation,
                    who + " is " + task.RawState + " and cannot be removed now.",
                    "Suspend-SmsTask -Id " + id + " -Wait; then Remove-SmsTask -Id " + id + ". Or: Remove-SmsTask -Id " + id + " -Force");
            });
    }
}
