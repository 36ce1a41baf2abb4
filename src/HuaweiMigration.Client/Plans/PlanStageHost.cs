using System;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Http;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// The engine's host while a plan's stage runs: Ctrl+C, the log and waiting go to the command's host; each task
    /// object the engine writes becomes its row's Done result (State from the task), each error (its Target a task id,
    /// or the row's name) the row's Failed result; the engine's progress becomes one activity per stage
    /// ("Stage Replicate: 12 of 40 rows"). The plan asked once per stage, so the engine is never asked again.
    /// </summary>
    public sealed class PlanStageHost : IEngineHost
    {
        private static int _nextActivityId = 0x26000;

        private readonly IEngineHost _inner;
        private readonly Func<string, PlanRowRun?> _rowOf;
        private readonly Action<PlanRowRun, object> _done;
        private readonly Action<PlanRowRun, TaskError> _failed;
        private readonly int _activityId = Interlocked.Increment(ref _nextActivityId);

        /// <param name="inner">The command's host.</param>
        /// <param name="stage">The stage's name, for the progress activity.</param>
        /// <param name="total">The rows of the stage, for the progress.</param>
        /// <param name="rowOf">The row of a task id (or of a row name), null when none.</param>
        /// <param name="done">A task the engine wrote: the row is done.</param>
        /// <param name="failed">An error the engine wrote: the row failed.</param>
        public PlanStageHost(IEngineHost inner, string stage, int total, Func<string, PlanRowRun?> rowOf, Action<PlanRowRun, object> done, Action<PlanRowRun, TaskError> failed)
        {
            _inner = inner;
            Stage = stage;
            Total = total;
            _rowOf = rowOf;
            _done = done;
            _failed = failed;
        }

        public string Stage { get; }

        public int Total { get; }

        /// <summary>Rows of the stage with a result so far.</summary>
        public int Finished { get; set; }

        /// <summary>When set, every object and error is this row's (a one-row flow such as a Redis creation).</summary>
        public PlanRowRun? Only { get; set; }

        /// <summary>When false, task objects the engine writes are not results (a start whose wait comes after).</summary>
        public bool ObjectsAreResults { get; set; } = true;

        public CancellationToken Cancellation => _inner.Cancellation;

        public IApiLog Log => _inner.Log;

        // The stage runs only when it was not -WhatIf.
        public bool WhatIf => false;

        // Asked once for the stage, before it ran.
        public bool ShouldProcess(string target, string action, bool force = false) => true;

        public void WriteObject(object item)
        {
            if (!ObjectsAreResults) return;
            var row = Only ?? _rowOf(IdOf(item));
            if (row is null)
            {
                _inner.Log.Verbose("Stage " + Stage + ": " + item + " is no row's task.");
                return;
            }
            _done(row, item);
        }

        public void WriteError(TaskError error)
        {
            var row = Only ?? _rowOf(error.Target);
            if (row is null)
            {
                _inner.Log.Warning("Stage " + Stage + ": " + (error.Message ?? error.Exception.Message));
                return;
            }
            _failed(row, error);
        }

        public void WriteProgress(WaitProgress progress)
        {
            if (progress.Completed) return;
            ShowProgress();
        }

        /// <summary>Shows how many rows of the stage have a result.</summary>
        public void ShowProgress()
        {
            _inner.WriteProgress(new WaitProgress(_activityId, "Stage " + Stage, Finished + " of " + Total + " rows", Total == 0 ? 100 : Math.Min(99, Finished * 100 / Total), null, completed: false));
        }

        /// <summary>Ends the stage's progress activity.</summary>
        public void Complete()
        {
            if (_inner.Cancellation.IsCancellationRequested) return;
            _inner.WriteProgress(new WaitProgress(_activityId, "Stage " + Stage, Finished + " of " + Total + " rows", 100, null, completed: true));
        }

        public T Await<T>(Task<T> task) => _inner.Await(task);

        private static string IdOf(object item) => item switch
        {
            Models.SmsTask t => t.Id,
            Models.DcsMigrationTask d => d.TaskId,
            Models.SmsSourceServer s => s.Id ?? string.Empty,
            _ => string.Empty,
        };
    }
}
