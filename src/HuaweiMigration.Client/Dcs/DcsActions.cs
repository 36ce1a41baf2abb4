using HuaweiMigration.Client.Engine;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>The DCS migration-task actions: stop, restart and delete, each sent for up to 50 tasks a request.</summary>
    public static class DcsActions
    {
        private static string Describe(string id, DcsMigrationTask? task) => DcsTaskService.DescribeTask(id, task);

        public static TaskAction<DcsMigrationTask> Stop { get; } = new TaskAction<DcsMigrationTask>("stop",
            new ActionWords("Stop", "Stopping DCS migration tasks", "stopped", "was not TERMINATED", "the stop"),
            _ => DcsWaitRules.Terminated,
            t => t is null ? (bool?)null : DcsClient.IsStopping(t),
            DcsClient.MaxBatch)
        {
            ExplainRefusal = DcsWaitRules.ExplainRefusal,
        };

        public static TaskAction<DcsMigrationTask> Restart { get; } = new TaskAction<DcsMigrationTask>("restart",
            new ActionWords("Restart", "Restarting DCS migration tasks", "restarted", "did not migrate again", "the restart"),
            _ => DcsWaitRules.Migrating,
            batchSize: DcsClient.MaxBatch)
        {
            ExplainRefusal = (id, task) => Describe(id, task) + " cannot be restarted" + (task is null ? " in its current status" : " while it is " + task.RawStatus)
                + "; only stopped, failed or finished online migrations can be",
        };

        public static TaskAction<DcsMigrationTask> Delete { get; } = new TaskAction<DcsMigrationTask>("delete",
            new ActionWords("Remove", "Removing DCS migration tasks", "removed", "did not disappear", "the deletion"),
            _ => DcsWaitRules.Gone,
            t => t is null,
            DcsClient.MaxBatch)
        {
            ExplainRefusal = (id, task) => Describe(id, task) + " cannot be removed" + (task is null ? " in its current status" : " while it is " + task.RawStatus),
        };
    }
}
