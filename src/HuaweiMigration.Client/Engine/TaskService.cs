using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>What each task answered to one request of an action: done (with the task when the answer carries it), or the failure.</summary>
    public readonly struct ActionAnswer<TTask> where TTask : class
    {
        private ActionAnswer(TTask? task, Exception? error)
        {
            Task = task;
            Error = error;
        }

        /// <summary>The task as the answer returned it; null when the answer carries none.</summary>
        public TTask? Task { get; }

        /// <summary>Why the action failed for this task; null when it was accepted.</summary>
        public Exception? Error { get; }

        public static ActionAnswer<TTask> Done(TTask? task = null) => new ActionAnswer<TTask>(task, null);
        public static ActionAnswer<TTask> Failed(Exception error) => new ActionAnswer<TTask>(null, error);
    }

    /// <summary>
    /// One service's tasks, as the engine needs them: how a task is named, identified and read, and how an action's
    /// request goes out. The engine knows nothing else of SMS or DCS.
    /// </summary>
    public abstract class TaskService<TTask> where TTask : class
    {
        /// <summary>"SMS", "DCS".</summary>
        public abstract string Service { get; }

        /// <summary>The start of the engine's error ids ("SmsTask" → SmsTaskWaitTimeout).</summary>
        public abstract string ErrorPrefix { get; }

        /// <summary>A task's id.</summary>
        public abstract string IdOf(TTask task);

        /// <summary>A task's state as the service spells it.</summary>
        public abstract string? StateOf(TTask task);

        /// <summary>What a task is called ("SMS task").</summary>
        public abstract string Noun { get; }

        /// <summary>A task's name, when it has one.</summary>
        public abstract string? NameOf(TTask task);

        /// <summary>How a task is named in prompts and messages: by name when known, and by id.</summary>
        public virtual string Describe(string id, TTask? task) => Describe(Noun, id, task is null ? null : NameOf(task));

        /// <summary>"SMS task 'web-01' (0b1c…)", or "SMS task 0b1c…" without a name.</summary>
        public static string Describe(string noun, string id, string? name) =>
            !string.IsNullOrEmpty(name) ? noun + " '" + name + "'" + (string.IsNullOrEmpty(id) ? string.Empty : " (" + id + ")") : noun + " " + id;

        /// <summary>The message for an id the service does not know.</summary>
        public abstract string NotFound(string id, HuaweiCloudApiException error);

        /// <summary>The failure for a task a read did not find, as the service itself would report it (SMS: 404; DCS: DCS.4133).</summary>
        public virtual HuaweiCloudApiException Missing(string id, TTask? task) =>
            new HuaweiCloudApiException(Describe(id, task) + " does not exist.", ApiErrorKind.NotFound, 404, service: Service);

        /// <summary>
        /// True when a task whose action was accepted but that cannot be read back afterwards is an error; false when
        /// it is only said on the verbose stream (the action did happen).
        /// </summary>
        public virtual bool UnreadAfterActionIsError => true;

        /// <summary>Reads many tasks' states at a bounded cost (<paramref name="missesBeforeConfirm"/>: 1 for a one-off read, 2 while polling).</summary>
        public abstract ITaskRefresher<TTask> CreateRefresher(int throttle, int missesBeforeConfirm, TaskAction<TTask>? action = null);

        /// <summary>Sends <paramref name="action"/> for a batch of ids (at most its batch size): one answer per id.</summary>
        public abstract Task<IReadOnlyDictionary<string, ActionAnswer<TTask>>> SendAsync(TaskAction<TTask> action, IReadOnlyList<string> ids, SmsActionOptions? options, CancellationToken cancellationToken);

        /// <summary>A line for the progress display about the pending tasks, or null; may cost a request.</summary>
        public virtual Task<string?> ProgressDetailAsync(IEnumerable<WaitEntry<TTask>> pending, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
