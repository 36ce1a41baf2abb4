using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>1. A fresh runspace importing the module, against one importing a one-line script module.</summary>
    internal static class ImportCase
    {
        public static void Run()
        {
            // PowerShell loads its own module machinery on the first import of any module: import a trivial script
            // module first, so what remains is what importing HuaweiMigration itself loads.
            var trivial = Path.Combine(Path.GetTempPath(), "hm-bench-empty.psm1");
            File.WriteAllText(trivial, "function Get-Nothing { }");
            using (var rs = Open())
            {
                Harness.Run(rs, "Import-Module $args[0] -ErrorAction Stop; Get-Module | Out-Null", trivial);
            }
            var baseline = LoadedAssemblies();
            using (var rs = Open())
            {
                Harness.Run(rs, "Import-Module $args[0] -ErrorAction Stop", Manifest);
            }
            var loadedByImport = LoadedAssemblies().Except(baseline).OrderBy(n => n).ToList();
            Console.WriteLine("  import loaded: " + string.Join(", ", loadedByImport));

            var rounds = Quick ? 5 : 15;
            var bare = Median(rounds, () => { using var rs = Open(); Harness.Run(rs, "Import-Module $args[0]", trivial); });
            var imported = Median(rounds, () => { using var rs = Open(); Harness.Run(rs, "Import-Module $args[0] -ErrorAction Stop", Manifest); });
            var engine = new[] { "HuaweiMigration.Client", "RestSharp", "Newtonsoft.Json" };
            var lazy = !loadedByImport.Intersect(engine).Any();
            Add("1 Import", "fresh runspace + Import-Module (ms, median)", imported, bare, "runspace importing a one-line module", imported / bare, "(report)", true, string.Empty);
            Add("1 Import", "assemblies the import loads", loadedByImport.Count, 2, "HuaweiMigration + Models", loadedByImport.Count / 2.0, "engine not loaded", lazy,
                string.Join(", ", loadedByImport) + (lazy ? "; HuaweiMigration.Client, RestSharp, Newtonsoft.Json load on first use" : string.Empty));
        }

        private static HashSet<string> LoadedAssemblies() => new HashSet<string>(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?"));
    }
}
