using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>
    /// 8. A runbook's one-shot command, whole process: a fresh pwsh imports the module, connects with an access key
    /// from the environment and reads one task; against <c>pwsh -c exit</c> in the same pwsh (the repository's own,
    /// started directly, not through the <c>dotnet pwsh</c> shim).
    /// </summary>
    internal static class ColdStartCase
    {
        public static async Task RunAsync()
        {
            var pwsh = FindPwsh();
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 50, dcsTasks: 0);
            var portable = PortableCopy();
            try
            {
                string OneShot(string manifest, string read) =>
                    $"Import-Module '{manifest}'; $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint '{sim.BaseUri}'; {read}";
                var commands = new (string Name, string Command)[]
                {
                    ("exit", "exit"),
                    ("any", "1"),
                    ("one-shot", OneShot(Manifest, "$null = Get-SmsTask -First 1")),
                    ("printed", OneShot(Manifest, "Get-SmsTask -First 1")),
                    ("print-only", "Get-Date"),
                    ("portable", OneShot(portable, "$null = Get-SmsTask -First 1")),
                };
                var times = commands.ToDictionary(c => c.Name, _ => new List<double>());
                var rounds = Quick ? 5 : 15;
                for (var round = -1; round < rounds; round++)
                {
                    // Alternate, so no variant gets a quieter machine; round -1 warms the disk cache.
                    foreach (var (name, command) in commands)
                    {
                        var ms = Launch(pwsh, command);
                        if (round >= 0) times[name].Add(ms);
                    }
                }
                var m = times.ToDictionary(t => t.Key, t => Median(t.Value));
                string Spread(string name) => $"{times[name].Min():0}–{times[name].Max():0}";
                foreach (var (name, _) in commands) Console.WriteLine($"  cold start {name}: median {m[name]:0} ms, {Spread(name)}");
                Add("8 Cold start", "pwsh -c: import, connect (AK/SK env), $null = Get-SmsTask -First 1 (ms)", m["one-shot"], m["exit"], "pwsh -c exit", m["one-shot"] / m["exit"], "≤ 1.5", m["one-shot"] / m["exit"] <= 1.5,
                    $"median of {rounds} ({Spread("one-shot")} vs {Spread("exit")}); pwsh -c 1 alone takes {m["any"]:0} ms ({m["any"] / m["exit"]:0.00}×)");
                Add("8 Cold start", "same, the task printed to stdout (ms)", m["printed"], m["exit"], "pwsh -c exit", m["printed"] / m["exit"], "(report)", true,
                    $"pwsh -c Get-Date alone takes {m["print-only"]:0} ms ({m["print-only"] / m["exit"]:0.00}×): PowerShell's own first formatting");
                Add("8 Cold start", "the one-shot with the portable IL only (no ReadyToRun images) (ms)", m["portable"], m["one-shot"], "with the images", m["portable"] / m["one-shot"], "(report)", true,
                    $"the images save {m["portable"] - m["one-shot"]:0} ms ({Spread("portable")} without them)");
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(portable)!, recursive: true);
            }
        }

        private static double Launch(string pwsh, string command)
        {
            var start = new ProcessStartInfo(pwsh) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-NoProfile", "-NonInteractive", "-Command", command }) start.ArgumentList.Add(a);
            start.Environment["HUAWEICLOUD_SDK_AK"] = SimulatorCredentials.AccessKey;
            start.Environment["HUAWEICLOUD_SDK_SK"] = SimulatorCredentials.SecretKey;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var ms = clock.Elapsed.TotalMilliseconds;
            if (process.ExitCode != 0 || errors.Length > 0) throw new InvalidOperationException($"pwsh -c {command} failed ({process.ExitCode}): {errors}{output.Result}");
            return ms;
        }

        /// <summary>The repository's own pwsh (.config/dotnet-tools.json), from the NuGet packages folder.</summary>
        private static string FindPwsh()
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, ".config", "dotnet-tools.json")));
            var version = manifest.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString()!;
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var path = Path.Combine(packages, "powershell", version, "tools", "net10.0", "any", windows ? "win" : "unix", windows ? "pwsh.exe" : "pwsh");
            if (!File.Exists(path)) throw new FileNotFoundException("Run `dotnet tool restore` first: the repository's pwsh is not installed.", path);
            return path;
        }

        /// <summary>A copy of the module without its ReadyToRun images, as every other runtime sees it.</summary>
        private static string PortableCopy()
        {
            var source = Path.GetDirectoryName(Manifest)!;
            var target = Path.Combine(Path.GetTempPath(), "hm-bench-portable-" + Guid.NewGuid().ToString("N"), "HuaweiMigration");
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative.StartsWith("ReadyToRun", StringComparison.Ordinal)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
                File.Copy(file, Path.Combine(target, relative));
            }
            return Path.Combine(target, "HuaweiMigration.psd1");
        }
    }
}
