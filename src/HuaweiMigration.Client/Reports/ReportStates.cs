using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>Which <see cref="ReportStateGroup"/> an SMS state, a DCS status or a plan outcome belongs to: the one place that decides.</summary>
    public static class ReportStates
    {
        public static ReportStateGroup Of(SmsTaskState state) => state switch
        {
            SmsTaskState.MIGRATE_FAIL or SmsTaskState.SYNC_FAIL or SmsTaskState.SYNC_F_ROLLBACK_SUCCESS => ReportStateGroup.Failed,
            SmsTaskState.ABORT => ReportStateGroup.Stopped,
            SmsTaskState.RUNNING or SmsTaskState.SYNCING or SmsTaskState.ABORTING or SmsTaskState.SKIPPING or SmsTaskState.DELETING
                or SmsTaskState.RESETING or SmsTaskState.SYNC_F_ROLLBACKING => ReportStateGroup.Running,
            SmsTaskState.READY => ReportStateGroup.Waiting,
            SmsTaskState.MIGRATE_SUCCESS or SmsTaskState.SYNC_SUCCESS => ReportStateGroup.Done,
            _ => ReportStateGroup.Other,
        };

        public static ReportStateGroup Of(DcsMigrationTaskStatus status) => status switch
        {
            DcsMigrationTaskStatus.FAILED or DcsMigrationTaskStatus.MIGRATION_FAILED or DcsMigrationTaskStatus.ERROR => ReportStateGroup.Failed,
            DcsMigrationTaskStatus.TERMINATED => ReportStateGroup.Stopped,
            DcsMigrationTaskStatus.CREATING or DcsMigrationTaskStatus.RUNNING or DcsMigrationTaskStatus.MIGRATING or DcsMigrationTaskStatus.FULLMIGRATING
                or DcsMigrationTaskStatus.INCRMIGEATING or DcsMigrationTaskStatus.TERMINATING => ReportStateGroup.Running,
            DcsMigrationTaskStatus.SUCCESS or DcsMigrationTaskStatus.MIGRATION_SUCCESS or DcsMigrationTaskStatus.RELEASED
                or DcsMigrationTaskStatus.DELETED => ReportStateGroup.Done,
            _ => ReportStateGroup.Other,
        };

        /// <summary>A plan result's outcome, for a row whose task is not known.</summary>
        public static ReportStateGroup OfOutcome(string? outcome) => outcome switch
        {
            MigrationPlanOutcomes.Failed => ReportStateGroup.Failed,
            MigrationPlanOutcomes.Skipped => ReportStateGroup.Stopped,
            MigrationPlanOutcomes.WhatIf => ReportStateGroup.Waiting,
            MigrationPlanOutcomes.Done or MigrationPlanOutcomes.AlreadyDone => ReportStateGroup.Done,
            _ => ReportStateGroup.Other,
        };

        /// <summary>The group's name as a person reads it.</summary>
        public static string Label(ReportStateGroup group) => group switch
        {
            ReportStateGroup.Failed => "Failed",
            ReportStateGroup.Stopped => "Stopped",
            ReportStateGroup.Running => "Running",
            ReportStateGroup.Waiting => "Waiting",
            ReportStateGroup.Done => "Done",
            _ => "Other",
        };
    }
}
