using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// <see cref="SimulatorHost"/> started inside a process whose environment and working directory say to listen on
    /// every interface (all the hostile configurations at once) still listens on loopback only. Changes process-wide
    /// settings, so it runs alone.
    /// </summary>
    [Collection(ProcessWideSettingsCollection.Name)]
    public sealed class InProcessLoopbackOnlyTests
    {
        [Fact]
        public async Task SimulatorHost_listens_on_loopback_only_whatever_the_process_environment_and_working_directory_say()
        {
            var workDir = Directory.CreateTempSubdirectory("hm-sim-loopback-").FullName;
            var previousDirectory = Environment.CurrentDirectory;
            var environment = new Dictionary<string, string?>();
            var ports = new HashSet<int>();
            foreach (var configuration in HostileConfiguration.All)
            {
                var (env, p) = HostileConfiguration.Write(configuration, workDir);
                foreach (var pair in env) environment[pair.Key] = pair.Value;
                ports.UnionWith(p);
            }
            var previous = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
            try
            {
                foreach (var pair in environment) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
                Environment.CurrentDirectory = workDir;

                await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 1, DcsTaskCount = 0 });

                Assert.True(IPAddress.IsLoopback(IPAddress.Parse(host.BaseUri.Host.Trim('[', ']'))), host.BaseUri.ToString());
                var listening = ListeningSockets.Of(Environment.ProcessId);
                Assert.Contains(listening, e => e.Port == host.BaseUri.Port);
                Assert.All(listening, e => Assert.True(IPAddress.IsLoopback(e.Address), "this process listens on " + e));
                Assert.DoesNotContain(listening, e => ports.Contains(e.Port));
            }
            finally
            {
                foreach (var pair in previous) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
                Environment.CurrentDirectory = previousDirectory;
                Directory.Delete(workDir, recursive: true);
            }
        }
    }
}
