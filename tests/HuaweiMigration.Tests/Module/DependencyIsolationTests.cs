using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// The module works in a PowerShell host that loaded other versions of RestSharp and Newtonsoft.Json first. Runs
    /// in its own process (<see cref="IsolationProbe"/>): this test process has the module's own versions.
    /// </summary>
    public class DependencyIsolationTests
    {
        [Fact]
        public async Task The_module_works_where_other_RestSharp_and_Newtonsoft_versions_were_loaded_first()
        {
            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 7, DcsTaskCount = 0 });
            var report = await IsolationProbe.RunAsync(sim.BaseUri);

            Assert.Contains("tasks: 7", report);
            Assert.Contains("loaded: RestSharp 112.1.0.0 (file 112.1.0) in Default", report);
            Assert.Contains("loaded: RestSharp 114.1.0.0 (file 114.1.0) in module", report);
            Assert.Contains("loaded: Newtonsoft.Json 13.0.0.0 (file 13.0.1.", report);
            Assert.Contains("loaded: Newtonsoft.Json 13.0.0.0 (file 13.0.4.", report);
            Assert.Contains("loaded: HuaweiMigration.Client 0.1.0.0 (file 0.1.0.0) in module", report);
            Assert.Contains("loaded: HuaweiMigration.Models 0.1.0.0 (file 0.1.0.0) in Default", report);
        }
    }
}
