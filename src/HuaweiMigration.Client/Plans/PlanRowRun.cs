using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>One row of a plan while it runs: its check, its task as last known, and whether it failed a stage of this run.</summary>
    public sealed class PlanRowRun
    {
        public PlanRowRun(PlanCheck check)
        {
            Check = check;
            TaskId = check.TaskId;
            SmsTask = check.SmsTask;
            DcsTask = check.DcsTask;
        }

        public PlanCheck Check { get; }

        public PlanRow Row => Check.Row;

        public bool IsRedis => Row.IsRedis;

        /// <summary>The row's task id, once it has one.</summary>
        public string? TaskId { get; set; }

        /// <summary>The SMS task as last read (server rows).</summary>
        public SmsTask? SmsTask { get; set; }

        /// <summary>The DCS task as last read (Redis rows).</summary>
        public DcsMigrationTask? DcsTask { get; set; }

        /// <summary>The stage of this run the row failed, or null.</summary>
        public string? FailedIn { get; set; }

        /// <summary>The row's first problem when the check found one (it runs no stage).</summary>
        public string? Problem => Check.Problems.Count > 0 ? Check.Problems[0] : null;

        /// <summary>The task's state as last known.</summary>
        public string? State => IsRedis ? DcsTask?.RawStatus : SmsTask?.RawState;

        /// <summary>A result of this row for <paramref name="stage"/>.</summary>
        public MigrationPlanResult Result(string stage, string outcome, string? message, string? state = null) => new MigrationPlanResult
        {
            Row = Row.Row,
            Name = Row.Name,
            Kind = Check.Kind,
            Stage = stage,
            Outcome = outcome,
            TaskId = TaskId,
            State = state ?? State,
            Message = message,
        };

        public override string ToString() => Row.ToString();
    }
}
