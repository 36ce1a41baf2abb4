using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Ctrl+C (PowerShell.Stop) ends a command at once wherever it is waiting, and nothing is sent after it.</summary>
    [Collection(Infrastructure.TimingCollection.Name)]
    public class CancellationTests : LifecycleTestBase
    {
        private void StopWhile(string script, Func<bool> waiting)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript(script);
            var async = ps.BeginInvoke();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!waiting() && DateTime.UtcNow < deadline) Thread.Sleep(10);
            Assert.True(waiting(), "the command never got to the point where it waits");
            Thread.Sleep(100);

            var clock = Stopwatch.StartNew();
            ps.Stop();
            clock.Stop();
            var stoppedAt = DateTime.UtcNow;
            Assert.True(async.IsCompleted);
            // What is asserted is that Stop does not wait for what blocks (a 5 s answer, a long pause), not how fast a
            // machine is: a bound well under the blocking time holds on a loaded machine too. Speed is for benchmarks.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "Stop took " + clock.Elapsed.TotalMilliseconds + " ms");
            Thread.Sleep(700);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Timestamp > stoppedAt);
        }

        [Fact]
        public void During_an_HTTP_call()
        {
            AddTasks(3, "RUNNING");
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Latency, Delay = TimeSpan.FromSeconds(5) });
            // The slow answer is logged only when it ends: wait until the call has surely gone out.
            var sent = DateTime.UtcNow.AddMilliseconds(300);
            StopWhile("Get-SmsTask", () => DateTime.UtcNow > sent);
        }

        [Fact]
        public void During_a_retry_backoff()
        {
            AddTasks(3, "RUNNING");
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Throttle, RetryAfter = TimeSpan.FromSeconds(10) });
            StopWhile("Get-SmsTask", () => Sim.State.Requests.Any(q => q.StatusCode == 429));
        }

        [Fact]
        public void During_a_poll_sleep()
        {
            var ids = AddTasks(2, "RUNNING");
            StopWhile("'" + ids[0] + "', '" + ids[1] + "' | Wait-SmsTask -State MIGRATE_SUCCESS -PollInterval 30",
                () => Sim.State.Requests.Any(q => q.Method == "GET"));
        }

        [Fact]
        public void Stop_during_a_wait_returns_within_a_second_and_no_request_follows()
        {
            var ids = AddTasks(2, "RUNNING");
            using var ps = PowerShell.Create();
            ps.Runspace = Ps.Runspace;
            ps.AddScript("$args | Wait-SmsTask -State MIGRATE_SUCCESS -PollInterval 0.2").AddArgument(ids[0]).AddArgument(ids[1]);
            var async = ps.BeginInvoke();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Sim.State.Requests.Count(q => q.Method == "GET") < 3 && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.True(Sim.State.Requests.Count(q => q.Method == "GET") >= 3, "the wait never polled");

            var clock = Stopwatch.StartNew();
            ps.Stop();
            clock.Stop();
            var stoppedAt = DateTime.UtcNow;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "Stop took " + clock.Elapsed);
            Assert.True(async.IsCompleted);
            Thread.Sleep(600);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Timestamp > stoppedAt);
        }
    }
}
