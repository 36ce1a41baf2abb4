using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using HuaweiMigration.Benchmarks.Cases;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/HuaweiMigration.Benchmarks [-- --quick] [--latency-ms N] [--json PATH]
    /// [--only 2,8] [--runs N] [--module-poll N]: every case over real HTTP against the simulator in its own process; the table and
    /// docs/benchmarks.json at the end.
    /// </summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--memory-child") return MemoryCase.Child(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args[3]);

            Quick = args.Contains("--quick");
            var json = ArgValue(args, "--json") ?? Path.Combine(Repo.Root, "docs", "benchmarks.json");
            if (ArgValue(args, "--latency-ms") is { } ms) Latency = TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture));
            Runs = ArgValue(args, "--runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : Quick ? 1 : 3;
            if (ArgValue(args, "--module-poll") is { } poll) ModulePoll = double.Parse(poll, CultureInfo.InvariantCulture);
            var only = ArgValue(args, "--only")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
            if (!File.Exists(Manifest)) throw new FileNotFoundException("Build first: the module is not assembled.", Manifest);

            Console.WriteLine($"HuaweiMigration benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, latency {Latency.TotalMilliseconds} ms{(Quick ? ", quick" : string.Empty)}");
            var cases = new (int Number, Func<Task> Run)[]
            {
                (1, () => { ImportCase.Run(); return Task.CompletedTask; }),
                (2, PerCallCase.RunAsync),
                (3, ListingCase.RunAsync),
                (4, BulkCase.RunAsync),
                (5, ShrinkingListCase.RunAsync),
                (6, DcsStopCase.RunAsync),
                (7, MemoryCase.RunAsync),
                (8, ColdStartCase.RunAsync),
                (9, DefaultsCase.SeedWorkflowAsync),
                (10, DefaultsCase.DcsStopAsync),
                (11, WavePlanCase.RunAsync),
            };
            foreach (var (number, run) in cases)
            {
                if (only is null || only.Contains(number)) await run();
            }

            Print();
            var document = new { machine = new { cores = Environment.ProcessorCount, dotnet = Environment.Version.ToString(), os = Environment.OSVersion.ToString() }, latencyMs = Latency.TotalMilliseconds, quick = Quick, runs = Runs, modulePoll = ModulePoll, when = DateTime.UtcNow, results = Results };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            File.WriteAllText(json, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine("JSON written to " + json);
            return 0;
        }

        private static void Print()
        {
            Console.WriteLine();
            Console.WriteLine($"{"Case",-16} {"Measure",-56} {"Module",10} {"Reference",10} {"Ratio",7}  {"Target",-14} Met");
            Console.WriteLine(new string('-', 125));
            foreach (var r in Results)
            {
                Console.WriteLine($"{r.Case,-16} {Trim(r.Measure, 56),-56} {r.Module,10} {r.Reference,10} {r.Ratio,7}  {r.Target,-14} {(r.Met ? "yes" : "NO")}");
            }
        }

        private static string Trim(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";

        private static string? ArgValue(string[] args, string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
    }
}
