using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>Listing while the list changes: no task is skipped and none comes twice.</summary>
    public class PageCursorTests
    {
        [Fact]
        public async Task A_state_filtered_listing_that_shrinks_while_it_is_read_still_yields_every_task_once()
        {
            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 0 });
            var ids = Enumerable.Range(0, 450).Select(i => sim.State.Sms.Add(name: "t" + i, state: "RUNNING")).ToList();
            var context = await HuaweiCloudConnector.ConnectAsync(new ConnectRequest
            {
                AuthType = HuaweiCloudAuthType.AccessKey,
                Region = SimulatorCredentials.DefaultRegion,
                Endpoint = sim.BaseUri,
                AccessKey = SimulatorCredentials.AccessKey,
                SecretKey = PsSession.Secure(SimulatorCredentials.SecretKey),
            }, null, CancellationToken.None);

            var seen = new List<string>();
            var filter = new SmsTaskFilter { States = new[] { SmsTaskState.RUNNING } };
            foreach (var task in new SmsClient(context).EnumerateTasks(filter, new PagingRequest(), CancellationToken.None))
            {
                seen.Add(task.Id);
                // What a pipeline like "Get-SmsTask -State RUNNING | Suspend-SmsTask" does to the listing.
                sim.State.Sms.SetState(task.Id, "ABORT");
            }

            Assert.Equal(ids.OrderBy(i => i), seen.OrderBy(i => i));
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
    }
}
