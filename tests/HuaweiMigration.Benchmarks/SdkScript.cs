using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;

namespace HuaweiMigration.Benchmarks
{
    /// <summary>
    /// A stand-in for the best script a user would write with Huawei's own SDK (Python, a pool of 10 threads): the
    /// same requests such a script sends, in the same order and concurrency, over raw <see cref="HttpClient"/> with
    /// the token (<see cref="RawSms"/>). Every answer is parsed (as the SDK does) but only the fields the script reads
    /// are looked at. Polls sleep first, then read every task not yet settled, one GET each.
    /// </summary>
    internal static class SdkScript
    {
        public const int Workers = 10;
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(5);

        /// <summary>
        /// List the RUNNING tasks (pages of 200: the first, then the rest 10 at a time), stop each (10 workers), then
        /// every second GET each task not yet ABORT (10 workers) until all are. Returns the number of poll rounds.
        /// </summary>
        public static async Task<int> SuspendRunningAsync(RawSms http)
        {
            const int pageSize = 200;
            var first = await http.SendAsync(HttpMethod.Get, $"v3/tasks?state=RUNNING&limit={pageSize}&offset=0");
            var count = ReadLong(first, "count");
            var ids = new List<string>(ReadIds(first, "tasks", "id"));
            var offsets = Enumerable.Range(1, (int)Math.Max(0, (count + pageSize - 1) / pageSize - 1)).Select(p => p * pageSize).ToArray();
            var pages = new string[offsets.Length];
            await ForEachAsync(Enumerable.Range(0, offsets.Length), async i => pages[i] = await http.SendAsync(HttpMethod.Get, $"v3/tasks?state=RUNNING&limit={pageSize}&offset={offsets[i]}"));
            foreach (var page in pages) ids.AddRange(ReadIds(page, "tasks", "id"));

            await ForEachAsync(ids, id => http.SendAsync(HttpMethod.Post, "v3/tasks/" + id + "/action", "{\"operation\":\"stop\"}"));
            return await PollAsync(http, ids, id => "v3/tasks/" + id, "state", "ABORT");
        }

        /// <summary>
        /// List the DCS tasks (one page of up to 1,000), batch-stop them 50 ids a call (the calls at once), then every
        /// second GET each task not yet TERMINATED (10 workers) until all are. Returns the number of poll rounds.
        /// </summary>
        public static async Task<int> StopDcsAsync(RawSms http)
        {
            var project = "v2/" + SimulatorCredentials.ProjectIdFor(SimulatorCredentials.DefaultRegion);
            var list = await http.SendAsync(HttpMethod.Get, project + "/migration-tasks?offset=0&limit=1000");
            var ids = ReadIds(list, "migration_tasks", "task_id").ToList();

            var answers = await Task.WhenAll(ids.Chunk(50).Select(batch =>
                http.SendAsync(HttpMethod.Post, project + "/migration-task/batch-stop", JsonSerializer.Serialize(new { migration_tasks = batch }))));
            foreach (var answer in answers)
            {
                using var doc = JsonDocument.Parse(answer);
                foreach (var row in doc.RootElement.GetProperty("migration_tasks").EnumerateArray())
                {
                    if (row.GetProperty("result").GetString() != "success") throw new InvalidOperationException("batch stop failed: " + row);
                }
            }
            return await PollAsync(http, ids, id => project + "/migration-task/" + id, "status", "TERMINATED");
        }

        private static async Task<int> PollAsync(RawSms http, IReadOnlyList<string> ids, Func<string, string> path, string field, string target)
        {
            var pending = ids.ToList();
            var deadline = DateTime.UtcNow + GiveUp;
            var rounds = 0;
            while (pending.Count > 0)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{pending.Count} tasks not {target} after {GiveUp.TotalSeconds} s");
                await Task.Delay(Interval);
                rounds++;
                var settled = new bool[pending.Count];
                await ForEachAsync(Enumerable.Range(0, pending.Count), async i =>
                {
                    using var doc = JsonDocument.Parse(await http.SendAsync(HttpMethod.Get, path(pending[i])));
                    settled[i] = doc.RootElement.GetProperty(field).GetString() == target;
                });
                pending = pending.Where((_, i) => !settled[i]).ToList();
            }
            return rounds;
        }

        /// <summary>A pool of <see cref="Workers"/> workers over <paramref name="items"/> (ThreadPoolExecutor.map).</summary>
        private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> body) =>
            Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (item, _) => await body(item));

        private static long ReadLong(string json, string name)
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty(name).GetInt64();
        }

        private static IEnumerable<string> ReadIds(string json, string array, string id)
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty(array).EnumerateArray().Select(t => t.GetProperty(id).GetString()!).ToList();
        }
    }
}
