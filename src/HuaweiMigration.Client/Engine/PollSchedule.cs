using System;

namespace HuaweiMigration.Client.Engine
{
    /// <summary>
    /// When the next poll of a wait goes out: the one rule for every wait, SMS and DCS. Without a given interval the
    /// first poll goes out <see cref="First"/> after the last accepted action and each pause then grows by
    /// <see cref="Growth"/> up to <see cref="Longest"/>: quick changes are seen quickly, slow ones cost few requests.
    /// When the polls show how long the change takes (a task seen done some time after its action), a pause is cut
    /// short to poll just after the last task should be done. A given interval is kept as it is. A pause never runs
    /// past the deadline.
    /// </summary>
    public static class PollSchedule
    {
        /// <summary>The first pause when no interval is given.</summary>
        public static readonly TimeSpan First = TimeSpan.FromSeconds(1);

        /// <summary>How much each pause grows over the one before.</summary>
        public const double Growth = 1.5;

        /// <summary>The longest pause when no interval is given.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);

        /// <summary>How far after the moment the polls predict the last task gets there the next poll goes out.</summary>
        public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

        /// <summary>
        /// The pause before poll number <paramref name="pollsDone"/> + 1.
        /// </summary>
        /// <param name="pollsDone">Polls sent so far (0 before the first).</param>
        /// <param name="fixedInterval">The interval the user gave (-PollInterval), or null for the growing one.</param>
        /// <param name="timeLeft">Time left before the deadline, or null without one.</param>
        /// <param name="expectedIn">
        /// When the polls so far predict the last pending task gets there (the most the change can take, as the
        /// polls bound it, counted from that task's action); a growing pause is cut short to poll just after it. Null when
        /// nothing is predicted; ignored when it has passed (the prediction was wrong) or for a fixed interval.
        /// </param>
        public static TimeSpan NextDelay(int pollsDone, TimeSpan? fixedInterval, TimeSpan? timeLeft, TimeSpan? expectedIn = null)
        {
            var delay = fixedInterval ?? Growing(pollsDone);
            if (fixedInterval is null && expectedIn.HasValue && expectedIn.Value > TimeSpan.Zero && expectedIn.Value + Margin < delay) delay = expectedIn.Value + Margin;
            if (timeLeft.HasValue && timeLeft.Value < delay) delay = timeLeft.Value < TimeSpan.Zero ? TimeSpan.Zero : timeLeft.Value;
            return delay;
        }

        private static TimeSpan Growing(int pollsDone)
        {
            // Math.Pow stays finite for any count; the cap ends the growth long before it matters.
            var seconds = First.TotalSeconds * Math.Pow(Growth, Math.Max(0, Math.Min(pollsDone, 64)));
            return seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
        }

        /// <summary>How long a failed state lasts, at least, before a growing wait believes it is new.</summary>
        public static readonly TimeSpan GrowingGrace = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How long a failed state must last before a wait believes it is new: a restarted task can show its old
        /// failure for some seconds. Two polls' time (at least 2 s) for a given interval; <see cref="GrowingGrace"/>
        /// otherwise (as two polls of the old 5 s default), since the growing schedule's first polls come quicker than
        /// the service's lag.
        /// </summary>
        public static TimeSpan Grace(TimeSpan? fixedInterval) =>
            fixedInterval.HasValue ? TimeSpan.FromSeconds(Math.Max(2, 2 * fixedInterval.Value.TotalSeconds)) : GrowingGrace;

        /// <summary>How a wait polls, for people ("polling every 0.1 s", "polling after 1 s, then less often, at most every 10 s").</summary>
        public static string Describe(TimeSpan? fixedInterval) =>
            fixedInterval.HasValue
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "polling every {0:0.##} s", fixedInterval.Value.TotalSeconds)
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, "polling after {0:0.##} s, then less often, at most every {1:0.##} s", First.TotalSeconds, Longest.TotalSeconds);
    }
}
