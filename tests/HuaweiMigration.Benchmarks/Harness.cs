using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using HuaweiMigration.Simulator;

namespace HuaweiMigration.Benchmarks
{
    /// <summary>One line of the results table.</summary>
    internal sealed record Result(string Case, string Measure, double Module, double Reference, string ReferenceIs, double Ratio, string Target, bool Met, string Note);

    /// <summary>What every case shares: the settings, the results, PowerShell runspaces with the module, timing.</summary>
    internal static class Harness
    {
        public static List<Result> Results { get; } = new List<Result>();

        public static bool Quick { get; set; }

        public static TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(20);

        /// <summary>Rounds of the cases that compare against a user's script (9, 10) or the module one row at a time (11): <c>--runs N</c>, 3 by default, 1 with <c>--quick</c>.</summary>
        public static int Runs { get; set; } = 3;

        /// <summary><c>--module-poll N</c>: cases 9 and 10 give the module <c>-PollInterval N</c> instead of its default.</summary>
        public static double? ModulePoll { get; set; }

        /// <summary>The assembled module (out/HuaweiMigration), imported as a user would.</summary>
        public static string Manifest { get; set; } = Path.Combine(Repo.Root, "out", "HuaweiMigration", "HuaweiMigration.psd1");

        public static void Add(string @case, string measure, double module, double reference, string referenceIs, double ratio, string target, bool met, string note)
        {
            var result = new Result(@case, measure, Math.Round(module, 1), Math.Round(reference, 1), referenceIs, Math.Round(ratio, 2), target, met, note);
            Results.Add(result);
            Console.WriteLine($"  {@case}: {measure}: {result.Module} vs {result.Reference} ({referenceIs}) → ratio {result.Ratio} (target {target}) {(met ? "met" : "NOT MET")}");
        }

        public static Runspace Open()
        {
            var rs = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            rs.Open();
            return rs;
        }

        /// <summary>A runspace with the module imported and connected (IAM password) to <paramref name="endpoint"/>.</summary>
        public static Runspace Connected(Uri endpoint)
        {
            var rs = Open();
            Run(rs, "Import-Module $args[0] -ErrorAction Stop", Manifest);
            var password = new System.Security.SecureString();
            foreach (var c in SimulatorCredentials.Password) password.AppendChar(c);
            rs.SessionStateProxy.SetVariable("cred", new PSCredential(SimulatorCredentials.UserName, password));
            Run(rs, "$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $args[0] -Credential $cred -DomainName sim-domain -ErrorAction Stop", endpoint);
            return rs;
        }

        public static IList<PSObject> Run(Runspace rs, string script, params object[] args)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = rs;
            ps.AddScript(script);
            foreach (var a in args) ps.AddArgument(a);
            var output = ps.Invoke();
            if (ps.HadErrors) throw new InvalidOperationException("script failed: " + string.Join(" | ", ps.Streams.Error.Select(e => e.ToString())));
            return output;
        }

        public static double Time(Action action)
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalMilliseconds;
        }

        /// <summary>One warm-up run, then the median of <paramref name="rounds"/>.</summary>
        public static double Median(int rounds, Action action)
        {
            action();
            return Median(Enumerable.Range(0, rounds).Select(_ => Time(action)));
        }

        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(t => t).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        /// <summary>Starts a .NET program with the dotnet that runs the harness.</summary>
        public static Process StartDotnet(string dll, params string[] args)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var a in args) start.ArgumentList.Add(a);
            return Process.Start(start)!;
        }
    }

    internal static class Repo
    {
        public static string Root { get; } = Find();

        private static string Find()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HuaweiMigration.sln"))) dir = dir.Parent;
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
