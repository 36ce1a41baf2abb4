using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>SMS tasks for the engine: names, reads (with source servers for a test launch) and the action API.</summary>
    public sealed class SmsTaskService : TaskService<SmsTask>
    {
        public SmsTaskService(SmsClient client)
        {
            Client = client;
        }

        public SmsClient Client { get; }

        public override string Service => SmsClient.Service;

        public override string ErrorPrefix => "SmsTask";

        public override string IdOf(SmsTask task) => task.Id;

        public override string? StateOf(SmsTask task) => task.RawState;

        private const string TaskNoun = "SMS task";

        public override string Noun => TaskNoun;

        public override string? NameOf(SmsTask task) => task.Name;

        /// <summary>How a task is named in prompts and messages (for callers without a service).</summary>
        public static string DescribeTask(string id, SmsTask? task) => Describe(TaskNoun, id, task?.Name);

        public override string NotFound(string id, HuaweiCloudApiException error) => "No SMS task has the id '" + id + "'. " + error.Message;

        public override ITaskRefresher<SmsTask> CreateRefresher(int throttle, int missesBeforeConfirm, TaskAction<SmsTask>? action = null)
        {
            var tasks = Client.CreateRefresher(throttle, missesBeforeConfirm);
            return action?.ReadsSourceServers == true ? new SourceCycleRefresher(tasks, Client, throttle) : (ITaskRefresher<SmsTask>)tasks;
        }

        public override async Task<IReadOnlyDictionary<string, ActionAnswer<SmsTask>>> SendAsync(TaskAction<SmsTask> action, IReadOnlyList<string> ids, SmsActionOptions? options, CancellationToken cancellationToken)
        {
            if (ReferenceEquals(action, SmsActions.Delete))
            {
                var deleted = await Client.DeleteManyAsync(ids, cancellationToken).ConfigureAwait(false);
                return deleted.ToDictionary(kv => kv.Key, kv => kv.Value is null ? ActionAnswer<SmsTask>.Done() : ActionAnswer<SmsTask>.Failed(kv.Value), StringComparer.Ordinal);
            }
            var answers = new Dictionary<string, ActionAnswer<SmsTask>>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                try
                {
                    await Client.ActionAsync(id, action, options, cancellationToken).ConfigureAwait(false);
                    answers[id] = ActionAnswer<SmsTask>.Done();
                }
                catch (Exception ex) when (ex is HuaweiCloudApiException || ex is ArgumentException)
                {
                    answers[id] = ActionAnswer<SmsTask>.Failed(ex);
                }
            }
            return answers;
        }

        /// <summary>Progress detail: the pending task that is furthest behind.</summary>
        public override Task<string?> ProgressDetailAsync(IEnumerable<WaitEntry<SmsTask>> pending, CancellationToken cancellationToken)
        {
            var slowest = pending.Where(e => e.Last != null).OrderBy(e => e.Last!.Progress).FirstOrDefault()?.Last;
            if (slowest is null) return Task.FromResult<string?>(null);
            var step = slowest.CurrentSubTask;
            return Task.FromResult<string?>("Slowest: " + (slowest.Name ?? slowest.Id) + " (" + slowest.RawState + ")"
                + (step is null ? string.Empty : ", " + step.Name + " " + (step.Progress ?? 0) + "%"));
        }
    }
}
