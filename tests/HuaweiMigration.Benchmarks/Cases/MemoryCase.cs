using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>7. Peak working set of a process listing 50,000 tasks, against one listing 5,000 (each in its own process).</summary>
    internal static class MemoryCase
    {
        public static async Task RunAsync()
        {
            var small = Quick ? 2000 : 5000;
            var large = Quick ? 20000 : 50000;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: large, dcsTasks: 0);
            var smallPeak = Child(small, sim.BaseUri);
            var largePeak = Child(large, sim.BaseUri);
            Add("7 Memory", $"peak working set listing {large:N0} (MB)", largePeak, smallPeak, $"listing {small:N0}", largePeak / smallPeak, "≤ 1.2", largePeak / smallPeak <= 1.2,
                "each in its own process; the simulator in another");
        }

        private static double Child(int count, Uri url)
        {
            using var child = StartDotnet(typeof(MemoryCase).Assembly.Location, "--memory-child", count.ToString(CultureInfo.InvariantCulture), url.ToString(), Manifest);
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith("peak ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("memory child failed: " + output + child.StandardError.ReadToEnd());
            return double.Parse(line.Substring(5), CultureInfo.InvariantCulture);
        }

        /// <summary>In its own process: list <paramref name="count"/> tasks (the simulator holds more; -First cuts) and report the peak working set.</summary>
        public static int Child(int count, string url, string manifest)
        {
            Manifest = manifest;
            using var rs = Connected(new Uri(url));
            var listed = Harness.Run(rs, "$n = 0; Get-SmsTask -First $args[0] | ForEach-Object { $n++ }; $n", count);
            GC.Collect();
            using var me = System.Diagnostics.Process.GetCurrentProcess();
            me.Refresh();
            Console.WriteLine("listed " + listed.Single());
            var gc = GC.GetGCMemoryInfo();
            Console.WriteLine("heap after " + (GC.GetTotalMemory(false) / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB, largest heap " + (gc.HeapSizeBytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)
                + " MB, gen2 collections " + GC.CollectionCount(2) + ", allocated " + (GC.GetTotalAllocatedBytes() / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB");
            Console.WriteLine("peak " + (me.PeakWorkingSet64 / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
            return 0;
        }
    }
}
