using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Waiting;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>What a service's removal needs to know: which tasks may go, how the busy ones are stopped first, and its words.</summary>
    public sealed class RemovalRules<TTask> where TTask : class
    {
        public RemovalRules(
            TaskAction<TTask> delete,
            TaskAction<TTask> stop,
            Func<TTask, bool> deletable,
            Func<TTask, bool> forcible,
            Func<TTask, bool> needsStop,
            Func<WaitEntry<TTask>, TTask?, WaitVerdict> ready,
            WaitWords readyWords,
            Func<string, TTask, TaskError> notRemovable)
        {
            Delete = delete;
            Stop = stop;
            Deletable = deletable;
            Forcible = forcible;
            NeedsStop = needsStop;
            Ready = ready;
            ReadyWords = readyWords;
            NotRemovable = notRemovable;
        }

        /// <summary>The deletion (its wait rule: the task is gone).</summary>
        public TaskAction<TTask> Delete { get; }

        /// <summary>What -Force sends to a busy task first.</summary>
        public TaskAction<TTask> Stop { get; }

        /// <summary>May be deleted as it is.</summary>
        public Func<TTask, bool> Deletable { get; }

        /// <summary>Busy, but -Force can stop it and then delete it.</summary>
        public Func<TTask, bool> Forcible { get; }

        /// <summary>Among the forcible: needs the stop sent (the others are stopping already).</summary>
        public Func<TTask, bool> NeedsStop { get; }

        /// <summary>When a stopped task may be deleted.</summary>
        public Func<WaitEntry<TTask>, TTask?, WaitVerdict> Ready { get; }

        public WaitWords ReadyWords { get; }

        /// <summary>The refusal of a busy task without -Force, naming its state and what to do.</summary>
        public Func<string, TTask, TaskError> NotRemovable { get; }
    }

    /// <summary>
    /// The one removal, SMS and DCS: each task's state read fresh in one go; a busy task refused (naming its state)
    /// before anyone is asked to confirm, unless -Force, which stops it and waits until it may be deleted; deletions in
    /// batches; then, with -Wait, until the tasks are gone. Writes each removed task (as it was) with -PassThru. With
    /// -WhatIf nothing is read: each task is only named.
    /// </summary>
    public sealed class RemovalJob<TTask> : ITaskJob<TTask> where TTask : class
    {
        private readonly IEngineHost _host;
        private readonly TaskService<TTask> _service;
        private readonly RemovalRules<TTask> _rules;
        private readonly WaitPlan _plan;
        private readonly int _throttle;
        private readonly bool _force;
        private readonly bool _wait;
        private readonly bool _passThru;
        private readonly List<string> _accepted = new List<string>();
        private readonly Dictionary<string, TTask?> _given = new Dictionary<string, TTask?>(StringComparer.Ordinal);

        public RemovalJob(IEngineHost host, TaskService<TTask> service, RemovalRules<TTask> rules, WaitPlan plan, int throttle, bool force, bool wait, bool passThru)
        {
            _host = host;
            _service = service;
            _rules = rules;
            _plan = plan;
            _throttle = throttle;
            _force = force;
            _wait = wait;
            _passThru = passThru;
        }

        public void Add(string id, TTask? task)
        {
            // -WhatIf sends nothing, not even the read that would tell a refusal: it names each task, as given.
            if (_host.WhatIf)
            {
                _host.ShouldProcess(_service.Describe(id, task), _rules.Delete.Words.Verb, _force);
                return;
            }
            _accepted.Add(id);
            _given[id] = task;
        }

        public void End()
        {
            if (_accepted.Count == 0) return;
            // The state decides, so it is read fresh — in one go, not one call per task.
            var states = TaskErrors.ReadAll(_host, _service, _accepted, _throttle);
            // First every refusal, before anyone is asked; then the others, asked about as they are now.
            var removable = new List<(string Id, TTask Task, bool Stop)>();
            foreach (var id in _accepted)
            {
                if (!states.Found.TryGetValue(id, out var task))
                {
                    var error = states.Errors.TryGetValue(id, out var e) ? e : _service.Missing(id, _given[id]);
                    _host.WriteError(TaskErrors.Of(_service, id, _given[id], error, _service.ErrorPrefix + "RemoveFailed"));
                }
                else if (_rules.Deletable(task)) removable.Add((id, task, false));
                else if (_force && _rules.Forcible(task)) removable.Add((id, task, true));
                else _host.WriteError(_rules.NotRemovable(id, task));
            }
            var toDelete = new List<TTask>();
            var toStop = new List<TTask>();
            foreach (var (id, task, stop) in removable)
            {
                if (Confirmed(id, task)) (stop ? toStop : toDelete).Add(task);
            }
            // The time limit runs from here: the time spent answering prompts is not the wait's.
            _plan.Start();
            if (toStop.Count > 0) toDelete.AddRange(StopFirst(toStop));
            var removed = Send(_rules.Delete, toDelete);
            if (_wait) WaitGone(removed);
            else if (_passThru) foreach (var task in removed) _host.WriteObject(task);
        }

        private bool Confirmed(string id, TTask task) => _host.ShouldProcess(_service.Describe(id, task), _rules.Delete.Words.Verb, _force);

        /// <summary>-Force: stop what runs, wait until each task may be deleted, return those that may.</summary>
        private List<TTask> StopFirst(List<TTask> tasks)
        {
            var stopped = new HashSet<string>(Send(_rules.Stop, tasks.Where(_rules.NeedsStop).ToList()).Select(_service.IdOf), StringComparer.Ordinal);
            var waiter = new TaskWaiter<TTask>(_service.CreateRefresher(_throttle, 2), _rules.Ready, _service.StateOf);
            foreach (var task in tasks.Where(t => stopped.Contains(_service.IdOf(t)) || !_rules.NeedsStop(t))) waiter.Add(_service.IdOf(task), task);
            var ready = new List<TTask>();
            var wait = new TaskWait<TTask>(_host, _service, waiter, _plan, _rules.ReadyWords, progressDetail: false);
            wait.Run(r =>
            {
                if (r.Outcome == WaitOutcome.Reached && r.Task != null) ready.Add(r.Task);
                else wait.Write(r, writeTask: false);
            }, pollFirst: false);
            return ready;
        }

        /// <summary>Sends an action for the tasks (in its batches), writing an error for each refused; returns the tasks it was done for.</summary>
        private List<TTask> Send(TaskAction<TTask> action, List<TTask> tasks)
        {
            if (tasks.Count == 0) return tasks;
            var run = new ActionRun<TTask>(_service, action, null, _throttle, _host.Cancellation);
            foreach (var task in tasks) run.Add(_service.IdOf(task));
            _host.Await(run.CompleteAsync());
            var failed = new HashSet<string>(StringComparer.Ordinal);
            var byId = tasks.ToDictionary(_service.IdOf, StringComparer.Ordinal);
            foreach (var (id, answer, _) in run.TakeAnswers())
            {
                if (answer.Error is null) continue;
                failed.Add(id);
                _host.WriteError(TaskErrors.Of(_service, id, byId[id], answer.Error, _service.ErrorPrefix + "RemoveFailed", action.ExplainRefusal?.Invoke(id, byId[id])));
            }
            return tasks.Where(t => !failed.Contains(_service.IdOf(t))).ToList();
        }

        /// <summary>-Wait: until each deleted task is gone; -PassThru writes it as it was before removal.</summary>
        private void WaitGone(List<TTask> removed)
        {
            var waiter = new TaskWaiter<TTask>(_service.CreateRefresher(_throttle, 2), _rules.Delete.WaitRule(_plan.Grace), _service.StateOf);
            foreach (var task in removed) waiter.Add(_service.IdOf(task), task);
            var before = removed.ToDictionary(_service.IdOf, StringComparer.Ordinal);
            var wait = new TaskWait<TTask>(_host, _service, waiter, _plan, WaitWords.Of(_rules.Delete.Words), progressDetail: false);
            wait.Run(r =>
            {
                if (r.Outcome != WaitOutcome.Reached) wait.Write(r, writeTask: false);
                else if (_passThru) _host.WriteObject(before[r.Id]);
            }, pollFirst: false);
        }
    }
}
