using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>
    /// The simulator as users run it: the real executable (HuaweiMigration.Simulator.dll under dotnet) in its own
    /// process, with the environment and working directory a test chooses. It stops when the test process does.
    /// </summary>
    internal sealed class SimulatorProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private SimulatorProcess(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Pid => _process.Id;

        public Uri BaseUri { get; private set; } = null!;

        /// <summary>What it wrote to stdout and stderr so far.</summary>
        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        /// <summary>Its resident set (VmRSS of /proc/PID/status), in bytes.</summary>
        public long ResidentBytes
        {
            get
            {
                var line = File.ReadLines("/proc/" + Pid + "/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                var kb = line.Substring(6).Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        /// <summary>Starts it and waits until it has written its ready file (it listens), or fails with what it printed.</summary>
        public static async Task<SimulatorProcess> StartAsync(IDictionary<string, string?>? environment = null, string? workingDirectory = null, params string[] args)
        {
            var ready = Path.Combine(Path.GetTempPath(), "hm-sim-ready-" + Guid.NewGuid().ToString("N") + ".json");
            var all = new List<string> { "--urls", "http://127.0.0.1:0", "--tasks", "5", "--dcs-tasks", "2" };
            all.AddRange(args);
            all.AddRange(new[] { "--ready-file", ready, "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) });
            var sim = new SimulatorProcess(Start(all, environment, workingDirectory));
            try
            {
                // The ready file is the event; the deadline only bounds a hang on a very busy machine.
                var deadline = DateTime.UtcNow.AddSeconds(90);
                while (!File.Exists(ready))
                {
                    if (sim._process.HasExited) throw new InvalidOperationException("The simulator exited (" + sim._process.ExitCode + "):\n" + sim.Output);
                    if (DateTime.UtcNow > deadline) throw new TimeoutException("The simulator did not become ready:\n" + sim.Output);
                    await Task.Delay(25);
                }
                var url = JsonNode.Parse(await File.ReadAllTextAsync(ready))!["url"]!.GetValue<string>();
                sim.BaseUri = new Uri(url.TrimEnd('/') + "/");
                return sim;
            }
            catch
            {
                sim.Dispose();
                throw;
            }
            finally
            {
                File.Delete(ready);
            }
        }

        /// <summary>Runs it with exactly these arguments until it exits; its exit code, stdout and stderr.</summary>
        public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var process = Start(args, null, null);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The simulator did not exit: " + string.Join(' ', args));
            }
            return (process.ExitCode, await stdout, await stderr);
        }

        private static Process Start(IEnumerable<string> args, IDictionary<string, string?>? environment, string? workingDirectory)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "HuaweiMigration.Simulator.dll");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(dll);
            foreach (var a in args) start.ArgumentList.Add(a);
            foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            {
                if (value is null) start.Environment.Remove(name);
                else start.Environment[name] = value;
            }
            return Process.Start(start)!;
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }
            _process.Dispose();
        }
    }
}
