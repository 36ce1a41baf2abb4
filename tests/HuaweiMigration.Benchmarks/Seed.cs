using System.Linq;
using System.Threading.Tasks;

namespace HuaweiMigration.Benchmarks
{
    /// <summary>Tasks in a given state, added through the simulator's control API (a few at a time).</summary>
    internal static class Seed
    {
        public static async Task<string[]> SmsTasksAsync(SimulatorProcess sim, int count, string prefix, string state)
        {
            var ids = new string[count];
            for (var i = 0; i < count; i += 20)
            {
                await Task.WhenAll(Enumerable.Range(i, System.Math.Min(20, count - i)).Select(async n => ids[n] = await sim.AddSmsTaskAsync($"{prefix}-{n:0000}", state)));
            }
            return ids;
        }

        public static async Task<string[]> DcsTasksAsync(SimulatorProcess sim, int count, string prefix, string status)
        {
            var ids = new string[count];
            for (var i = 0; i < count; i += 20)
            {
                await Task.WhenAll(Enumerable.Range(i, System.Math.Min(20, count - i)).Select(async n => ids[n] = await sim.AddDcsTaskAsync($"{prefix}-{n:0000}", status)));
            }
            return ids;
        }
    }
}
