using System;

namespace HuaweiMigration.Commands
{
    /// <summary>How long and how often to poll while waiting.</summary>
    internal readonly struct WaitTiming
    {
        /// <summary>Starts the clock: one deadline for every wait of the command.</summary>
        public WaitTiming(int? timeoutSeconds, double pollSeconds)
        {
            TimeoutSeconds = timeoutSeconds;
            Deadline = timeoutSeconds.HasValue ? DateTime.UtcNow.AddSeconds(timeoutSeconds.Value) : (DateTime?)null;
            PollInterval = TimeSpan.FromSeconds(pollSeconds);
        }

        /// <summary>The clock of a command's waits from its -Timeout (0: not given, no limit) and -PollInterval.</summary>
        public static WaitTiming Start(int timeout, double pollInterval) => new WaitTiming(timeout > 0 ? timeout : (int?)null, pollInterval);

        public int? TimeoutSeconds { get; }
        public DateTime? Deadline { get; }
        public TimeSpan PollInterval { get; }
    }
}
