using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// A client that sends huge headers and query strings cannot make the simulator's request log grow with them:
    /// measured on the real executable in its own process (its resident set), so no neighbour test's allocations count.
    /// </summary>
    public sealed class RequestLogMemoryTests
    {
        private const int Requests = 3000;
        private const int HeaderCount = 10;
        private const int HeaderLength = 3000; // 30 KB of headers a request, under Kestrel's 32 KB limit

        private readonly ITestOutputHelper _output;

        public RequestLogMemoryTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Three_thousand_requests_with_30_KB_headers_and_long_query_strings_grow_it_by_less_than_100_MB()
        {
            using var sim = await SimulatorProcess.StartAsync();
            using var http = new HttpClient { BaseAddress = sim.BaseUri, Timeout = TimeSpan.FromMinutes(2) };

            // The same requests first, so the process has reached its working size (JIT, Kestrel's pools, GC budgets).
            await SendAsync(http, 300);
            var before = sim.ResidentBytes;
            await SendAsync(http, Requests);
            var after = sim.ResidentBytes;

            var log = await http.GetStringAsync("_sim/requests");
            var entries = JArray.Parse(log).Count;
            _output.WriteLine($"resident {before / 1048576} MB before, {after / 1048576} MB after {Requests} requests (+{(after - before) / 1048576} MB); " +
                              $"the log of {entries} entries reads as {log.Length / 1024} KB ({log.Length / entries} chars an entry)");
            Assert.Equal(Requests + 300, entries);
            Assert.True(after - before < 100L * 1024 * 1024, $"the simulator grew by {(after - before) / 1048576} MB ({before / 1048576} → {after / 1048576} MB)");
            Assert.True(log.Length / entries < 2048, $"a log entry reads as {log.Length / entries} chars ({log.Length / 1048576} MB in all)");
        }

        /// <summary>Sends <paramref name="count"/> unauthenticated listings (each refused with 401, each logged) over four connections.</summary>
        private static Task SendAsync(HttpClient http, int count)
        {
            var query = new StringBuilder("v3/tasks?limit=1");
            for (var i = 0; query.Length < 6000; i++) query.Append("&q").Append(i).Append('=').Append('q', 290);
            var pad = new string('h', HeaderLength);
            return Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
            {
                for (var i = worker; i < count; i += 4)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, query.ToString());
                    for (var h = 0; h < HeaderCount; h++) request.Headers.TryAddWithoutValidation("X-Pad-" + h, pad);
                    using var answer = await http.SendAsync(request);
                    Assert.Equal(401, (int)answer.StatusCode);
                }
            }));
        }
    }
}
