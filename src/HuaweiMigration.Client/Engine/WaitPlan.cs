using System;
using System.Threading;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>How long and how often a command's waits poll: one deadline for every wait of the command.</summary>
    public sealed class WaitPlan
    {
        /// <param name="timeoutSeconds">The time limit in seconds, or null for none.</param>
        /// <param name="pollInterval">The interval the user gave, or null for the growing one (<see cref="PollSchedule"/>).</param>
        /// <param name="closed">Cancelled when the connection is closed: the next poll then fails at once.</param>
        public WaitPlan(int? timeoutSeconds, TimeSpan? pollInterval, CancellationToken closed = default)
        {
            TimeoutSeconds = timeoutSeconds;
            PollInterval = pollInterval;
            Closed = closed;
        }

        public int? TimeoutSeconds { get; }
        public TimeSpan? PollInterval { get; }
        public CancellationToken Closed { get; }

        /// <summary>When the time is up, once <see cref="Start"/> has started the clock.</summary>
        public DateTime? Deadline { get; private set; }

        /// <summary>How long a failed state must last to be believed (see <see cref="PollSchedule.Grace"/>).</summary>
        public TimeSpan Grace => PollSchedule.Grace(PollInterval);

        /// <summary>Starts the clock, once: later calls keep the first deadline.</summary>
        public WaitPlan Start()
        {
            if (Deadline is null && TimeoutSeconds.HasValue) Deadline = DateTime.UtcNow.AddSeconds(TimeoutSeconds.Value);
            return this;
        }

        /// <summary>Time left before the deadline, or null without one.</summary>
        public TimeSpan? TimeLeft => Deadline.HasValue ? Deadline.Value - DateTime.UtcNow : (TimeSpan?)null;
    }
}
