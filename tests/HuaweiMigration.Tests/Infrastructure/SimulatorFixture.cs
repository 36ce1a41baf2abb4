using System;
using System.Linq;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>One simulator per test class, seeded with 450 SMS tasks; each test class runs its tests one by one.</summary>
    public class SimulatorFixture : IAsyncLifetime
    {
        public const string Region = SimulatorCredentials.DefaultRegion;

        public SimulatorHost Host { get; private set; } = null!;

        public SimulatorState State => Host.State;

        public Uri Endpoint => Host.BaseUri;

        protected virtual SimulatorOptions Options => new SimulatorOptions { SmsTaskCount = 450, DcsTaskCount = 10 };

        public async Task InitializeAsync() => Host = await SimulatorHost.StartAsync(Options);

        public async Task DisposeAsync() => await Host.DisposeAsync();

        /// <summary>Forgets faults and the request log between tests.</summary>
        public void Reset()
        {
            State.ClearFaults();
            State.ClearRequests();
        }

        public RecordedRequest[] Requests(string method, string path) =>
            State.Requests.Where(r => r.Method == method && r.Path == path).ToArray();

        public RecordedRequest[] ListCalls() => Requests("GET", "/v3/tasks");
    }
}
