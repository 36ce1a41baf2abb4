using System.Collections.Generic;

namespace HuaweiMigration.Models
{
    /// <summary>Groups of SMS task states the lifecycle rules are written in.</summary>
    public static class SmsTaskStates
    {
        /// <summary>States a task rests in until someone acts: the default targets of Wait-SmsTask.</summary>
        public static readonly IReadOnlyCollection<SmsTaskState> Settled = new HashSet<SmsTaskState>
        {
            SmsTaskState.ABORT, SmsTaskState.MIGRATE_SUCCESS, SmsTaskState.MIGRATE_FAIL,
            SmsTaskState.SYNC_SUCCESS, SmsTaskState.SYNC_FAIL, SmsTaskState.SYNC_F_ROLLBACK_SUCCESS,
        };

        /// <summary>Failed states: a start from them restarts the task; a wait that lands in them is an error.</summary>
        public static readonly IReadOnlyCollection<SmsTaskState> Failed = new HashSet<SmsTaskState>
        {
            SmsTaskState.MIGRATE_FAIL, SmsTaskState.SYNC_FAIL,
        };

        /// <summary>States in which a task may be deleted: never started, paused, or finished.</summary>
        public static readonly IReadOnlyCollection<SmsTaskState> Deletable = new HashSet<SmsTaskState>
        {
            SmsTaskState.READY, SmsTaskState.ABORT, SmsTaskState.MIGRATE_SUCCESS, SmsTaskState.MIGRATE_FAIL,
            SmsTaskState.SYNC_SUCCESS, SmsTaskState.SYNC_FAIL, SmsTaskState.SYNC_F_ROLLBACK_SUCCESS,
        };

        /// <summary>States in which a stop (pause) is accepted.</summary>
        public static readonly IReadOnlyCollection<SmsTaskState> Stoppable = new HashSet<SmsTaskState>
        {
            SmsTaskState.RUNNING, SmsTaskState.SYNCING,
        };

        /// <summary>States that count as "started" for Start-SmsTask -Wait.</summary>
        public static readonly IReadOnlyCollection<SmsTaskState> Started = new HashSet<SmsTaskState>
        {
            SmsTaskState.RUNNING, SmsTaskState.SYNCING, SmsTaskState.MIGRATE_SUCCESS, SmsTaskState.SYNC_SUCCESS,
        };
    }
}
