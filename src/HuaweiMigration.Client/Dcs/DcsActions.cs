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
    

        /// <summary>
        /// Switch-DcsMigrationIp: <c>exchange-ip</c>, one task a request (the body is built from the task's instances).
        /// -Wait waits until the task's <c>task_status</c> is no longer EXCHANGING.
        /// </summary>
        public static TaskAction<DcsMigrationTask> SwitchIp { get; } = Exchange("exchange-ip", "Switch the IP addresses of", "Switching IP addresses of DCS migrations", "switched", "the IP switch", WhyNoSwitch);

        /// <summary>Switch-DcsMigrationIp -ExchangeDomain: the same, with <c>is_exchange_domain</c> true.</summary>
        public static TaskAction<DcsMigrationTask> SwitchIpAndDomain { get; } = Exchange("exchange-ip+domain", "Switch the IP addresses and domain names of", "Switching IP addresses of DCS migrations", "switched", "the IP switch", WhyNoSwitch);

        /// <summary>Undo-DcsMigrationIp: <c>rollback-ip</c>; -Wait as for a switch.</summary>
        public static TaskAction<DcsMigrationTask> RollbackIp { get; } = Exchange("rollback-ip", "Roll back the IP switch of", "Rolling back IP switches of DCS migrations", "rolled back", "the IP roll-back", WhyNoRollback);

        // Why a switch or roll-back was refused, from the task as read now: the module's own reason, else its status
        // (the service's code and words follow).
        private static string WhyNoSwitch(string id, DcsMigrationTask? task) =>
            (task is null ? null : DcsClient.WhyNoSwitch(task)) ?? Describe(id, task) + " cannot switch IP addresses" + (task is null ? " in its current status" : " while it is " + task.RawStatus);

        private static string WhyNoRollback(string id, DcsMigrationTask? task) =>
            (task is null ? null : DcsClient.WhyNoRollback(task)) ?? Describe(id, task) + " cannot roll back an IP switch" + (task is null ? " in its current status" : " while it is " + task.RawStatus);

        private static TaskAction<DcsMigrationTask> Exchange(string name, string verb, string activity, string settled, string named, System.Func<string, DcsMigrationTask?, string> explain) =>
            new TaskAction<DcsMigrationTask>(name,
                new ActionWords(verb, activity, settled, "was still EXCHANGING", named),
                _ => DcsWaitRules.Exchanged,
                t => t is null ? (bool?)null : DcsClient.IsExchanging(t) ? true : (bool?)null)
            {
                // The wait follows the sub-status too: EXCHANGING and back is a change even when the status stays.
                WaitState = t => (t.TaskStatus ?? string.Empty) + "/" + t.RawStatus,
                ExplainRefusal = explain,
            };

        /// <summary>Whether an action is an IP switch or roll-back.</summary>
        public static bool IsExchange(TaskAction<DcsMigrationTask> action) =>
            ReferenceEquals(action, SwitchIp) || ReferenceEquals(action, SwitchIpAndDomain) || ReferenceEquals(action, RollbackIp);
    }
}
