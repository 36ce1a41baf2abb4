using Xunit;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>
    /// Tests that change what every thread of the test process sees (environment variables, the working directory)
    /// run alone, after the parallel ones, so no neighbour starts a simulator or a runspace under their settings.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ProcessWideSettingsCollection
    {
        public const string Name = "Tests that change process-wide settings, run alone";
    }
}
