using System;
using System.Linq;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>After the first page, later pages are fetched together, and the output keeps the API's order.</summary>
    [Collection(TimingCollection.Name)]
    public class ParallelPagingTests : LifecycleTestBase
    {
        [Fact]
        public void Later_pages_are_in_flight_together_and_the_order_is_the_apis()
        {
            AddTasks(2000, "READY");
            Sim.State.Latency = TimeSpan.FromMilliseconds(300);
            var r = Ps.Run("Get-SmsTask");
            Sim.State.Latency = TimeSpan.Zero;

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(Sim.State.Sms.Ids, r.Objects<SmsTask>().Select(t => t.Id));
            var pages = Sim.State.Requests.Where(q => q.Path == "/v3/tasks").OrderBy(q => q.Sequence).ToList();
            Assert.Equal(10, pages.Count);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (i * 200).ToString()), pages.Select(p => p.Query["offset"]).OrderBy(o => int.Parse(o)));
            // Pages 2 to 9 went out while one another's 300 ms answers were still pending, the first page alone before them.
            var burst = pages.Skip(1).Take(8).ToList();
            Assert.True(burst.Max(p => p.Timestamp) - burst.Min(p => p.Timestamp) < TimeSpan.FromMilliseconds(250), "pages 2-9 were not in flight together");
            Assert.True(burst.Min(p => p.Timestamp) - pages[0].Timestamp >= TimeSpan.FromMilliseconds(250), "a later page went out before the first was answered");
        }

        [Fact]
        public void A_poll_after_the_first_reads_all_its_pages_together()
        {
            Sim.State.Timings.StopToAbort = TimeSpan.FromSeconds(1.5);
            var ids = AddTasks(1000, "ABORTING");
            Ps.Set("ids", ids);
            // Every list page takes 300 ms, so pages read one after another cannot look like pages read together.
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Latency, Delay = TimeSpan.FromMilliseconds(300), Count = -1 });
            var r = Ps.Run("$ids | Wait-SmsTask -State ABORT -PollInterval 0.2");
            Sim.State.ClearFaults();

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(1000, r.Objects<SmsTask>().Count());
            var polls = Sim.State.Requests.Where(q => q.Path == "/v3/tasks").OrderBy(q => q.Sequence)
                .Select((q, i) => (Poll: i / 5, Request: q)).GroupBy(p => p.Poll, p => p.Request).Select(g => g.ToList()).ToList();
            Assert.True(polls.Count >= 2, polls.Count + " polls");
            Assert.All(polls, poll => Assert.Equal(new[] { "0", "200", "400", "600", "800" }, poll.Select(q => q.Query["offset"]).OrderBy(o => int.Parse(o))));
            // The first poll does not know the list's size: its first page goes alone. Later polls know it.
            Assert.True(polls[0].Skip(1).Min(q => q.Timestamp) - polls[0][0].Timestamp >= TimeSpan.FromMilliseconds(250), "the first poll's pages went out together");
            Assert.All(polls.Skip(1), poll => Assert.True(poll.Max(q => q.Timestamp) - poll.Min(q => q.Timestamp) < TimeSpan.FromMilliseconds(250), "a later poll read its pages one after another"));
        }
    }
}