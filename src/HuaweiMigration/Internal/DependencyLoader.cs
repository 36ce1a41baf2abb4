using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace HuaweiMigration.Internal
{
    /// <summary>
    /// Runs when the module is imported: sets up how the module's private dependencies load, as Microsoft documents
    /// for modules whose dependencies may clash with other modules' ("Resolving PowerShell module assembly
    /// dependency conflicts").
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => DependencyLoader.Register();
    }

    /// <summary>
    /// On PowerShell 7, the engine (HuaweiMigration.Client) and its dependencies (RestSharp, Newtonsoft.Json) load
    /// into the module's own AssemblyLoadContext from the module folder (from ReadyToRun/ where it has precompiled
    /// images for the runtime), so another module (or PowerShell itself) having loaded other versions first changes
    /// nothing. The output types (HuaweiMigration.Models) stay in the
    /// default context, shared with scripts. On Windows PowerShell 5.1 there are no load contexts: the module's
    /// folder is searched for what the default probing does not find.
    /// </summary>
    internal static class DependencyLoader
    {
        /// <summary>Assemblies that belong to the module alone; everything else comes from the framework or the default context.</summary>
        internal static readonly string[] Private = { "HuaweiMigration.Client", "RestSharp", "Newtonsoft.Json" };

        internal static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".";

        private static readonly object Gate = new object();
        private static bool _registered;

        internal static bool IsDotNetCore => !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public static void Register()
        {
            lock (Gate)
            {
                if (_registered) return;
                _registered = true;
            }
            if (IsDotNetCore)
            {
                IsolatedLoader.Register();
            }
            else
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
            }
        }

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var path = Path.Combine(ModuleDirectory, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }

    /// <summary>Kept apart so that Windows PowerShell never compiles code that touches AssemblyLoadContext.</summary>
    internal static class IsolatedLoader
    {
        private static ModuleLoadContext? _context;

        /// <summary>The module's load context (null until the module is imported on PowerShell 7).</summary>
        internal static AssemblyLoadContext? Context => _context;

        // Never inlined into DependencyLoader.Register: Windows PowerShell must not compile code that names
        // AssemblyLoadContext (System.Runtime.Loader is not shipped for .NET Framework).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Register()
        {
            _context = new ModuleLoadContext(DependencyLoader.ModuleDirectory);
            // The cmdlets reference the engine by name; the default context does not find it in PowerShell's own
            // folder and asks here, and gets the engine from the module's context.
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name == "HuaweiMigration.Client" ? _context.LoadFromAssemblyName(name) : null;
        }

        /// <summary>
        /// The folder of precompiled (ReadyToRun) images of the engine for this .NET and platform, e.g.
        /// <c>ReadyToRun/net10.0-linux-x64</c>, or null when the module has none for it: the images hold their IL as
        /// well, but their native code is only ever used by the runtime they were compiled against.
        /// </summary>
        internal static string? ReadyToRunDirectory(string moduleDirectory)
        {
            var os = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                : null;
            if (os is null) return null;
            var platform = "net" + Environment.Version.Major + ".0-" + os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            var directory = Path.Combine(moduleDirectory, "ReadyToRun", platform);
            return Directory.Exists(directory) ? directory : null;
        }

        private sealed class ModuleLoadContext : AssemblyLoadContext
        {
            private readonly string _directory;
            private readonly string? _readyToRun;

            public ModuleLoadContext(string directory)
            {
                _directory = directory;
                _readyToRun = ReadyToRunDirectory(directory);
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                if (Array.IndexOf(DependencyLoader.Private, assemblyName.Name) < 0) return null;
                var file = assemblyName.Name + ".dll";
                var precompiled = _readyToRun is null ? null : Path.Combine(_readyToRun, file);
                if (precompiled != null && File.Exists(precompiled)) return LoadFromAssemblyPath(precompiled);
                var path = Path.Combine(_directory, file);
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }
    }
}
