using System;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>The words an action is told by in prompts, progress and messages.</summary>
    public sealed class ActionWords
    {
        /// <param name="verb">What -WhatIf and -Confirm say is done ("Suspend (pause)").</param>
        /// <param name="activity">The progress activity while waiting ("Pausing SMS tasks").</param>
        /// <param name="settled">The progress word: "3 of 10 tasks {settled}" ("paused").</param>
        /// <param name="notReached">What a time-out says: "… {notReached} within 60 seconds" ("did not pause").</param>
        /// <param name="named">The action in a sentence ("the 'stop'", "the stop").</param>
        public ActionWords(string verb, string activity, string settled, string notReached, string named)
        {
            Verb = verb;
            Activity = activity;
            Settled = settled;
            NotReached = notReached;
            Named = named;
        }

        public string Verb { get; }
        public string Activity { get; }
        public string Settled { get; }
        public string NotReached { get; }
        public string Named { get; }
    }

    /// <summary>
    /// Everything the engine knows of one action on a service's tasks: its request (sent by the service under
    /// <see cref="Name"/>, <see cref="BatchSize"/> ids at a time), how to tell from a task that it took effect (so it
    /// is never sent twice), what waiting for it means, and its words. Every action has a wait rule: a -Wait is never
    /// ignored. Adding an action is one descriptor.
    /// </summary>
    public sealed class TaskAction<TTask> where TTask : class
    {
        /// <param name="name">The request's name for the service: the API's operation word ("stop", "cutover") or "delete".</param>
        /// <param name="words">Its words.</param>
        /// <param name="waitRule">What -Wait waits for, given how long a failed state must last to be believed.</param>
        /// <param name="tookEffect">Whether the task as read (null: gone) shows the action happened; null when that cannot be told.</param>
        /// <param name="batchSize">How many ids one request takes.</param>
        public TaskAction(string name, ActionWords words, Func<TimeSpan, Func<WaitEntry<TTask>, TTask?, WaitVerdict>> waitRule, Func<TTask?, bool?>? tookEffect = null, int batchSize = 1)
        {
            if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one id.");
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Words = words ?? throw new ArgumentNullException(nameof(words));
            WaitRule = waitRule ?? throw new ArgumentNullException(nameof(waitRule), "An action without a wait rule would make -Wait a silent no-op.");
            TookEffect = tookEffect ?? (_ => null);
            BatchSize = batchSize;
        }

        public string Name { get; }
        public ActionWords Words { get; }
        public Func<TimeSpan, Func<WaitEntry<TTask>, TTask?, WaitVerdict>> WaitRule { get; }
        public Func<TTask?, bool?> TookEffect { get; }
        public int BatchSize { get; }

        /// <summary>True when the request must carry a template id (clone_test).</summary>
        public bool NeedsTemplate { get; internal set; }

        /// <summary>
        /// The state a wait follows, when it is not the task's own (a launch follows its source server); changes of it
        /// are what <see cref="WaitEntry{T}.SeenChange"/> notes.
        /// </summary>
        public Func<TTask, string?>? WaitState { get; internal set; }

        /// <summary>True when the wait must also read the tasks' source servers (a test launch shows only there).</summary>
        public bool ReadsSourceServers { get; internal set; }

        /// <summary>Why the service refused the action for a task, from its state as read (null: the service's words are enough).</summary>
        public Func<string, TTask?, string>? ExplainRefusal { get; internal set; }

        public override string ToString() => Name;
    }
}
