using System;
using HuaweiMigration.Client.Engine;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>When the next poll goes out: a pure function, by table.</summary>
    public class PollScheduleTests
    {
        private static TimeSpan? Seconds(double s) => s < 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(s);

        [Theory]
        // polls done, fixed interval s (-1: growing), time left s (-1: no deadline) → delay s
        [InlineData(0, -1, -1, 1)]
        [InlineData(1, -1, -1, 1.5)]
        [InlineData(2, -1, -1, 2.25)]
        [InlineData(3, -1, -1, 3.375)]
        [InlineData(4, -1, -1, 5.0625)]
        [InlineData(5, -1, -1, 7.59375)]
        [InlineData(6, -1, -1, 10)]          // 11.39 capped
        [InlineData(7, -1, -1, 10)]
        [InlineData(100, -1, -1, 10)]
        [InlineData(int.MaxValue, -1, -1, 10)] // no overflow, no infinity
        [InlineData(-5, -1, -1, 1)]          // nonsense counts start at the start
        [InlineData(0, 0.05, -1, 0.05)]      // a given interval stays as given
        [InlineData(3, 0.05, -1, 0.05)]
        [InlineData(int.MaxValue, 0.05, -1, 0.05)]
        [InlineData(0, 30, -1, 30)]          // even above the growing schedule's cap
        [InlineData(50, 30, -1, 30)]
        [InlineData(6, -1, 4, 4)]            // the deadline clips the growing delay
        [InlineData(0, 30, 2.5, 2.5)]        // and a fixed one
        [InlineData(0, -1, 5, 1)]            // but never lengthens it
        [InlineData(0, 0.05, 5, 0.05)]
        [InlineData(6, -1, 0, 0)]            // the deadline is now
        [InlineData(6, -1, -3, 0)]           // past: never negative
        [InlineData(0, 0.05, -0.001, 0)]
        public void The_next_delay_follows_the_table(int pollsDone, double fixedSeconds, double leftSeconds, double expectedSeconds)
        {
            var left = leftSeconds == -1 ? (TimeSpan?)null : TimeSpan.FromSeconds(leftSeconds);
            var delay = PollSchedule.NextDelay(pollsDone, Seconds(fixedSeconds), left);
            Assert.Equal(expectedSeconds, delay.TotalSeconds, 6);
            Assert.True(delay >= TimeSpan.Zero);
        }

        [Theory]
        // polls done, fixed interval s (-1: growing), time left s (-1: none), expected in s (-99: no prediction) → delay s
        [InlineData(1, -1, -1, 0.6, 0.7)]      // the last task should be done in 0.6 s: poll just after (0.1 s margin), not at 1.5 s
        [InlineData(3, -1, -1, 2, 2.1)]        // also later in the schedule
        [InlineData(1, -1, -1, 1.4, 1.5)]      // a prediction no sooner than the schedule changes nothing
        [InlineData(1, -1, -1, 5, 1.5)]        // nor a later one
        [InlineData(1, -1, -1, 0, 1.5)]        // one that has passed was wrong: the schedule goes on
        [InlineData(1, -1, -1, -0.5, 1.5)]
        [InlineData(1, 0.05, -1, 0.01, 0.05)]  // a given interval stays fixed
        [InlineData(1, 3, -1, 0.6, 3)]
        [InlineData(1, -1, 0.3, 0.6, 0.3)]     // the deadline still clips
        [InlineData(1, -1, -1, -99, 1.5)]
        public void A_prediction_of_when_the_last_task_is_done_cuts_a_growing_pause_short(int pollsDone, double fixedSeconds, double leftSeconds, double expectedInSeconds, double delaySeconds)
        {
            var left = leftSeconds == -1 ? (TimeSpan?)null : TimeSpan.FromSeconds(leftSeconds);
            var expectedIn = expectedInSeconds == -99 ? (TimeSpan?)null : TimeSpan.FromSeconds(expectedInSeconds);
            Assert.Equal(delaySeconds, PollSchedule.NextDelay(pollsDone, Seconds(fixedSeconds), left, expectedIn).TotalSeconds, 6);
        }

        [Fact]
        public void The_growing_schedule_never_shrinks_and_stops_at_the_cap()
        {
            var before = TimeSpan.Zero;
            for (var polls = 0; polls < 200; polls++)
            {
                var delay = PollSchedule.NextDelay(polls, null, null);
                Assert.True(delay >= before, "poll " + polls + ": " + delay + " < " + before);
                Assert.True(delay <= PollSchedule.Longest);
                before = delay;
            }
            Assert.Equal(PollSchedule.Longest, before);
            Assert.Equal(TimeSpan.FromSeconds(1), PollSchedule.First);
            Assert.Equal(TimeSpan.FromSeconds(10), PollSchedule.Longest);
        }

        [Theory]
        // fixed interval s (-1: growing) → grace s
        [InlineData(-1, 10)]     // growing: as two polls of the old 5 s default (a restarted task can show its old failure for seconds)
        [InlineData(0.01, 2)]    // at least 2 s, however quick the polls
        [InlineData(0.5, 2)]
        [InlineData(1, 2)]
        [InlineData(1.5, 3)]     // two polls' time
        [InlineData(30, 60)]
        public void The_grace_is_two_polls_and_at_least_two_seconds_or_ten_when_growing(double fixedSeconds, double graceSeconds)
        {
            Assert.Equal(graceSeconds, PollSchedule.Grace(Seconds(fixedSeconds)).TotalSeconds, 6);
            Assert.Equal(PollSchedule.Grace(Seconds(fixedSeconds)), new WaitPlan(10, Seconds(fixedSeconds)).Grace);
        }

        [Fact]
        public void Describe_says_how_a_wait_polls()
        {
            Assert.Equal("polling every 0.05 s", PollSchedule.Describe(TimeSpan.FromMilliseconds(50)));
            Assert.Equal("polling after 1 s, then less often, at most every 10 s", PollSchedule.Describe(null));
        }

        [Fact]
        public void A_plan_starts_its_clock_once()
        {
            var plan = new WaitPlan(60, null);
            Assert.Null(plan.Deadline);
            Assert.Null(plan.TimeLeft);
            var deadline = plan.Start().Deadline;
            Assert.NotNull(deadline);
            System.Threading.Thread.Sleep(20);
            Assert.Equal(deadline, plan.Start().Deadline);
            Assert.InRange(plan.TimeLeft!.Value.TotalSeconds, 1, 60);
            Assert.Null(new WaitPlan(null, null).Start().TimeLeft);
        }
    }
}
