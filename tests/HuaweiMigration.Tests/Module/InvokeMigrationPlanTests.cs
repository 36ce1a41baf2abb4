using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Invoke-HuaweiMigrationPlan over the simulator: stages, idempotence, results, refusals, secrets.</summary>
    public class InvokeMigrationPlanTests : LifecycleTestBase, IDisposable
    {
        private const string SourcePw = "Src-PLAN-planted-4e1f";
        private const string TargetPw = "Tgt-PLAN-planted-a93c";
        private const string Target = "5e7a3b1c-0000-4000-8000-00000000abcd";

        private readonly string _dir = Path.Combine(Path.GetTempPath(), "hm-plan-" + Guid.NewGuid().ToString("N"));

        public InvokeMigrationPlanTests()
        {
            Directory.CreateDirectory(_dir);
            Sim.State.Timings.RunningToFinish = TimeSpan.FromMilliseconds(400);
            Sim.State.Timings.LaunchDelay = TimeSpan.FromMilliseconds(200);
            Sim.State.Timings.DcsCreating = TimeSpan.FromMilliseconds(200);
            Sim.State.Timings.DcsMigrationStep = TimeSpan.FromMilliseconds(200);
            Sim.State.Timings.DcsExchangeDelay = TimeSpan.FromMilliseconds(200);
            Ps.Set("spw", PsSession.Secure(SourcePw));
            Ps.Set("tpw", PsSession.Secure(TargetPw));
        }

        /// <summary>Writes a plan of <paramref name="servers"/> server rows and <paramref name="redis"/> Redis rows; returns its path.</summary>
        private string Plan(int servers, int redis)
        {
            if (servers > 0 && Sim.State.Sms.Templates.Ids.Count == 0) Sim.State.Sms.Templates.Add("wave-tpl");
            var lines = new List<string> { "Kind,Name,SourceServer,Template,SourceAddress,TargetInstanceId,Method,VpcId,SubnetId,SecurityGroupId" };
            for (var i = 0; i < servers; i++)
            {
                var name = "web-" + i.ToString("00");
                Sim.State.Sms.AddSourceServer(name, true, dataDisksGb: new long[] { 100 });
                lines.Add("Server," + name + "," + name + ",wave-tpl,,,,,,");
            }
            for (var i = 0; i < redis; i++)
            {
                lines.Add("Redis,cache-" + i.ToString("00") + ",,,10.0.1." + (10 + i) + ":6379," + Target + "," + (i % 2 == 0 ? "Incremental" : "Full") + ",vpc-0001,subnet-0001,sg-0001");
            }
            var path = Path.Combine(_dir, "wave.csv");
            File.WriteAllLines(path, lines);
            Ps.Set("plan", path);
            return path;
        }

        private const string Passwords = " -RedisPassword @{ '10.0.1.10:6379' = $spw; '10.0.1.11:6379' = $spw; '10.0.1.12:6379' = $spw; '" + Target + "' = $tpw }";

        private static readonly string[] Writes = { "POST", "PUT", "DELETE", "PATCH" };

        private RecordedRequest[] WriteRequests => Sim.State.Requests.Where(r => Writes.Contains(r.Method) && !r.Path.StartsWith("/v3/auth", StringComparison.Ordinal)).ToArray();

        [Fact]
        public void Create_and_Replicate_make_and_replicate_every_row_and_a_second_run_sends_nothing()
        {
            Plan(4, 2);

            var r = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Replicate, Create -Force -PollInterval 0.1" + Passwords);

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var results = r.Objects<MigrationPlanResult>().ToList();
            Assert.Equal(12, results.Count);
            // A Redis migration may be steady before its Replicate stage starts: nothing is sent for it either way.
            Assert.All(results, x => Assert.True(x.Outcome == MigrationPlanOutcomes.Done
                || x.Kind == MigrationPlanKinds.Redis && x.Stage == MigrationPlanStages.Replicate && x.Outcome == MigrationPlanOutcomes.AlreadyDone, x + " " + x.Message));
            Assert.All(results.Where(x => x.Stage == MigrationPlanStages.Replicate && x.Kind == MigrationPlanKinds.Server), x => Assert.Equal("MIGRATE_SUCCESS", x.State));
            Assert.Equal(new[] { "Create", "Replicate" }, results.Select(x => x.Stage).Distinct());
            Assert.Equal(4, Sim.State.Sms.Count);

            Sim.State.ClearRequests();
            var again = Ps.Run("Invoke-HuaweiMigrationPlan -Path $plan -Stage Create, Replicate -Force -PollInterval 0.1" + Passwords);

            Assert.True(again.Errors.Count == 0 && again.Terminating is null, again.Describe());
            Assert.All(again.Objects<MigrationPlanResult>(), x => Assert.True(x.Outcome == MigrationPlanOutcomes.AlreadyDone, x + " " + x.Message));
            Assert.Empty(WriteRequests);
            Assert.Equal(4, Sim.State.Sms.Count);
        }

        public new void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
            base.Dispose();
        }
    }
}
