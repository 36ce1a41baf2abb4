using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Threading.Tasks;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// The engine ships twice: portable IL beside the manifest (Windows PowerShell, every platform) and precompiled
    /// ReadyToRun images for .NET 10 on linux-x64, which the module's load context takes on that runtime.
    /// </summary>
    public class ReadyToRunTests : ModuleTestBase, IClassFixture<SimulatorFixture>
    {
        private static string ModuleFolder => Path.GetDirectoryName(Repo.ModuleManifest)!;

        private static string Images => Path.Combine(ModuleFolder, "ReadyToRun", "net10.0-linux-x64");

        public ReadyToRunTests(SimulatorFixture fixture) : base(fixture)
        {
        }

        [Fact]
        public void Each_assembly_the_load_context_owns_has_a_precompiled_image_and_stays_portable_IL_beside_the_manifest()
        {
            var owned = PrivateAssemblies();
            Assert.Equal(new[] { "HuaweiMigration.Client", "Newtonsoft.Json", "RestSharp" }, owned.OrderBy(n => n, StringComparer.Ordinal).ToArray());
            // Nothing else in the folder: an image of an assembly the context does not own would never be used.
            Assert.Equal(owned.Select(n => n + ".dll").OrderBy(n => n, StringComparer.Ordinal),
                Directory.GetFiles(Images).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            foreach (var name in owned)
            {
                var portable = Path.Combine(ModuleFolder, name + ".dll");
                var image = Path.Combine(Images, name + ".dll");
                Assert.False(IsReadyToRun(portable), portable + " must stay IL only: Windows PowerShell and other platforms load it");
                Assert.True(IsReadyToRun(image), image + " has no precompiled code");
                // The same assembly (name, version, public key) either way, so the choice changes nothing but speed.
                Assert.Equal(AssemblyName.GetAssemblyName(portable).FullName, AssemblyName.GetAssemblyName(image).FullName);
            }
        }

        [Fact]
        public async Task On_this_runtime_the_module_runs_the_images_that_match_it()
        {
            var expected = Environment.Version.Major == 10 && RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.ProcessArchitecture == Architecture.X64
                ? "ReadyToRun/net10.0-linux-x64"
                : ".";
            var report = await IsolationProbe.RunAsync(Sim.Endpoint);
            Assert.Contains("tasks: ", report);
            foreach (var name in PrivateAssemblies())
            {
                Assert.Matches(@"loaded: " + System.Text.RegularExpressions.Regex.Escape(name) + @" \S+ \(file [^)]+\) in module from " + System.Text.RegularExpressions.Regex.Escape(expected) + "\r?\n", report);
            }
            // The output types stay portable, in the default context, where scripts see them.
            Assert.Contains("loaded: HuaweiMigration.Models 0.1.0.0 (file 0.1.0.0) in Default from .", report);
        }

        [Fact]
        public void Another_runtime_or_platform_has_no_images_and_loads_the_portable_IL()
        {
            var elsewhere = Path.Combine(Path.GetTempPath(), "hm-r2r-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(elsewhere, "ReadyToRun", "net8.0-linux-x64"));
            Directory.CreateDirectory(Path.Combine(elsewhere, "ReadyToRun", "net10.0-win-arm64"));
            try
            {
                Assert.Null(ReadyToRunDirectory(elsewhere));
            }
            finally
            {
                Directory.Delete(elsewhere, recursive: true);
            }
        }

        // The module's own assembly as PowerShell loaded it (the tests never reference it), read by reflection.
        private static Type ModuleType(string name)
        {
            var module = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "HuaweiMigration")
                ?? Assembly.LoadFrom(Path.Combine(ModuleFolder, "HuaweiMigration.dll"));
            return module.GetType(name, throwOnError: true)!;
        }

        private static string[] PrivateAssemblies() =>
            (string[])ModuleType("HuaweiMigration.Internal.DependencyLoader").GetField("Private", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;

        private static string? ReadyToRunDirectory(string moduleFolder) =>
            (string?)ModuleType("HuaweiMigration.Internal.IsolatedLoader").GetMethod("ReadyToRunDirectory", BindingFlags.Static | BindingFlags.NonPublic)!.Invoke(null, new object[] { moduleFolder });

        private static bool IsReadyToRun(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        }
    }
}
