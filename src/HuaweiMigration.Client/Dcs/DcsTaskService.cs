using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>DCS migration tasks for the engine: names, reads, and the stop, restart and delete calls (50 ids a request).</summary>
    public sealed class DcsTaskService : TaskService<DcsMigrationTask>
    {
        public DcsTaskService(DcsClient client)
        {
            Client = client;
        }

        public DcsClient Client { get; }

        public override string Service => DcsClient.Service;

        public override string ErrorPrefix => "DcsTask";

        public override string IdOf(DcsMigrationTask task) => task.TaskId;

        public override string? StateOf(DcsMigrationTask task) => task.RawStatus;

        private const string TaskNoun = "DCS migration task";

        public override string Noun => TaskNoun;

        public override string? NameOf(DcsMigrationTask task) => task.TaskName;

        /// <summary>How a task is named in prompts and messages (for callers without a service).</summary>
        public static string DescribeTask(string id, DcsMigrationTask? task) => Describe(TaskNoun, id, task?.TaskName);

        public override string NotFound(string id, HuaweiCloudApiException error) =>
            "No DCS migration task has the id '" + id + "' in project " + Client.ProjectId + ". " + error.Message;

        public override HuaweiCloudApiException Missing(string id, DcsMigrationTask? task) =>
            new HuaweiCloudApiException("DCS error DCS.4133: the migration task does not exist.", ApiErrorKind.NotFound, 400, "DCS.4133", service: Service);

        // A stop or restart the service accepted did happen: a task that cannot be read back afterwards is not an error.
        public override bool UnreadAfterActionIsError => false;

        // Only the show answer carries task_status (list rows, MigrationTaskList, have none): a switch is followed task by task.
        public override ITaskRefresher<DcsMigrationTask> CreateRefresher(int throttle, int missesBeforeConfirm, TaskAction<DcsMigrationTask>? action = null) =>
            action != null && DcsActions.IsExchange(action)
                ? Client.CreateRefresher(throttle, missesBeforeConfirm, readEachOnly: true)
                : Client.CreateRefresher(throttle, missesBeforeConfirm);

        public override async Task<IReadOnlyDictionary<string, ActionAnswer<DcsMigrationTask>>> SendAsync(TaskAction<DcsMigrationTask> action, IReadOnlyList<string> ids, SmsActionOptions? options, CancellationToken cancellationToken)
        {
            foreach (var id in ids) InputValidation.DcsTaskId(id);
            if (ReferenceEquals(action, DcsActions.Delete))
            {
                var deleted = await Client.DeleteTasksAsync(ids, cancellationToken).ConfigureAwait(false);
                return deleted.ToDictionary(kv => kv.Key, kv => kv.Value is null ? ActionAnswer<DcsMigrationTask>.Done() : ActionAnswer<DcsMigrationTask>.Failed(kv.Value), StringComparer.Ordinal);
            }
            if (DcsActions.IsExchange(action))
            {
                var exchanged = new Dictionary<string, ActionAnswer<DcsMigrationTask>>(StringComparer.Ordinal);
                foreach (var id in ids)
                {
                    try
                    {
                        if (ReferenceEquals(action, DcsActions.RollbackIp)) await Client.RollbackIpAsync(id, cancellationToken).ConfigureAwait(false);
                        else await Client.ExchangeIpAsync(id, ReferenceEquals(action, DcsActions.SwitchIpAndDomain), cancellationToken).ConfigureAwait(false);
                        exchanged[id] = ActionAnswer<DcsMigrationTask>.Done(await ReadBackAsync(id, cancellationToken).ConfigureAwait(false));
                    }
                    catch (HuaweiCloudApiException ex)
                    {
                        exchanged[id] = ActionAnswer<DcsMigrationTask>.Failed(ex);
                    }
                }
                return exchanged;
            }
            if (ReferenceEquals(action, DcsActions.Stop) && ids.Count == 1)
            {
                // One task: the single stop, whose answer is the task itself.
                return new Dictionary<string, ActionAnswer<DcsMigrationTask>> { [ids[0]] = ActionAnswer<DcsMigrationTask>.Done(await Client.StopAsync(ids[0], cancellationToken).ConfigureAwait(false)) };
            }
            var rows = ReferenceEquals(action, DcsActions.Stop) ? await Client.BatchStopAsync(ids, cancellationToken).ConfigureAwait(false)
                : ReferenceEquals(action, DcsActions.Restart) ? await Client.BatchRestartAsync(ids, cancellationToken).ConfigureAwait(false)
                : throw new NotSupportedException("DCS has no '" + action.Name + "' call.");
            var answers = new Dictionary<string, ActionAnswer<DcsMigrationTask>>(StringComparer.Ordinal);
            foreach (var row in rows) answers[row.Id] = row.Succeeded ? ActionAnswer<DcsMigrationTask>.Done() : ActionAnswer<DcsMigrationTask>.Failed(row.ToException());
            return answers;
        }

        /// <summary>
        /// The task right after a switch or roll-back the service accepted (it answers nothing): read on its own, as only
        /// the single-task answer shows task_status and the instances' IPs. Null when it cannot be read: the switch
        /// happened all the same, and the engine reads it again.
        /// </summary>
        private async Task<DcsMigrationTask?> ReadBackAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                return await Client.GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (HuaweiCloudApiException)
            {
                return null;
            }
        }

        /// <summary>
        /// Progress detail from the API's figures: one pending task's stats (one request a poll, however many tasks
        /// are waited for). Its state alone when the stats cannot be read; the wait goes on.
        /// </summary>
        public override async Task<string?> ProgressDetailAsync(IEnumerable<WaitEntry<DcsMigrationTask>> pending, CancellationToken cancellationToken)
        {
            var entry = pending.FirstOrDefault();
            if (entry is null) return null;
            try
            {
                var stats = await Client.GetProgressAsync(entry.Id, cancellationToken).ConfigureAwait(false);
                return Describe(entry.Id, entry.Last) + ": " + (stats.FullMigrationProgress ?? "?") + "%"
                    + (stats.TargetDbsize is null ? string.Empty : ", " + stats.TargetDbsize + " of " + (stats.SourceDbsize ?? "?") + " keys");
            }
            catch (HuaweiCloudApiException)
            {
                return Describe(entry.Id, entry.Last) + " (" + entry.Last?.RawStatus + ")";
            }
        }
    }
}
