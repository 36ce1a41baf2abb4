using System.Linq;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>When a DCS stop has taken effect, or cannot.</summary>
    internal static class DcsWaitRules
    {
        private static string Describe(WaitEntry<DcsMigrationTask> entry, DcsMigrationTask? task) =>
            Engine.TaskService<DcsMigrationTask>.Describe("DCS migration task", entry.Id, task?.TaskName ?? entry.Last?.TaskName);

        /// <summary>Stop: <c>TERMINATED</c>. A failed or finished task will not get there.</summary>
        public static WaitVerdict Terminated(WaitEntry<DcsMigrationTask> entry, DcsMigrationTask? task)
        {
            if (task is null) return WaitVerdict.Fail("DcsTaskGone", Describe(entry, null) + " disappeared while stopping.");
            if (task.Status == DcsMigrationTaskStatus.TERMINATED) return WaitVerdict.Reached;
            if (DcsMigrationTaskStatuses.Failed.Contains(task.Status))
            {
                return WaitVerdict.Fail("DcsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawStatus + "."
                    + (string.IsNullOrEmpty(task.ErrorMessage) ? string.Empty : " " + task.ErrorMessage));
            }
            if (DcsMigrationTaskStatuses.Finished.Contains(task.Status))
            {
                return WaitVerdict.Fail("DcsTaskFinished", Describe(entry, task) + " finished (" + task.RawStatus + ") before it could be stopped.");
            }
            return WaitVerdict.Continue;
        }

        /// <summary>Restart: migrating again, or finished successfully. A failed status that is surely new is an error.</summary>
        public static WaitVerdict Migrating(WaitEntry<DcsMigrationTask> entry, DcsMigrationTask? task)
        {
            if (task is null) return WaitVerdict.Fail("DcsTaskGone", Describe(entry, null) + " disappeared while restarting.");
            if (DcsMigrationTaskStatuses.Migrating.Contains(task.Status) || DcsMigrationTaskStatuses.Finished.Contains(task.Status) && entry.SeenChange) return WaitVerdict.Reached;
            if (DcsMigrationTaskStatuses.Failed.Contains(task.Status) && entry.SeenChange)
            {
                return WaitVerdict.Fail("DcsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawStatus + "."
                    + (string.IsNullOrEmpty(task.ErrorMessage) ? string.Empty : " " + task.ErrorMessage));
            }
            return WaitVerdict.Continue;
        }

        /// <summary>Wait-DcsMigrationTask: one of <paramref name="targets"/>; a failed status that is not a target is an error.</summary>
        public static System.Func<WaitEntry<DcsMigrationTask>, DcsMigrationTask?, WaitVerdict> Statuses(System.Collections.Generic.IReadOnlyCollection<DcsMigrationTaskStatus> targets) => (entry, task) =>
        {
            if (task is null) return WaitVerdict.Fail("DcsTaskGone", Describe(entry, null) + " no longer exists.");
            if (targets.Contains(task.Status)) return WaitVerdict.Reached;
            if (DcsMigrationTaskStatuses.Failed.Contains(task.Status))
            {
                return WaitVerdict.Fail("DcsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawStatus + "."
                    + (string.IsNullOrEmpty(task.ErrorMessage) ? string.Empty : " " + task.ErrorMessage));
            }
            return WaitVerdict.Continue;
        };

        /// <summary>
        /// A new online migration: RUNNING, its migration machine made and waiting to be configured. A task that fails
        /// instead cannot be configured; one already past RUNNING has been configured by someone else.
        /// </summary>
        public static WaitVerdict Ready(WaitEntry<DcsMigrationTask> entry, DcsMigrationTask? task)
        {
            if (task is null) return WaitVerdict.Fail("DcsTaskGone", Describe(entry, null) + " disappeared while its migration machine was made.");
            if (task.Status == DcsMigrationTaskStatus.RUNNING) return WaitVerdict.Reached;
            if (DcsMigrationTaskStatuses.Failed.Contains(task.Status))
            {
                return WaitVerdict.Fail("DcsTaskFailed", Describe(entry, task) + " failed while its migration machine was made: it is " + task.RawStatus + "."
                    + (string.IsNullOrEmpty(task.ErrorMessage) ? string.Empty : " " + task.ErrorMessage)
                    + " It cannot be configured: remove it (Remove-DcsMigrationTask -Id " + entry.Id + ") and create it again.");
            }
            if (task.Status == DcsMigrationTaskStatus.CREATING || task.Status == DcsMigrationTaskStatus.Unknown) return WaitVerdict.Continue;
            return WaitVerdict.Fail("DcsTaskConfigured", Describe(entry, task) + " is already " + task.RawStatus + ": it was configured, so it is not configured again.");
        }

        /// <summary>
        /// A configured migration: SUCCESS (a full migration), or INCRMIGEATING (incremental, steady) for an
        /// incremental one. A failure, or a stop, is an error.
        /// </summary>
        public static System.Func<WaitEntry<DcsMigrationTask>, DcsMigrationTask?, WaitVerdict> Migrated(bool incremental) => (entry, task) =>
        {
            if (task is null) return WaitVerdict.Fail("DcsTaskGone", Describe(entry, null) + " disappeared while migrating.");
            if (task.Status == DcsMigrationTaskStatus.SUCCESS || task.Status == DcsMigrationTaskStatus.MIGRATION_SUCCESS || incremental && task.Status == DcsMigrationTaskStatus.INCRMIGEATING) return WaitVerdict.Reached;
            if (DcsMigrationTaskStatuses.Failed.Contains(task.Status))
            {
                return WaitVerdict.Fail("DcsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawStatus + "."
                    + (string.IsNullOrEmpty(task.ErrorMessage) ? string.Empty : " " + task.ErrorMessage));
            }
            if (task.Status == DcsMigrationTaskStatus.TERMINATING || task.Status == DcsMigrationTaskStatus.TERMINATED)
            {
                return WaitVerdict.Fail("DcsTaskStopped", Describe(entry, task) + " was stopped (" + task.RawStatus + ") before its migration " + (incremental ? "became steady." : "finished."));
            }
            return WaitVerdict.Continue;
        };

        /// <summary>Before a forced removal: no longer busy (stopped, failed or finished).</summary>
        public static WaitVerdict Deletable(WaitEntry<DcsMigrationTask> entry, DcsMigrationTask? task)
        {
            if (task is null) return WaitVerdict.Fail("DcsTaskGone", Describe(entry, null) + " disappeared while stopping.");
            return DcsMigrationTaskStatuses.Busy.Contains(task.Status) ? WaitVerdict.Continue : WaitVerdict.Reached;
        }

        /// <summary>
        /// Switch or roll back the IPs: the task's <c>task_status</c> is no longer EXCHANGING (only the show answer carries
        /// it). A task that fails meanwhile is an error.
        /// </summary>
        public static WaitVerdict Exchanged(WaitEntry<DcsMigrationTask> entry, DcsMigrationTask? task)
        {
            if (task is null) return WaitVerdict.Fail("DcsTaskGone", Describe(entry, null) + " disappeared while switching IP addresses.");
            if (DcsClient.IsExchanging(task)) return WaitVerdict.Continue;
            if (DcsMigrationTaskStatuses.Failed.Contains(task.Status))
            {
                return WaitVerdict.Fail("DcsTaskFailed", Describe(entry, task) + " failed: it is " + task.RawStatus + "."
                    + (string.IsNullOrEmpty(task.ErrorMessage) ? string.Empty : " " + task.ErrorMessage));
            }
            return WaitVerdict.Reached;
        }

        /// <summary>Remove: the task is gone.</summary>
        public static WaitVerdict Gone(WaitEntry<DcsMigrationTask> entry, DcsMigrationTask? task) =>
            task is null ? WaitVerdict.Reached : WaitVerdict.Continue;

        /// <summary>Explains why a stop was refused, from the task's status.</summary>
        public static string ExplainRefusal(string id, DcsMigrationTask? task)
        {
            var name = DcsTaskService.DescribeTask(id, task);
            if (task is null) return name + " cannot be stopped in its current status.";
            if (DcsMigrationTaskStatuses.Finished.Contains(task.Status)) return name + " has already finished (" + task.RawStatus + "): there is nothing to stop.";
            if (DcsMigrationTaskStatuses.Failed.Contains(task.Status)) return name + " has failed (" + task.RawStatus + "): there is nothing to stop.";
            if (task.Status == DcsMigrationTaskStatus.TERMINATED) return name + " is already stopped (TERMINATED).";
            return name + " cannot be stopped while it is " + task.RawStatus + ".";
        }
    }
}
