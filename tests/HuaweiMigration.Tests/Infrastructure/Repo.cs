using System;
using System.IO;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>Paths in the repository, found from the test assembly's location.</summary>
    internal static class Repo
    {
        public static string Root { get; } = FindRoot();

        /// <summary>The assembled module, as a user imports it.</summary>
        public static string ModuleManifest => Path.Combine(Root, "out", "HuaweiMigration", "HuaweiMigration.psd1");

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HuaweiMigration.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("HuaweiMigration.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
