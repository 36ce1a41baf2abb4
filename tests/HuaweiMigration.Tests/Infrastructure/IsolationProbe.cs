using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>
    /// Runs tests/HuaweiMigration.IsolationProbe in its own process: a PowerShell host that imports the module and
    /// lists tasks, then reports which assembly came from where (this test process references the engine itself, so
    /// the module's own load context is only ever seen at work in another process).
    /// </summary>
    internal static class IsolationProbe
    {
        public static async Task<string> RunAsync(Uri endpoint)
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var probe = Path.Combine(Repo.Root, "tests", "HuaweiMigration.IsolationProbe", "bin", configuration, "net10.0", "HuaweiMigration.IsolationProbe.dll");
            Assert.True(File.Exists(probe), "not built: " + probe);

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(probe);
            start.ArgumentList.Add(Repo.ModuleManifest);
            start.ArgumentList.Add(endpoint.ToString());
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExit(120_000);
            if (!exited) process.Kill(entireProcessTree: true);
            var report = await output + await errors;
            Assert.True(exited && process.ExitCode == 0, "probe failed:\n" + report);
            return report;
        }
    }
}
