using Xunit;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>
    /// Tests that assert how quickly something happens (Ctrl+C within 200 ms) run alone, after the parallel ones:
    /// on a two-core machine, a neighbour listing 1,000 tasks would otherwise measure the machine, not the module.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class TimingCollection
    {
        public const string Name = "Timing-sensitive tests, run alone";
    }
}
