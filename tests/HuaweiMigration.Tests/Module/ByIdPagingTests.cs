using System.Linq;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>-Skip and -First apply to the ids given with -Id, as they do to a listing, and nothing more is read.</summary>
    public class ByIdPagingTests : LifecycleTestBase
    {
        [Fact]
        public void Skip_and_First_page_over_the_ids_given()
        {
            var ids = AddTasks(4, "READY");
            var r = Ps.Run("Get-SmsTask -Id $args[0] -Skip 1 -First 2", (object)ids);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(ids.Skip(1).Take(2), r.Objects<SmsTask>().Select(t => t.Id));
            Assert.DoesNotContain(Sim.State.Requests, q => q.Path == "/v3/tasks/" + ids[0] || q.Path == "/v3/tasks/" + ids[3]);

            var piped = Ps.Run("$args[0] | Get-SmsTask -First 1", (object)ids);
            Assert.Equal(ids[0], Assert.Single(piped.Objects<SmsTask>()).Id);
        }
    }
}
