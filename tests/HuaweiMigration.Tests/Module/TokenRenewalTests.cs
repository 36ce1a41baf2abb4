using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>One connection used by many runspaces at once (ForEach-Object -Parallel, thread jobs) renews its token once.</summary>
    public class TokenRenewalTests : ModuleTestBase, IClassFixture<SimulatorFixture>
    {
        public TokenRenewalTests(SimulatorFixture sim) : base(sim)
        {
        }

        [Fact]
        public async Task Runspaces_that_find_the_shared_token_expired_together_renew_it_once()
        {
            var context = (HuaweiCloudContext)Ps.Run(ConnectPassword + " -Scope Runspace").Output.Single().BaseObject;
            var sessions = Enumerable.Range(0, 6).Select(_ => new PsSession()).ToList();
            try
            {
                foreach (var s in sessions) s.Set("ctx", context);
                // IAM ends the token early: every runspace's next call is refused with 401. Half of those refusals
                // come 300 ms late, after the token was renewed: they must not throw the new token away.
                Sim.State.ExpireAllTokens();
                Sim.State.ClearRequests();
                Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Latency, Delay = TimeSpan.FromMilliseconds(300), Count = 3 });
                using var start = new Barrier(sessions.Count);
                var runs = sessions.Select(s => Task.Run(() =>
                {
                    start.SignalAndWait();
                    return s.Run("Get-SmsTask -First 3 -Context $ctx | ForEach-Object { $_.Id }");
                })).ToList();
                var results = await Task.WhenAll(runs);

                Assert.All(results, r => Assert.True(r.Errors.Count == 0 && r.Output.Count == 3, r.Describe()));
                Assert.Single(Sim.Requests("POST", "/v3/auth/tokens"));
            }
            finally
            {
                foreach (var s in sessions) s.Dispose();
            }
        }
    }
}
