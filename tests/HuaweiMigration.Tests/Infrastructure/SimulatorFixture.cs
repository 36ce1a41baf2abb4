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

        /// <summary>The secrets clients sent since the last <see cref="Reset"/> (the request log keeps them out).</summary>
        public WireSecrets Secrets { get; private set; } = null!;

        protected virtual SimulatorOptions Options => new SimulatorOptions { SmsTaskCount = 450, DcsTaskCount = 10 };

        public async Task InitializeAsync()
        {
            Host = await SimulatorHost.StartAsync(Options);
            Secrets = new WireSecrets(Host.State);
        }

        public async Task DisposeAsync()
        {
            Secrets.Dispose();
            await Host.DisposeAsync();
        }

        /// <summary>Forgets faults, the request log and the secrets seen between tests.</summary>
        public void Reset()
        {
            State.ClearFaults();
            State.ClearRequests();
            Secrets.Clear();
        }

        public RecordedRequest[] Requests(string method, string path) =>
            State.Requests.Where(r => r.Method == method && r.Path == path).ToArray();

        public RecordedRequest[] ListCalls() => Requests("GET", "/v3/tasks");
    }
}
