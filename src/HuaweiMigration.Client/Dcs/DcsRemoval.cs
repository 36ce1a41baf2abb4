using System;
using System.Linq;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>How DCS migration tasks are removed: those not migrating at once; migrating ones stopped first with -Force.</summary>
    public static class DcsRemoval
    {
        public static RemovalRules<DcsMigrationTask> Rules { get; } = new RemovalRules<DcsMigrationTask>(
            DcsActions.Delete,
            DcsActions.Stop,
            deletable: t => !DcsMigrationTaskStatuses.Busy.Contains(t.Status),
            forcible: _ => true,
            needsStop: t => t.Status != DcsMigrationTaskStatus.TERMINATING,
            ready: DcsWaitRules.Deletable,
            readyWords: new WaitWords("Stopping DCS migration tasks before removing them", "stopped", "was not TERMINATED"),
            notRemovable: (id, task) =>
            {
                var who = DcsTaskService.DescribeTask(id, task);
                return new TaskError(id,
                    new HuaweiCloudApiException(who + " is " + task.RawStatus
                        + "; a migration that is still running cannot be removed. Stop it first (Stop-DcsMigrationTask -Wait), or use -Force.", ApiErrorKind.InvalidOperation, service: "DCS"),
                    "DcsTaskNotRemovable", ApiErrorKind.InvalidOperation,
                    who + " is " + task.RawStatus + " and cannot be removed now.",
                    "Stop-DcsMigrationTask -Id " + id + " -Wait; then Remove-DcsMigrationTask -Id " + id + ". Or: Remove-DcsMigrationTask -Id " + id + " -Force");
            });
    }
}
