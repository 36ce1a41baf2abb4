using System;
using System.Linq;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// A fresh simulator per test, empty but for the tasks the test adds, with state changes fast enough for tests,
    /// and a runspace connected to it.
    /// </summary>
    public abstract class LifecycleTestBase : IDisposable
    {
        protected LifecycleTestBase()
        {
            Sim = SimulatorHost.StartAsync(new SimulatorOptions
            {
                SmsTaskCount = 0,
                DcsTaskCount = 0,
                Timings = new SimulatorTimings
                {
                    StopToAbort = TimeSpan.FromMilliseconds(200),
                    DeleteToGone = TimeSpan.FromMilliseconds(100),
                    DcsStopToTerminated = TimeSpan.FromMilliseconds(200),
                },
            }).GetAwaiter().GetResult();
            Ps = new PsSession();
            Ps.Set("endpoint", Sim.BaseUri);
            Ps.Set("cred", PsSession.Credential(SimulatorCredentials.UserName, SimulatorCredentials.Password));
            var connect = Ps.Run("$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential $cred -DomainName sim-domain");
            if (connect.Errors.Count > 0) throw new InvalidOperationException(connect.Describe());
            Sim.State.ClearRequests();
        }

        protected SimulatorHost Sim { get; }

        protected PsSession Ps { get; }

        protected string[] AddTasks(int count, string state, string prefix = "task") =>
            Enumerable.Range(1, count).Select(i => Sim.State.Sms.Add(name: $"{prefix}-{i:0000}", state: state)).ToArray();

        protected RecordedRequest[] Requests(string method) => Sim.State.Requests.Where(r => r.Method == method).ToArray();

        protected RecordedRequest[] Actions(string id) =>
            Sim.State.Requests.Where(r => r.Method == "POST" && r.Path == "/v3/tasks/" + id + "/action").ToArray();

        protected RecordedRequest[] Deletes(string id) =>
            Sim.State.Requests.Where(r => r.Method == "DELETE" && r.Path == "/v3/tasks/" + id).ToArray();

        public void Dispose()
        {
            Ps.Dispose();
            Sim.DisposeAsync().AsTask().GetAwaiter().GetResult();
            GC.SuppressFinalize(this);
        }
    }
}
