using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// What Stop- and Restart-DcsMigrationTask share: tasks gathered into batches of 50 (<see cref="DcsBatchSender"/>),
    /// one outcome per task, a refusal that names the task's status, and then either the tasks as they are or a wait
    /// by the action's rule. A cmdlet names its sender, its words and its rule.
    /// </summary>
    public abstract class DcsBatchActionCmdletBase : WaitingTaskInputCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Wait until the change has taken effect (stopped: TERMINATED; restarted: migrating again), with progress; Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary>The sender of this action.</summary>
        internal abstract DcsBatchSender CreateSender(DcsClient dcs);

        /// <summary>What -WhatIf and -Confirm say ("Stop").</summary>
        internal abstract string Verb { get; }

        /// <summary>The progress activity ("Stopping DCS migration tasks").</summary>
        internal abstract string Activity { get; }

        /// <summary>The progress word ("stopped").</summary>
        internal abstract string SettledWord { get; }

        /// <summary>What a time-out means ("was not TERMINATED").</summary>
        internal abstract string NotReached { get; }

        /// <summary>When the wait for one task ends.</summary>
        internal abstract Func<WaitEntry<DcsMigrationTask>, DcsMigrationTask?, WaitVerdict> WaitRule { get; }

        /// <summary>Why the service refused the action for a task, from its status as read now (or as piped in).</summary>
        internal abstract string ExplainRefusal(string id, DcsMigrationTask? task);

        /// <summary>
        /// True when the task as last seen shows the action happened (a stop: TERMINATING or TERMINATED); null when
        /// that cannot be told. A wait that times out on a task showing no sign of it says the action may not have
        /// reached the service.
        /// </summary>
        internal virtual bool? TookEffect(DcsMigrationTask task) => null;

        private DcsClient? _dcs;
        private DcsBatchSender? _sender;
        private readonly Dictionary<string, DcsMigrationTask?> _known = new Dictionary<string, DcsMigrationTask?>(StringComparer.Ordinal);
        private readonly Dictionary<string, DcsMigrationTask?> _done = new Dictionary<string, DcsMigrationTask?>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _dcs = CreateDcsClient(ProjectId);
            _sender = CreateSender(_dcs);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs())
            {
                if (!ShouldProcess(DcsTaskOutput.Describe(id, task), Verb)) continue;
                _known[id] = task;
                _order.Add(id);
                _sender!.Add(id);
            }
            TakeOutcomes();
        }

        /// <summary>Notes the actions that took effect and writes one error per task whose action failed.</summary>
        private void TakeOutcomes()
        {
            FlushLog();
            foreach (var outcome in _sender!.TakeCompleted())
            {
                if (outcome.Stopped)
                {
                    _done[outcome.Id] = outcome.Task;
                    continue;
                }
                var id = outcome.Id;
                var api = outcome.Error!;
                if (Wait && api.OutcomeUnknown)
                {
                    // The answer was lost and the task could not be read: the wait will tell what happened.
                    WriteVerbose(api.Message + " Waiting will tell.");
                    _done[id] = null;
                    continue;
                }
                if (api.Kind == ApiErrorKind.InvalidOperation)
                {
                    // Say why: read the task to name its status.
                    WriteApiError(api, id, ExplainRefusal(id, TryRead(id) ?? _known[id]) + " (" + (api.ErrorCode ?? "refused") + ")");
                }
                else if (api.Kind == ApiErrorKind.NotFound)
                {
                    WriteApiError(api, id, "No DCS migration task has the id '" + id + "' in project " + _dcs!.ProjectId + ". " + api.Message);
                }
                else
                {
                    WriteApiError(api, id);
                }
            }
        }

        private DcsMigrationTask? TryRead(string id)
        {
            try
            {
                return Await(_dcs!.GetTaskAsync(id, CancellationToken));
            }
            catch (HuaweiCloudApiException)
            {
                return null;
            }
        }

        protected override void EndProcessing()
        {
            Await(_sender!.CompleteAsync());
            TakeOutcomes();

            var done = _order.Where(id => _done.ContainsKey(id)).ToList();
            if (done.Count == 0) return;
            var timing = StartTiming();
            if (Wait)
            {
                var waiter = new TaskWaiter<DcsMigrationTask>(_dcs!.CreateRefresher(ThrottleLimit), WaitRule, t => t.RawStatus);
                foreach (var id in done) waiter.Add(id, _done[id] ?? _known[id]);
                RunWait(waiter, timing, Activity, SettledWord, DcsTaskOutput.ProgressLine(this, _dcs!), r => this.WriteDcsWaitResult(r, timing, NotReached, timeoutHint: NotReachedHint.For(r, TookEffect, "the " + Verb.ToLowerInvariant(), answerLost: false)));
                return;
            }

            // Without -Wait: the task as a single-task API returned it; tasks acted on in a batch are read in one go.
            var unread = done.Where(id => _done[id] is null).ToList();
            var read = unread.Count == 0
                ? new RefreshResult<DcsMigrationTask>()
                : Await(_dcs!.CreateRefresher(ThrottleLimit, missesBeforeConfirm: 1).RefreshAsync(unread, CancellationToken));
            FlushLog();
            foreach (var id in done)
            {
                if (_done[id] is { } task || read.Found.TryGetValue(id, out task)) WriteObject(task);
                else if (read.Errors.TryGetValue(id, out var error) && error is HuaweiCloudApiException api) WriteApiError(api, id);
                else WriteVerbose(DcsTaskOutput.Describe(id, _known[id]) + " was " + SettledWord + " but could not be read back.");
            }
        }
    }
}
