using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using static HuaweiMigration.Benchmarks.Harness;

namespace HuaweiMigration.Benchmarks.Cases
{
    /// <summary>2. <c>Get-SmsTask -Id</c> one call after another, against raw <see cref="HttpClient"/> GETs of the same URLs.</summary>
    internal static class PerCallCase
    {
        // HuaweiCloudApiCmdlet.ReadAhead: the module is imported, never referenced.
        private const int HuaweiMigrationReadAhead = 8;

        public static async Task RunAsync()
        {
            var calls = Quick ? 300 : 1000;
            await using var sim = await SimulatorProcess.StartAsync(smsTasks: 200, dcsTasks: 0);
            var list = Connected(sim.BaseUri);
            var ids = Harness.Run(list, "Get-SmsTask | ForEach-Object { $_.Id }").Select(o => o.ToString()).ToArray();
            list.Dispose();
            var targets = Enumerable.Range(0, calls).Select(i => ids[i % ids.Length]).ToArray();
            var token = await sim.TokenAsync();

            using var http = new HttpClient();
            async Task GetAsync(string pathAndQuery)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sim.BaseUri, pathAndQuery));
                request.Headers.Add("X-Auth-Token", token);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsStringAsync();
            }
            // The reference: one GET of the task after another.
            async Task<double> RawAsync(int n)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < n; i++) await GetAsync("v3/tasks/" + targets[i]);
                return clock.Elapsed.TotalMilliseconds;
            }
            // What Get-SmsTask -Id sends for each id: the task, and its list row (special_config and the fields only
            // the list has), both at once.
            async Task<double> RawSameAsync(int n)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < n; i++) await Task.WhenAll(GetAsync("v3/tasks/" + targets[i]), GetAsync("v3/tasks?id=" + targets[i] + "&limit=1&offset=0"));
                return clock.Elapsed.TotalMilliseconds;
            }

            using var rs = Connected(sim.BaseUri);
            rs.SessionStateProxy.SetVariable("targets", targets);
            double Piped(int n) => Time(() => Harness.Run(rs, "$targets[0..($args[0] - 1)] | Get-SmsTask | Out-Null", n));
            double Loop(int n) => Time(() => Harness.Run(rs, "foreach ($id in $targets[0..($args[0] - 1)]) { $null = Get-SmsTask -Id $id }", n));

            // Warm every path, then alternate so none gets a quieter machine.
            await RawAsync(100); await RawSameAsync(100); Piped(100); Loop(100);
            await sim.ClearRequestsAsync();
            Piped(100);
            var perId = (await sim.RequestsAsync()).Count / 100.0;
            var raw = new List<double>(); var same = new List<double>(); var piped = new List<double>(); var loop = new List<double>();
            for (var round = 0; round < (Quick ? 3 : 5); round++)
            {
                raw.Add(await RawAsync(calls));
                same.Add(await RawSameAsync(calls));
                piped.Add(Piped(calls));
                loop.Add(Loop(calls));
            }
            // What a detail read costs the API at scale: one GET a task, and the list-row fields from a few pages.
            await sim.ClearRequestsAsync();
            Piped(calls);
            var perIdAtScale = (await sim.RequestsAsync()).Count / (double)calls;
            Add("2 Per call", $"requests per task read, {calls} ids piped", perIdAtScale, 1, "one GET a task (Huawei's SDK)", perIdAtScale, "≤ 1.05", perIdAtScale <= 1.05,
                "a GET each; the fields only list rows carry from one filtered list call for each of the first 8 ids, then the list's pages once");
            var rawMs = raw.Min(); var sameMs = same.Min(); var pipedMs = piped.Min(); var loopMs = loop.Min();
            Add("2 Per call", $"{calls} × Get-SmsTask -Id, piped (ms)", pipedMs, rawMs, $"{calls} raw HttpClient GETs, one after another", pipedMs / rawMs, "≤ 1.3", pipedMs / rawMs <= 1.3,
                $"{pipedMs / calls * 1000:0} µs an id vs {rawMs / calls * 1000:0} µs a raw GET; {perId:0.#} requests an id, {HuaweiMigrationReadAhead} ids read at a time, written in order");
            Add("2 Per call", $"{calls} × Get-SmsTask -Id, one command each (ms)", loopMs, sameMs, "the same two GETs an id, raw, one id after another", loopMs / sameMs, "(report)", true,
                $"the whole cost of one call: {loopMs / calls * 1000:0} µs vs {sameMs / calls * 1000:0} µs raw; adds PowerShell invoking a command per call");
        }
    }
}
