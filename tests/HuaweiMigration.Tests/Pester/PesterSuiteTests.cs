using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace HuaweiMigration.Tests.Pester
{
    /// <summary>
    /// The Pester suites in tests/Pester, run by every `dotnet test` in the repository's own pwsh (`dotnet pwsh`, from
    /// .config/dotnet-tools.json) with the Pester the build downloaded: never skipped, failing when one Pester test fails.
    /// The counts go to out/test-results/pester.json, which .ci/run adds to its closing line.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        /// <summary>Where the summary lands; .ci/run reads it.</summary>
        public static string SummaryPath => Path.Combine(Repo.Root, "out", "test-results", "pester.json");

        private readonly ITestOutputHelper _output;

        public PesterSuiteTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Every_Pester_suite_passes_in_the_repositorys_own_pwsh()
        {
            if (File.Exists(SummaryPath)) File.Delete(SummaryPath);
            var results = Path.Combine(Repo.Root, "out", "test-results", "pester.xml");
            var (exitCode, text) = await RunPwshAsync(
                "-NoProfile", "-NonInteractive", "-File", Path.Combine(Repo.Root, "tests", "Pester", "Invoke-PesterSuites.ps1"),
                "-SummaryPath", SummaryPath, "-ResultPath", results, "-Verbosity", "Detailed");
            _output.WriteLine(text);

            Assert.True(File.Exists(SummaryPath), "The Pester runner wrote no summary (exit code " + exitCode + "):\n" + Tail(text));
            var summary = JObject.Parse(File.ReadAllText(SummaryPath));
            Assert.True((int)summary["failed"]! == 0 && exitCode == 0,
                summary["failed"] + " Pester test(s) failed (exit code " + exitCode + "):\n" + Tail(text));
            Assert.True((int)summary["passed"]! > 0, "No Pester test ran:\n" + Tail(text));
        }

        /// <summary>Runs the repository's pwsh (the local .NET tool) in the repository root, where its manifest is found.</summary>
        internal static async Task<(int ExitCode, string Output)> RunPwshAsync(params string[] arguments)
        {
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var start = new ProcessStartInfo(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet)
            {
                WorkingDirectory = Repo.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("pwsh");
            foreach (var a in arguments) start.ArgumentList.Add(a);
            start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
            start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
            start.Environment["NO_COLOR"] = "1";

            var text = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (text) text.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (text) text.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(10));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The Pester suites ran for more than 10 minutes:\n" + Tail(text.ToString()));
            }
            process.WaitForExit(); // drains the redirected streams
            lock (text) return (process.ExitCode, text.ToString());
        }

        private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text.Substring(text.Length - 6000);
    }
}
