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
    /// into the module's own AssemblyLoadContext from the module folder, so another module (or PowerShell itself)
    /// having loaded other versions first changes nothing. The output types (HuaweiMigration.Models) stay in the
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

        private sealed class ModuleLoadContext : AssemblyLoadContext
        {
            private readonly string _directory;

            public ModuleLoadContext(string directory) => _directory = directory;

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                if (Array.IndexOf(DependencyLoader.Private, assemblyName.Name) < 0) return null;
                var path = Path.Combine(_directory, assemblyName.Name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }
    }
}
