using System;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>A fresh runspace with the module imported, and a simulator, for each test.</summary>
    public abstract class ModuleTestBase : IDisposable
    {
        protected ModuleTestBase(SimulatorFixture sim)
        {
            Sim = sim;
            Sim.Reset();
            Ps = new PsSession();
            Ps.Set("endpoint", sim.Endpoint);
            Ps.Set("region", SimulatorFixture.Region);
            Ps.Set("cred", PsSession.Credential(SimulatorCredentials.UserName, SimulatorCredentials.Password));
        }

        protected SimulatorFixture Sim { get; }

        protected PsSession Ps { get; }

        protected const string ConnectPassword =
            "Connect-HuaweiCloud -Region $region -Endpoint $endpoint -Credential $cred -DomainName sim-domain";

        /// <summary>Connects with a password, then clears the request log so a test sees only its own calls.</summary>
        protected void Connect()
        {
            var r = Ps.Run(ConnectPassword);
            if (r.Errors.Count > 0 || r.Terminating != null) throw new InvalidOperationException("Connect failed: " + r.Describe());
            Sim.State.ClearRequests();
        }

        public void Dispose()
        {
            Ps.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
