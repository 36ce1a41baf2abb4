using System;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>A wait with no action before it (Wait-SmsTask, Wait-DcsMigrationTask): every task given, polled together until each meets the rule.</summary>
    public sealed class WaitJob<TTask> : ITaskJob<TTask> where TTask : class
    {
        private readonly TaskWaiter<TTask> _waiter;
        private readonly TaskWait<TTask> _wait;

        public WaitJob(IEngineHost host, TaskService<TTask> service, Func<WaitEntry<TTask>, TTask?, WaitVerdict> rule, WaitWords words, WaitPlan plan, int throttle)
        {
            _waiter = new TaskWaiter<TTask>(service.CreateRefresher(throttle, 2), rule, service.StateOf);
            _wait = new TaskWait<TTask>(host, service, _waiter, plan, words);
        }

        /// <summary>A wait for an action already sent (a launch still running): the action's rule, the state it follows, and the reads it needs.</summary>
        public WaitJob(IEngineHost host, TaskService<TTask> service, TaskAction<TTask> action, WaitPlan plan, int throttle)
        {
            _waiter = new TaskWaiter<TTask>(service.CreateRefresher(throttle, 2, action), action.WaitRule(plan.Grace), action.WaitState ?? service.StateOf);
            _wait = new TaskWait<TTask>(host, service, _waiter, plan, WaitWords.Of(action.Words));
        }

        /// <summary>How many tasks were added.</summary>
        public int Count { get; private set; }

        public void Add(string id, TTask? task)
        {
            if (_waiter.Add(id, task)) Count++;
        }

        // The tasks may be there already: the first poll goes out at once.
        public void End() => _wait.Run(r => _wait.Write(r), pollFirst: true);
    }
}
