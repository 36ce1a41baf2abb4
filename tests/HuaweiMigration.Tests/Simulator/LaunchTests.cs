using System;
using System.Collections.Generic;
using System.Diagnostics;
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
    /// SMS launches (test, cutover, clone_test, migration_test, clear) as a client follows them: through the task's
    /// source server, in the task's list row and detail and in the source-server list and detail (API.md, "Launches";
    /// SPEC.md, "Launches you can follow"). "During" is seen with a launch delay of an hour and "after" with none, so no
    /// assertion depends on how fast the machine is. Raw HTTP only, as a user's own test would call the simulator.
    /// </summary>
    public sealed class LaunchTests : IAsyncLifetime
    {
        private SimulatorHost _host = null!;
        private HttpClient _http = null!;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 0, DcsTaskCount = 0 });
            _http = new HttpClient { BaseAddress = _host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            var login = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName +
                        "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName + "\"}}}}}}";
            using var answer = await _http.PostAsync("v3/auth/tokens", new StringContent(login, Encoding.UTF8, "application/json"));
            _http.DefaultRequestHeaders.Add("X-Auth-Token", answer.Headers.GetValues("X-Subject-Token").Single());
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _host.DisposeAsync();
        }

        /// <summary>
        /// From a SYNCING task (source server syncing / syncing, so every launch value differs from the task's): the
        /// operation, then source state and migration_cycle during the launch, at a success end, at a failure end.
        /// </summary>
        public static TheoryData<string, string, string, string, string, string, string> Launches() => new()
        {
            { "test", "syncing", "testing", "syncing", "tested", "error", "testing" },
            { "cutover", "cutovering", "cutovering", "finished", "cutovered", "error", "cutovering" },
            { "clone_test", "cloning", "syncing", "syncing", "syncing", "error", "syncing" },
            { "migration_test", "premigready", "syncing", "premiged", "syncing", "premigfailed", "syncing" },
            { "clear", "clearing", "syncing", "cleared", "syncing", "clearfailed", "syncing" },
        };

        [Theory]
        [MemberData(nameof(Launches))]
        public async Task While_a_launch_runs_every_view_of_the_source_server_tells_of_it(
            string operation, string state, string cycle, string okState, string okCycle, string failState, string failCycle)
        {
            _ = (okState, okCycle, failState, failCycle);
            await SetTimingsAsync("{\"launchDelay\":\"01:00:00\"}");
            foreach (var fails in new[] { false, true })
            {
                var id = await AddTaskAsync("SYNCING", fails ? operation : null);

                await ActAsync(id, operation);

                await AssertSourceAsync(id, state, cycle);
                // The launch is the source server's: the task's own state is unchanged.
                Assert.Equal("SYNCING", (string?)(await ShowAsync(id))["state"]);
                if (operation != "clear")
                {
                    var sub = (await ShowAsync(id))["sub_tasks"]!.Last!;
                    Assert.Equal(operation, (string?)sub["user_op"]);
                    Assert.Equal(0, (int)sub["progress"]!);
                    Assert.Equal(JTokenType.Null, sub["end_date"]!.Type);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Launches))]
        public async Task A_launch_that_succeeds_ends_in_its_success_state(
            string operation, string state, string cycle, string okState, string okCycle, string failState, string failCycle)
        {
            _ = (state, cycle, failState, failCycle);
            await SetTimingsAsync("{\"launchDelay\":0}");
            var id = await AddTaskAsync("SYNCING");

            await ActAsync(id, operation);

            await AssertSourceAsync(id, okState, okCycle);
            Assert.Equal("SYNCING", (string?)(await ShowAsync(id))["state"]);
            if (operation != "clear")
            {
                var sub = (await ShowAsync(id))["sub_tasks"]!.Last!;
                Assert.Equal(operation, (string?)sub["user_op"]);
                Assert.Equal(100, (int)sub["progress"]!);
                Assert.Equal(JTokenType.Integer, sub["end_date"]!.Type);
            }
        }

        [Theory]
        [MemberData(nameof(Launches))]
        public async Task A_launch_set_to_fail_ends_in_its_failure_state(
            string operation, string state, string cycle, string okState, string okCycle, string failState, string failCycle)
        {
            _ = (state, cycle, okState, okCycle);
            await SetTimingsAsync("{\"launchDelay\":0}");
            var id = await AddTaskAsync("SYNCING");
            var armed = JObject.Parse(await SendAsync(HttpMethod.Post, "_sim/sms/tasks/" + id + "/launch-failure", "{\"operations\":[\"" + operation + "\"]}"));
            Assert.Equal(new[] { operation }, armed["operations"]!.Select(o => (string)o!));

            await ActAsync(id, operation);

            await AssertSourceAsync(id, failState, failCycle);
            Assert.Equal("SYNCING", (string?)(await ShowAsync(id))["state"]);
            if (operation != "clear")
            {
                var sub = (await ShowAsync(id))["sub_tasks"]!.Last!;
                Assert.Equal(0, (int)sub["progress"]!);
                Assert.Equal(JTokenType.Integer, sub["end_date"]!.Type);
            }
        }

        [Fact]
        public async Task A_launch_is_seen_running_then_ended_as_its_delay_passes()
        {
            await SetTimingsAsync("{\"launchDelay\":0.5}");
            var id = await AddTaskAsync("SYNCING");
            await ActAsync(id, "cutover");

            // Polled until it ends (the test's own deadline is generous): nothing but running, then ended. A machine
            // slow enough may first look after the end; what "during" shows is the hour-long launches' business.
            var seen = new List<string>();
            var clock = Stopwatch.StartNew();
            string last;
            do
            {
                var source = (await ShowAsync(id))["source_server"]!;
                last = source["state"] + "/" + source["migration_cycle"];
                if (seen.Count == 0 || seen[^1] != last) seen.Add(last);
                if (last != "finished/cutovered") await Task.Delay(20);
            }
            while (last != "finished/cutovered" && clock.Elapsed < TimeSpan.FromSeconds(30));

            var expected = new[] { "cutovering/cutovering", "finished/cutovered" };
            Assert.Equal(expected.Skip(expected.Length - seen.Count), seen);
        }

        [Fact]
        public async Task The_clone_server_appears_only_at_the_end_of_a_clone_test_that_succeeds()
        {
            await SetTimingsAsync("{\"launchDelay\":\"01:00:00\"}");
            var id = await AddTaskAsync("SYNC_SUCCESS");

            await ActAsync(id, "clone_test");
            Assert.Equal(JTokenType.Null, (await ShowAsync(id))["clone_server"]!.Type);
            Assert.Equal(JTokenType.Null, (await RowAsync(id))["clone_server"]!.Type);
            Assert.Equal("cloning", (string?)(await RowAsync(id))["source_server"]!["state"]);

            await SetTimingsAsync("{\"launchDelay\":0}");
            await ActAsync(id, "clone_test");

            // The row's clone server is the brief one (vm_id, name); the detail's is the whole one.
            var row = (JObject)(await RowAsync(id))["clone_server"]!;
            Assert.Equal(new[] { "name", "vm_id" }, row.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            var shown = (JObject)(await ShowAsync(id))["clone_server"]!;
            Assert.Equal(new[] { "clone_error", "clone_state", "error_msg", "name", "vm_id" }, shown.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal((string?)row["vm_id"], (string?)shown["vm_id"]);
            Assert.Equal("finished", (string?)(await ShowAsync(id))["source_server"]!["state"]);
        }

        [Fact]
        public async Task A_clone_test_removes_a_clone_server_the_task_had_and_one_that_fails_leaves_none()
        {
            await SetTimingsAsync("{\"launchDelay\":\"01:00:00\"}");
            // Some added tasks come with a clone server from an earlier clone (one in eight, from the seeded random).
            string? id = null;
            for (var i = 0; i < 64 && id is null; i++)
            {
                var candidate = await AddTaskAsync("MIGRATE_SUCCESS", "clone_test");
                if ((await ShowAsync(candidate))["clone_server"]!.Type == JTokenType.Object) id = candidate;
            }
            Assert.NotNull(id);

            await ActAsync(id!, "clone_test");
            Assert.Equal(JTokenType.Null, (await ShowAsync(id!))["clone_server"]!.Type);
            Assert.Equal(JTokenType.Null, (await RowAsync(id!))["clone_server"]!.Type);

            await SetTimingsAsync("{\"launchDelay\":0}");
            await ActAsync(id!, "clone_test");
            await AssertSourceAsync(id!, "error", "cutovered");
            Assert.Equal(JTokenType.Null, (await ShowAsync(id!))["clone_server"]!.Type);
        }

        [Fact]
        public async Task List_rows_never_carry_migration_cycle_where_the_detail_and_the_source_list_do()
        {
            // Tasks in every seeded state, with launches running, ended and failed.
            var ids = new List<string>();
            await SetTimingsAsync("{\"launchDelay\":\"01:00:00\"}");
            foreach (var operation in SmsLaunchOperations) ids.Add(await LaunchedAsync("SYNCING", operation, fails: false));
            await SetTimingsAsync("{\"launchDelay\":0}");
            foreach (var operation in SmsLaunchOperations)
            {
                ids.Add(await LaunchedAsync("SYNC_SUCCESS", operation, fails: false));
                ids.Add(await LaunchedAsync("MIGRATE_SUCCESS", operation, fails: true));
            }
            foreach (var state in new[] { "READY", "RUNNING", "SYNCING", "ABORT", "MIGRATE_SUCCESS", "MIGRATE_FAIL" }) ids.Add(await AddTaskAsync(state));

            var rows = (JArray)JObject.Parse(await _http.GetStringAsync("v3/tasks?limit=200"))["tasks"]!;
            Assert.Equal(ids.Count, rows.Count);
            foreach (var row in rows)
            {
                var source = (JObject)row["source_server"]!;
                Assert.Equal(new[] { "id", "ip", "name", "oem_system", "os_type", "os_version", "state" }, source.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
                Assert.NotNull((string?)(await ShowAsync((string)row["id"]!))["source_server"]!["migration_cycle"]);
            }
            var sources = (JArray)JObject.Parse(await _http.GetStringAsync("v3/sources?limit=200"))["source_servers"]!;
            Assert.Equal(ids.Count, sources.Count);
            Assert.All(sources, s => Assert.NotNull((string?)s["migration_cycle"]));
        }

        [Fact]
        public async Task An_ended_launch_stays_until_the_task_changes_state_or_another_launch_replaces_it()
        {
            await SetTimingsAsync("{\"launchDelay\":0,\"stopToAbort\":0}");
            var id = await AddTaskAsync("SYNCING");
            await ActAsync(id, "migration_test");
            await AssertSourceAsync(id, "premiged", "syncing");

            // An action that neither launches nor changes the task's state leaves it.
            await ActAsync(id, "network_check");
            await ActAsync(id, "skip");
            await AssertSourceAsync(id, "premiged", "syncing");

            // Another launch replaces it.
            await ActAsync(id, "test");
            await AssertSourceAsync(id, "syncing", "tested");

            // A change of the task's state: the source server shows what the new state implies.
            await ActAsync(id, "stop");
            await AssertSourceAsync(id, "stopped", "replicating");
            Assert.Equal("ABORT", (string?)(await ShowAsync(id))["state"]);
        }

        [Fact]
        public async Task A_launch_cut_short_by_a_state_change_never_ends_and_makes_no_clone_server()
        {
            await SetTimingsAsync("{\"launchDelay\":\"01:00:00\",\"stopToAbort\":\"01:00:00\"}");
            var id = await AddTaskAsync("SYNCING");
            await ActAsync(id, "clone_test");
            await AssertSourceAsync(id, "cloning", "syncing");

            await ActAsync(id, "stop");

            await AssertSourceAsync(id, "stopping", "replicating");
            var sub = (await ShowAsync(id))["sub_tasks"]!.Last!;
            Assert.Equal(0, (int)sub["progress"]!);
            Assert.Equal(JTokenType.Integer, sub["end_date"]!.Type);
            Assert.Equal(JTokenType.Null, (await ShowAsync(id))["clone_server"]!.Type);
        }

        [Theory]
        [InlineData("test", "RUNNING")]
        [InlineData("cutover", "READY")]
        [InlineData("clone_test", "ABORT")]
        [InlineData("migration_test", "MIGRATE_FAIL")]
        public async Task A_launch_before_a_full_replication_is_refused_and_changes_nothing(string operation, string state)
        {
            var id = await AddTaskAsync(state);
            var before = (await ShowAsync(id))["source_server"]!.ToString();

            using var answer = await PostAsync("v3/tasks/" + id + "/action", Operation(operation));

            Assert.Equal(400, (int)answer.StatusCode);
            Assert.Equal("SMS.1040", (string?)JObject.Parse(await answer.Content.ReadAsStringAsync())["error_code"]);
            Assert.Equal(before, (await ShowAsync(id))["source_server"]!.ToString());
        }

        [Fact]
        public async Task Clear_is_accepted_in_any_state_and_drops_the_snapshot_at_once()
        {
            await SetTimingsAsync("{\"launchDelay\":\"01:00:00\"}");
            var id = await AddTaskAsync("RUNNING");
            Assert.Equal(JTokenType.String, (await ShowAsync(id))["target_snapshot_id"]!.Type);

            await ActAsync(id, "clear");

            Assert.Equal(JTokenType.Null, (await ShowAsync(id))["target_snapshot_id"]!.Type);
            await AssertSourceAsync(id, "clearing", "replicating");
        }

        [Fact]
        public async Task The_source_list_filters_on_the_launch_state_and_migration_cycle()
        {
            await SetTimingsAsync("{\"launchDelay\":\"01:00:00\"}");
            var testing = await AddTaskAsync("SYNCING");
            var cutting = await AddTaskAsync("SYNCING");
            await AddTaskAsync("SYNCING");
            await ActAsync(testing, "test");
            await ActAsync(cutting, "cutover");

            Assert.Equal(new[] { await SourceIdAsync(testing) }, await SourceIdsAsync("v3/sources?migration_cycle=testing"));
            Assert.Equal(new[] { await SourceIdAsync(cutting) }, await SourceIdsAsync("v3/sources?state=cutovering"));
            Assert.Equal(2, (await SourceIdsAsync("v3/sources?state=syncing")).Length);
        }

        [Fact]
        public async Task Launch_failures_are_set_per_task_for_named_operations_or_all_and_cleared()
        {
            await SetTimingsAsync("{\"launchDelay\":0}");
            var id = await AddTaskAsync("SYNCING");
            var other = await AddTaskAsync("SYNCING");

            Assert.Empty(await ArmedAsync(id));
            await SendAsync(HttpMethod.Post, "_sim/sms/tasks/" + id + "/launch-failure", "{\"operations\":[\"clear\",\"cutover\",\"cutover\"]}");
            Assert.Equal(new[] { "cutover", "clear" }, await ArmedAsync(id));
            await ActAsync(id, "test");
            await AssertSourceAsync(id, "syncing", "tested");
            await ActAsync(id, "cutover");
            await AssertSourceAsync(id, "error", "cutovering");
            await ActAsync(other, "cutover");
            await AssertSourceAsync(other, "finished", "cutovered");

            await SendAsync(HttpMethod.Post, "_sim/sms/tasks/" + id + "/launch-failure", "{\"operations\":[\"*\"]}");
            Assert.Equal(new[] { "*" }, await ArmedAsync(id));
            await ActAsync(id, "test");
            await AssertSourceAsync(id, "error", "testing");

            await SendAsync(HttpMethod.Post, "_sim/sms/tasks/" + id + "/launch-failure", "{\"operations\":[]}");
            Assert.Empty(await ArmedAsync(id));
            await ActAsync(id, "migration_test");
            await AssertSourceAsync(id, "premiged", "syncing");

            await SendAsync(HttpMethod.Post, "_sim/sms/tasks/" + id + "/launch-failure", "{\"operations\":[\"migration_test\"]}");
            var cleared = JObject.Parse(await SendAsync(HttpMethod.Delete, "_sim/sms/tasks/" + id + "/launch-failure", null));
            Assert.Empty(cleared["operations"]!);
            Assert.Empty(await ArmedAsync(id));
            await ActAsync(id, "migration_test");
            await AssertSourceAsync(id, "premiged", "syncing");
        }

        [Fact]
        public async Task A_launch_keeps_the_end_it_was_given_when_it_was_accepted()
        {
            await SetTimingsAsync("{\"launchDelay\":0.3}");
            var armedThenCleared = await AddTaskAsync("SYNCING", "clear");
            var clearedThenArmed = await AddTaskAsync("SYNCING");
            await ActAsync(armedThenCleared, "clear");
            await ActAsync(clearedThenArmed, "clear");
            await SendAsync(HttpMethod.Delete, "_sim/sms/tasks/" + armedThenCleared + "/launch-failure", null);
            await SendAsync(HttpMethod.Post, "_sim/sms/tasks/" + clearedThenArmed + "/launch-failure", "{\"operations\":[\"clear\"]}");

            await WaitWhileSourceIsAsync(armedThenCleared, "clearing");
            await WaitWhileSourceIsAsync(clearedThenArmed, "clearing");

            await AssertSourceAsync(armedThenCleared, "clearfailed", "syncing");
            await AssertSourceAsync(clearedThenArmed, "cleared", "syncing");
        }

        [Fact]
        public async Task A_task_added_with_failLaunches_fails_those_launches()
        {
            await SetTimingsAsync("{\"launchDelay\":0}");
            var added = JObject.Parse(await SendAsync(HttpMethod.Post, "_sim/sms/tasks", "{\"state\":\"SYNCING\",\"failLaunches\":[\"cutover\",\"migration_test\"]}"));
            var id = (string)added["id"]!;

            Assert.Equal(new[] { "cutover", "migration_test" }, await ArmedAsync(id));
            await ActAsync(id, "migration_test");
            await AssertSourceAsync(id, "premigfailed", "syncing");
            await ActAsync(id, "clear");
            await AssertSourceAsync(id, "cleared", "syncing");
        }

        [Theory]
        [InlineData("{\"operations\":[\"cutover\",\"launch\"]}", "launch")]
        [InlineData("{\"operations\":[\"Cutover\"]}", "Cutover")]
        [InlineData("{\"operations\":[\"start\"]}", "start")]
        [InlineData("{\"operations\":\"cutover\"}", "operations")]
        [InlineData("{\"operations\":[1]}", "operations")]
        [InlineData("{\"operations\":[null]}", "operations")]
        [InlineData("{\"operations\":null}", "operations")]
        [InlineData("{}", "operations")]
        [InlineData("{\"operations\":[],\"operation\":[\"clear\"]}", "'operation'")]
        [InlineData("[\"cutover\"]", "JSON object")]
        public async Task A_launch_failure_that_makes_no_sense_is_refused_with_a_400_and_changes_nothing(string body, string named)
        {
            var id = await AddTaskAsync("SYNCING");
            await SendAsync(HttpMethod.Post, "_sim/sms/tasks/" + id + "/launch-failure", "{\"operations\":[\"test\"]}");

            using var answer = await PostAsync("_sim/sms/tasks/" + id + "/launch-failure", body);

            var json = JObject.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(400, (int)answer.StatusCode);
            Assert.Equal("SIM.0400", (string?)json["error_code"]);
            Assert.Contains(named, (string)json["error_msg"]!, StringComparison.Ordinal);
            Assert.Equal(new[] { "test" }, await ArmedAsync(id));
        }

        [Theory]
        [InlineData("POST", "{\"operations\":[\"clear\"]}")]
        [InlineData("GET", null)]
        [InlineData("DELETE", null)]
        public async Task Launch_failures_of_a_task_that_does_not_exist_answer_404(string method, string? body)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), "_sim/sms/tasks/no-such-task/launch-failure");
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

            using var answer = await _http.SendAsync(request);

            Assert.Equal(404, (int)answer.StatusCode);
            Assert.Equal("SIM.0404", (string?)JObject.Parse(await answer.Content.ReadAsStringAsync())["error_code"]);
        }

        [Theory]
        [InlineData("{\"failLaunches\":[\"cutover\",\"explode\"]}", "explode")]
        [InlineData("{\"failLaunches\":\"cutover\"}", "failLaunches")]
        [InlineData("{\"failLaunches\":[true]}", "failLaunches")]
        public async Task A_task_with_failLaunches_that_make_no_sense_is_refused_and_not_added(string body, string named)
        {
            using var answer = await PostAsync("_sim/sms/tasks", body);

            var json = JObject.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(400, (int)answer.StatusCode);
            Assert.Equal("SIM.0400", (string?)json["error_code"]);
            Assert.Contains(named, (string)json["error_msg"]!, StringComparison.Ordinal);
            Assert.Equal(0, (int)JObject.Parse(await _http.GetStringAsync("v3/tasks"))["count"]!);
        }

        [Fact]
        public async Task The_launch_delay_is_a_timing_of_300_ms_by_default_set_in_seconds_or_as_a_time()
        {
            Assert.Equal("00:00:00.3000000", (string?)JObject.Parse(await _http.GetStringAsync("_sim/timings"))["launchDelay"]);

            Assert.Equal("00:00:01.5000000", (string?)JObject.Parse(await SetTimingsAsync("{\"launchDelay\":1.5}"))["launchDelay"]);
            Assert.Equal("01:00:00", (string?)JObject.Parse(await SetTimingsAsync("{\"launchDelay\":\"01:00:00\"}"))["launchDelay"]);
            Assert.Equal("01:00:00", (string?)JObject.Parse(await _http.GetStringAsync("_sim/timings"))["launchDelay"]);
            Assert.Equal(TimeSpan.FromHours(1), _host.State.Timings.LaunchDelay);
        }

        [Theory]
        [InlineData("{\"launchDelay\":-1}")]
        [InlineData("{\"launchDelay\":\"-00:00:01\"}")]
        [InlineData("{\"launchDelay\":\"1.00:00:01\"}")]
        [InlineData("{\"launchDelay\":\"soon\"}")]
        [InlineData("{\"launchDelay\":[1]}")]
        [InlineData("{\"stopToAbort\":0.1,\"launchDelay\":-0.5}")]
        public async Task A_launch_delay_that_makes_no_sense_is_refused_with_a_400_and_changes_nothing(string timings)
        {
            var before = await _http.GetStringAsync("_sim/timings");

            using var answer = await _http.PutAsync("_sim/timings", new StringContent(timings, Encoding.UTF8, "application/json"));

            var json = JObject.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(400, (int)answer.StatusCode);
            Assert.Equal("SIM.0400", (string?)json["error_code"]);
            Assert.Equal(before, await _http.GetStringAsync("_sim/timings"));
        }

        private static readonly string[] SmsLaunchOperations = { "test", "cutover", "clone_test", "migration_test", "clear" };

        private async Task<string> LaunchedAsync(string state, string operation, bool fails)
        {
            var id = await AddTaskAsync(state, fails ? operation : null);
            await ActAsync(id, operation);
            return id;
        }

        /// <summary>Polls the task's detail until its source server leaves <paramref name="state"/> (a generous deadline, never a fixed wait).</summary>
        private async Task WaitWhileSourceIsAsync(string id, string state)
        {
            var clock = Stopwatch.StartNew();
            while ((string?)(await ShowAsync(id))["source_server"]!["state"] == state)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the source server of " + id + " is still " + state);
                await Task.Delay(20);
            }
        }

        /// <summary>The source server's state in all four views, and its migration_cycle in the three that carry one.</summary>
        private async Task AssertSourceAsync(string id, string state, string cycle)
        {
            var row = await RowAsync(id);
            Assert.Equal(state, (string?)row["source_server"]!["state"]);
            Assert.Null(row["source_server"]!["migration_cycle"]); // ListTasks' SourceServerAssociatedWithTask has none

            var shown = (await ShowAsync(id))["source_server"]!;
            Assert.Equal(state, (string?)shown["state"]);
            Assert.Equal(cycle, (string?)shown["migration_cycle"]);

            var sourceId = (string)shown["id"]!;
            var listed = JObject.Parse(await _http.GetStringAsync("v3/sources?id=" + sourceId))["source_servers"]!.Single();
            Assert.Equal(state, (string?)listed["state"]);
            Assert.Equal(cycle, (string?)listed["migration_cycle"]);

            var source = JObject.Parse(await _http.GetStringAsync("v3/sources/" + sourceId));
            Assert.Equal(state, (string?)source["state"]);
            Assert.Equal(cycle, (string?)source["migration_cycle"]);
        }

        private async Task<string> AddTaskAsync(string state, string? failLaunch = null)
        {
            var body = new JObject { ["state"] = state };
            if (failLaunch is not null) body["failLaunches"] = new JArray(failLaunch);
            return (string)JObject.Parse(await SendAsync(HttpMethod.Post, "_sim/sms/tasks", body.ToString()))["id"]!;
        }

        private async Task ActAsync(string id, string operation) => await SendAsync(HttpMethod.Post, "v3/tasks/" + id + "/action", Operation(operation));

        private static string Operation(string operation) =>
            operation == "clone_test" ? "{\"operation\":\"clone_test\",\"template_id\":\"tpl-0001\"}" : "{\"operation\":\"" + operation + "\"}";

        private async Task<JObject> ShowAsync(string id) => JObject.Parse(await _http.GetStringAsync("v3/tasks/" + id));

        private async Task<JToken> RowAsync(string id) => JObject.Parse(await _http.GetStringAsync("v3/tasks?id=" + id))["tasks"]!.Single();

        private async Task<string> SourceIdAsync(string id) => (string)(await ShowAsync(id))["source_server"]!["id"]!;

        private async Task<string[]> SourceIdsAsync(string path) =>
            JObject.Parse(await _http.GetStringAsync(path))["source_servers"]!.Select(s => (string)s["id"]!).ToArray();

        private async Task<string[]> ArmedAsync(string id) =>
            JObject.Parse(await _http.GetStringAsync("_sim/sms/tasks/" + id + "/launch-failure"))["operations"]!.Select(o => (string)o!).ToArray();

        private Task<string> SetTimingsAsync(string json) => SendAsync(HttpMethod.Put, "_sim/timings", json);

        private Task<HttpResponseMessage> PostAsync(string path, string json) => _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        private async Task<string> SendAsync(HttpMethod method, string path, string? json)
        {
            using var request = new HttpRequestMessage(method, path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            using var answer = await _http.SendAsync(request);
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.IsSuccessStatusCode, method + " " + path + ": " + text);
            return text;
        }
    }
}
