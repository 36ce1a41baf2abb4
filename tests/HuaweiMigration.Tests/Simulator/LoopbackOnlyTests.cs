using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// The simulator's control API is unauthenticated, so it must never be reachable from the network: no
    /// configuration source (Kestrel variables, appsettings files in the working directory, ASPNETCORE_URLS and the
    /// like) may add a listening address. Checked on the sockets the kernel reports (/proc), never by sending anything
    /// to a non-loopback address.
    /// </summary>
    public sealed class LoopbackOnlyTests : IDisposable
    {
        private readonly string _workDir = Directory.CreateTempSubdirectory("hm-sim-loopback-").FullName;

        public void Dispose() => Directory.Delete(_workDir, recursive: true);

        public static TheoryData<string> Configurations()
        {
            var data = new TheoryData<string>();
            foreach (var c in HostileConfiguration.All) data.Add(c);
            return data;
        }

        [Theory]
        [MemberData(nameof(Configurations))]
        public async Task The_executable_listens_on_loopback_only_whatever_its_configuration_says(string configuration)
        {
            var (environment, ports) = HostileConfiguration.Write(configuration, _workDir);

            using var sim = await SimulatorProcess.StartAsync(environment, _workDir);

            var listening = ListeningSockets.Of(sim.Pid);
            Assert.NotEmpty(listening);
            Assert.All(listening, e => Assert.True(IPAddress.IsLoopback(e.Address), "listens on " + e + " (" + configuration + ")\n" + sim.Output));
            Assert.DoesNotContain(listening, e => ports.Contains(e.Port));
            using var http = new HttpClient();
            var info = JObject.Parse(await http.GetStringAsync(new Uri(sim.BaseUri, "_sim/info")));
            Assert.Equal(sim.Pid, (int)info["pid"]!);
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(sim.BaseUri.Host.Trim('[', ']'))), sim.BaseUri.ToString());
        }

        [Fact]
        public async Task Https_in_urls_is_a_one_line_error_with_the_usage_and_exit_code_2()
        {
            var (exitCode, stdout, stderr) = await SimulatorProcess.RunAsync("--urls", "https://127.0.0.1:0");

            Assert.Equal(2, exitCode);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("http only", lines[0], StringComparison.Ordinal);
            Assert.Contains("https://127.0.0.1:0", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("Usage:", lines[1], StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("listening", stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task SimulatorHost_refuses_https()
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHost.StartAsync(new SimulatorOptions { Url = "https://127.0.0.1:0" }));
            Assert.Contains("http only", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5080")]
        [InlineData("http://[::1]:5080")]
        [InlineData("http://localhost:5080")]
        public void A_loopback_address_passes_the_check_after_start(string address) =>
            LoopbackUrls.EnsureBoundToLoopback(new[] { "http://127.0.0.1:1", address });

        [Theory]
        [InlineData("http://0.0.0.0:5080")]
        [InlineData("http://[::]:5080")]
        [InlineData("http://192.0.2.2:5080")]
        [InlineData("http://+:5080")]
        [InlineData("http://*:5080")]
        [InlineData("http://example.com:5080")]
        [InlineData("not a url")]
        public void Any_other_bound_address_fails_the_check_after_start(string address)
        {
            var ex = Assert.Throws<NotLoopbackException>(() => LoopbackUrls.EnsureBoundToLoopback(new[] { "http://127.0.0.1:1", address }));
            Assert.Contains(address, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void No_bound_address_at_all_fails_the_check_after_start() =>
            Assert.Throws<NotLoopbackException>(() => LoopbackUrls.EnsureBoundToLoopback(Array.Empty<string>()));
    }
}
