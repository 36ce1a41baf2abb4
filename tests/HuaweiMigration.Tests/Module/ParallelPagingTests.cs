using System;
using System.Linq;
using HuaweiMigration.Models;
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
    }
}
