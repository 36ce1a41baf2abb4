using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// POST /_sim/dcs/fail-named (Set-SimDcsFailure -Name): a failure seeded over HTTP for a DCS task not made yet, at
    /// its first migration step or (atCreation) when its migration machine is made; bad bodies refused; out of the log.
    /// </summary>
    public sealed class DcsFailNamedControlTests : IAsyncLifetime
    {
        private SimulatorHost _host = null!;

        public async Task InitializeAsync() =>
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 0, DcsTaskCount = 0 });

        public async Task DisposeAsync() => await _host.DisposeAsync();

        private static readonly (string?, string?, bool) Source = ("10.1.2.3:6379", null, true);
        private static readonly (string?, string?, bool) Target = (null, "5e7a3b1c-0000-4000-8000-00000000abcd", true);

        private async Task<int> PostAsync(string body)
        {
            using var http = new HttpClient { BaseAddress = _host.BaseUri };
            using var answer = await http.PostAsync("_sim/dcs/fail-named", new StringContent(body, Encoding.UTF8, "application/json"));
            return (int)answer.StatusCode;
        }

        [Fact]
        public async Task A_failure_seeded_by_name_fails_the_task_made_later_at_its_point()
        {
            var dcs = _host.State.Dcs;
            _host.State.Timings.DcsCreating = TimeSpan.Zero;
            _host.State.Timings.DcsMigrationStep = TimeSpan.Zero;
            Assert.Equal(200, await PostAsync("{\"name\":\"cache-05\",\"message\":\"no route\"}"));
            Assert.Equal(200, await PostAsync("{\"name\":\"cache-06\",\"atCreation\":true}"));

            var other = dcs.CreateOnline("cache-04", "", "vpc-1", "subnet-1", "sg-1");
            Assert.Equal("RUNNING", dcs.GetState(other));
            dcs.Configure(other, "incremental_migration", "auto", 0, Source, Target);
            Assert.Equal("INCRMIGEATING", dcs.GetState(other));

            var seeded = dcs.CreateOnline("cache-05", "", "vpc-1", "subnet-1", "sg-1");
            Assert.Equal("RUNNING", dcs.GetState(seeded));
            dcs.Configure(seeded, "incremental_migration", "auto", 0, Source, Target);
            Assert.Equal("FAILED", dcs.GetState(seeded));

            Assert.Equal("FAILED", dcs.GetState(dcs.CreateOnline("cache-06", "", "vpc-1", "subnet-1", "sg-1")));
            Assert.Empty(_host.State.Requests);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"name\":\"\"}")]
        [InlineData("{\"name\":\"a\",\"atCreaton\":true}")]
        [InlineData("{\"name\":\"a\",\"atCreation\":\"yes\"}")]
        [InlineData("[1]")]
        public async Task A_bad_body_is_refused(string body)
        {
            Assert.Equal(400, await PostAsync(body));
            var made = _host.State.Dcs.CreateOnline("a", "", "vpc-1", "subnet-1", "sg-1");
            Assert.NotEqual("FAILED", _host.State.Dcs.GetState(made));
        }
    }
}
