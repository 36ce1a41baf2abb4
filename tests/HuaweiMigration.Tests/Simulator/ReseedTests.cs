using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// POST /_sim/seed resets every kind of object of the services it names, so a test that reseeds starts from exactly
    /// what it asked for: the same SMS tasks, source servers, speed limits and DCS tasks as a simulator freshly started
    /// with that seed, whatever was added, changed or deleted before. Raw HTTP only.
    /// </summary>
    public sealed class ReseedTests
    {
        private static readonly string Project = SimulatorCredentials.ProjectIdFor(SimulatorCredentials.DefaultRegion);

        [Fact]
        public async Task A_reseed_leaves_exactly_what_a_fresh_simulator_with_that_seed_has()
        {
            await using var fresh = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 6, DcsTaskCount = 4 });
            await using var used = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 2, DcsTaskCount = 1 });
            using var freshHttp = await ConnectAsync(fresh);
            using var http = await ConnectAsync(used);

            // Every kind of object a test can add or change.
            var ids = (await ListAsync(http, "v3/tasks?limit=200", "tasks")).Select(t => (string)t["id"]!).ToList();
            await SendAsync(http, HttpMethod.Post, "_sim/sms/sources", "{\"count\":3}");
            await SendAsync(http, HttpMethod.Post, "_sim/sms/sources", "{\"name\":\"idle-one\",\"connected\":false}");
            await SendAsync(http, HttpMethod.Post, "_sim/sms/tasks", "{\"name\":\"extra\",\"state\":\"RUNNING\"}");
            await SendAsync(http, HttpMethod.Post, "v3/tasks/" + ids[0] + "/speed-limit", "{\"speed_limit\":[{\"start\":\"00:00\",\"end\":\"08:00\",\"speed\":50}]}");
            await SendAsync(http, HttpMethod.Post, "v3/tasks/" + ids[0] + "/action", "{\"operation\":\"start\"}");
            await SendAsync(http, HttpMethod.Post, "v3/tasks/" + ids[1] + "/action", "{\"operation\":\"stop\"}");
            await SendAsync(http, HttpMethod.Post, "_sim/dcs/tasks", "{\"name\":\"extra-dcs\",\"status\":\"INCRMIGEATING\"}");
            var dcs = (await ListAsync(http, "v2/" + Project + "/migration-tasks?limit=100", "migration_tasks")).Select(t => (string)t["task_id"]!).ToList();
            await SendAsync(http, HttpMethod.Post, "v2/" + Project + "/migration-task/" + dcs[0] + "/stop", null);
            Assert.Equal(2 + 1 + 4, (await ListAsync(http, "v3/sources?limit=200", "source_servers")).Count);

            var seeded = JObject.Parse(await SendAsync(http, HttpMethod.Post, "_sim/seed", "{\"smsTasks\":6,\"dcsTasks\":4}"));

            Assert.Equal(6, (int)seeded["smsTasks"]!);
            Assert.Equal(4, (int)seeded["dcsTasks"]!);
            Assert.Equal(await SnapshotAsync(freshHttp), await SnapshotAsync(http));
        }

        /// <summary>What each kind of object is (ids, names, states, rules), leaving out times that follow the clock.</summary>
        private static async Task<string> SnapshotAsync(HttpClient http)
        {
            var snapshot = new JObject();
            var tasks = await ListAsync(http, "v3/tasks?limit=200", "tasks");
            snapshot["tasks"] = new JArray(tasks.Select(t => new JObject { ["id"] = t["id"], ["name"] = t["name"], ["state"] = t["state"], ["speed_limit"] = t["speed_limit"] }));
            var limits = new JObject();
            foreach (var t in tasks) limits[(string)t["id"]!] = JObject.Parse(await http.GetStringAsync("v3/tasks/" + t["id"] + "/speed-limit"));
            snapshot["speed_limits"] = limits;
            snapshot["sources"] = new JArray((await ListAsync(http, "v3/sources?limit=200", "source_servers"))
                .Select(s => new JObject { ["id"] = s["id"], ["name"] = s["name"], ["ip"] = s["ip"], ["state"] = s["state"], ["connected"] = s["connected"] }));
            snapshot["dcs"] = new JArray((await ListAsync(http, "v2/" + Project + "/migration-tasks?limit=100", "migration_tasks"))
                .Select(t => new JObject { ["task_id"] = t["task_id"], ["task_name"] = t["task_name"], ["status"] = t["status"] }));
            return snapshot.ToString();
        }

        private static async Task<JArray> ListAsync(HttpClient http, string path, string field)
        {
            var page = JObject.Parse(await http.GetStringAsync(path));
            var items = (JArray)page[field]!;
            Assert.Equal((int)page["count"]!, items.Count);
            return items;
        }

        private static async Task<string> SendAsync(HttpClient http, HttpMethod method, string path, string? json)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            using var answer = await http.SendAsync(request);
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.IsSuccessStatusCode, method + " " + path + ": " + text);
            return text;
        }

        private static async Task<HttpClient> ConnectAsync(SimulatorHost host)
        {
            var http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            var login = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName +
                        "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName +
                        "\"}}}},\"scope\":{\"project\":{\"name\":\"" + SimulatorCredentials.DefaultRegion + "\"}}}}";
            using var answer = await http.PostAsync("v3/auth/tokens", new StringContent(login, Encoding.UTF8, "application/json"));
            http.DefaultRequestHeaders.Add("X-Auth-Token", answer.Headers.GetValues("X-Subject-Token").Single());
            return http;
        }
    }
}
