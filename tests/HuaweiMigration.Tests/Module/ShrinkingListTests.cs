using System.Linq;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// A listing under a state filter that shrinks while it is read (each task listed is paused at once): it costs at
    /// most the pages it needs plus two, still streams, and loses or repeats no task.
    /// </summary>
    public class ShrinkingListTests : LifecycleTestBase
    {
        [Theory]
        [InlineData(1000)]
        [InlineData(450)]
        public void Suspending_running_tasks_lists_them_in_at_most_the_pages_needed_plus_two(int count)
        {
            var ids = AddTasks(count, "RUNNING");
            var r = Ps.Run("Get-SmsTask -State RUNNING | Suspend-SmsTask");
            Assert.True(r.Errors.Count == 0, r.Errors.Count + " errors, the first: " + r.Errors.FirstOrDefault());
            var written = r.Objects<SmsTask>().Select(t => t.Id).ToList();
            Assert.Equal(ids.OrderBy(i => i), written.OrderBy(i => i));
            Assert.Equal(count, Requests("POST").Length);
            var listings = Sim.State.Requests.Count(q => q.Path == "/v3/tasks" && q.Query.TryGetValue("state", out var s) && s == "RUNNING");
            var pages = (count + 199) / 200;
            Assert.True(listings <= pages + 2, listings + " list calls for " + pages + " pages");
        }

        [Fact]
        public void A_filtered_listing_nobody_changes_costs_its_pages_plus_one()
        {
            var ids = AddTasks(450, "RUNNING");
            var r = Ps.Run("Get-SmsTask -State RUNNING");
            Assert.Equal(ids.OrderBy(i => i), r.Objects<SmsTask>().Select(t => t.Id).OrderBy(i => i));
            // The second read, from the start again, shows nobody is shrinking the list; paging goes on from there.
            Assert.Equal(4, Sim.State.Requests.Count(q => q.Path == "/v3/tasks"));
        }
    }
}
