using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>What the polls learn of how long a change takes, which lets a growing pause end just after the last task should be done.</summary>
    public class ChangeDurationTests
    {
        private sealed class Table : ITaskRefresher<SmsTask>
        {
            public Dictionary<string, string> States { get; } = new Dictionary<string, string>();

            public Task<RefreshResult<SmsTask>> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
            {
                var result = new RefreshResult<SmsTask>();
                foreach (var id in ids) result.Found[id] = new SmsTask { Id = id, RawState = States[id] };
                return Task.FromResult(result);
            }
        }

        private static TaskWaiter<SmsTask> Waiter(Table table) =>
            new TaskWaiter<SmsTask>(table, SmsWaitRules.States(new[] { SmsTaskState.ABORT }.ToHashSet()), t => t.RawState);

        [Fact]
        public async Task A_task_seen_done_bounds_how_long_the_change_takes_by_the_time_since_its_action()
        {
            var table = new Table();
            table.States["early"] = "ABORT";
            table.States["late"] = "ABORTING";
            var waiter = Waiter(table);
            var now = DateTime.UtcNow;
            waiter.Add("early", null, now.AddSeconds(-3));
            waiter.Add("late", null, now.AddSeconds(-1));
            Assert.Null(waiter.ChangeTakesAtMost);

            var done = await waiter.PollAsync(CancellationToken.None);

            Assert.Equal("early", Assert.Single(done).Id);
            // At most the time from its action to the poll: about 3 s (never less, and not much more on a slow machine).
            Assert.InRange(waiter.ChangeTakesAtMost!.Value.TotalSeconds, 3, 30);
            Assert.Equal(now.AddSeconds(-1), waiter.LastPendingAcceptedUtc);
        }

        [Fact]
        public async Task The_tightest_bound_wins_and_tasks_without_an_action_teach_nothing()
        {
            var table = new Table();
            table.States["a"] = "ABORT";
            table.States["b"] = "ABORT";
            table.States["c"] = "ABORT";
            table.States["d"] = "ABORTING";
            var waiter = Waiter(table);
            var now = DateTime.UtcNow;
            waiter.Add("a", null, now.AddSeconds(-20));
            waiter.Add("b", null, now.AddSeconds(-2));
            waiter.Add("c", null);
            waiter.Add("d", null);

            await waiter.PollAsync(CancellationToken.None);

            Assert.InRange(waiter.ChangeTakesAtMost!.Value.TotalSeconds, 2, 19);
            // The pending task's action time is unknown: nothing to predict from.
            Assert.Null(waiter.LastPendingAcceptedUtc);
        }
    }
}
