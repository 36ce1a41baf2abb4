using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// The simulator's created DCS migrations: CREATING → RUNNING → configured MIGRATING → FULLMIGRATING →
    /// INCRMIGEATING (incremental) or SUCCESS (full); imports MIGRATING → SUCCESS; out-of-order calls refused with DCS
    /// codes; a seeded failure; passwords never kept.
    /// </summary>
    public sealed class DcsCreateStateMachineTests : IAsyncLifetime
    {
        private SimulatorHost _host = null!;

        public async Task InitializeAsync() =>
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 0, DcsTaskCount = 0 });

        public async Task DisposeAsync() => await _host.DisposeAsync();

        private HuaweiMigration.Simulator.Dcs.DcsStore Dcs => _host.State.Dcs;

        private static readonly (string?, string?, bool) Source = ("10.1.2.3:6379", null, true);
        private static readonly (string?, string?, bool) Target = (null, "5e7a3b1c-0000-4000-8000-00000000abcd", true);

        [Fact]
        public void An_online_task_is_configured_only_once_and_only_when_RUNNING()
        {
            _host.State.Timings.DcsCreating = TimeSpan.FromHours(1);
            var id = Dcs.CreateOnline("m1", "", "vpc-1", "subnet-1", "sg-1");
            Assert.Equal("CREATING", Dcs.GetState(id));
            var (answer, refused) = Dcs.Configure(id, "incremental_migration", "auto", 0, Source, Target);
            Assert.Null(answer);
            Assert.Equal("DCS.4957", refused!.Code);
            Assert.Contains("CREATING", refused.Message, StringComparison.Ordinal);

            Dcs.SetState(id, "RUNNING");
            _host.State.Timings.DcsMigrationStep = TimeSpan.Zero;
            (answer, refused) = Dcs.Configure(id, "incremental_migration", "auto", 100, Source, Target);
            Assert.Null(refused);
            Assert.Equal("MIGRATING", (string?)answer!["status"]);
            // Zero-length steps: FULLMIGRATING, then INCRMIGEATING, where it stays.
            Assert.Equal("INCRMIGEATING", Dcs.GetState(id));

            (_, refused) = Dcs.Configure(id, "incremental_migration", "auto", 0, Source, Target);
            Assert.Equal("DCS.4957", refused!.Code);
            Assert.Contains("already been configured", refused.Message, StringComparison.Ordinal);
            Assert.Equal("DCS.4133", Dcs.Configure("no-such-task", "full_amount_migration", "auto", 0, Source, Target).Refusal!.Code);

            var shown = Dcs.Show(id)!;
            Assert.Equal("10.1.2.3:6379", (string?)shown["source_instance"]!["addrs"]);
            Assert.Equal("********", (string?)shown["source_instance"]!["password"]);
            Assert.Equal("100", (string?)shown["bandwidth_limit_mb"]);
        }

        [Fact]
        public void A_full_migration_ends_SUCCESS_and_an_import_refuses_a_resume_mode()
        {
            _host.State.Timings.DcsCreating = TimeSpan.Zero;
            _host.State.Timings.DcsMigrationStep = TimeSpan.Zero;
            var id = Dcs.CreateOnline("m2", "", "vpc-1", "subnet-1", "sg-1");
            Assert.Equal("RUNNING", Dcs.GetState(id));
            Dcs.Configure(id, "full_amount_migration", "manual", 0, Source, Target);
            Assert.Equal("SUCCESS", Dcs.GetState(id));
            Assert.Null(Dcs.SetResumeMode(id, "auto"));

            var import = Dcs.CreateBackupImport("i1", "5e7a3b1c-0000-4000-8000-00000000abcd", false, new JsonObject { ["bucket_name"] = "b", ["files"] = new JsonArray() });
            var importId = (string)import["id"]!;
            Assert.Equal("SUCCESS", Dcs.GetState(importId));
            Assert.Equal("DCS.4957", Dcs.SetResumeMode(importId, "manual")!.Code);
            Assert.Equal("DCS.4957", Dcs.Configure(importId, "full_amount_migration", "auto", 0, Source, Target).Refusal!.Code);
        }

        [Fact]
        public async Task A_seeded_failure_ends_the_next_step_in_FAILED()
        {
            _host.State.Timings.DcsCreating = TimeSpan.FromHours(1);
            var id = Dcs.CreateOnline("m3", "", "vpc-1", "subnet-1", "sg-1");
            using var http = new HttpClient { BaseAddress = _host.BaseUri };
            using var answer = await http.PostAsync("_sim/dcs/tasks/" + id + "/fail-next", new StringContent("{\"message\":\"no route\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(200, (int)answer.StatusCode);
            // The failure replaces the next step: still CREATING until it is due.
            Assert.Equal("CREATING", Dcs.GetState(id));

            _host.State.Timings.DcsCreating = TimeSpan.Zero;
            _host.State.Timings.DcsMigrationStep = TimeSpan.Zero;
            Dcs.FailTaskNamed("m4", atCreation: true);
            var failed = Dcs.CreateOnline("m4", "", "vpc-1", "subnet-1", "sg-1");
            Assert.Equal("FAILED", Dcs.GetState(failed));
            Dcs.FailTaskNamed("m5");
            var later = Dcs.CreateOnline("m5", "", "vpc-1", "subnet-1", "sg-1");
            Assert.Equal("RUNNING", Dcs.GetState(later));
            Dcs.Configure(later, "incremental_migration", "auto", 0, Source, Target);
            Assert.Equal("FAILED", Dcs.GetState(later));
            Assert.Empty(_host.State.Requests);
        }
    }
}
