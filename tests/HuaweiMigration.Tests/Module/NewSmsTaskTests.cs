using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Conformance;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>New-SmsTask over the simulator: the PostTask body, the refusals before POST /v3/tasks, project defaults, -Start -Wait.</summary>
    public class NewSmsTaskTests : LifecycleTestBase
    {
        private static readonly string[] PostTaskRequired = { "name", "type", "region_id", "region_name", "project_id", "project_name", "source_server", "target_server" };

        private RecordedRequest[] Posts => Sim.State.Requests.Where(r => r.Method == "POST" && r.Path == "/v3/tasks").ToArray();

        private string[] AddServers(int count, string prefix = "web", bool connected = true) =>
            Enumerable.Range(0, count).Select(i => Sim.State.Sms.AddSourceServer(prefix + "-" + i.ToString("00"), connected, dataDisksGb: new long[] { 100 })).ToArray();

        /// <summary>The body checked against the official SDK's PostTask: types, no unknown keys, the required keys.</summary>
        private static JObject CheckedPostTask(RecordedRequest post)
        {
            var body = JObject.Parse(post.Body!);
            var problems = SdkShapes.Instance.Validate(body, "PostTask", "POST /v3/tasks");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            foreach (var key in PostTaskRequired) Assert.True(body[key] != null && body[key]!.Type != JTokenType.Null, "PostTask needs " + key + ": " + body);
            Assert.NotNull(body["source_server"]!["id"]);
            Assert.NotNull(body["target_server"]!["vm_id"]);
            Assert.NotNull(body["target_server"]!["name"]);
            return body;
        }

        private JToken InitTargetServer(string sourceId) => JToken.Parse(Sim.State.Sms.ShowSource(sourceId)!.ToJsonString())["init_target_server"]!;

        [Fact]
        public void Forty_piped_servers_are_created_a_few_at_a_time_started_and_waited_for_together()
        {
            var ids = AddServers(40);
            // Each creation is held 1 s: with -ThrottleLimit 8 the ninth cannot go out before the first is answered.
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/tasks$", Kind = FaultKind.Latency, Delay = TimeSpan.FromSeconds(1), Count = 40 });

            var r = Ps.Run("Get-SmsSourceServer | New-SmsTask -TemplateId tpl-0001 -Start -Wait -ThrottleLimit 8");

            Assert.True(r.Errors.Count == 0, r.Describe());
            var tasks = r.Objects<SmsTask>().ToList();
            Assert.Equal(40, tasks.Select(t => t.Id).Distinct().Count());
            Assert.All(tasks, t => Assert.Contains(t.State, new[] { SmsTaskState.RUNNING, SmsTaskState.SYNCING, SmsTaskState.MIGRATE_SUCCESS }));
            Assert.Equal(Enumerable.Range(0, 40).Select(i => "web-" + i.ToString("00")).OrderBy(n => n), tasks.Select(t => t.Name).OrderBy(n => n));

            // One read of each source server, one creation and one start for each.
            Assert.All(ids, id => Assert.Single(Sim.State.Requests, q => q.Method == "GET" && q.Path == "/v3/sources/" + id));
            Assert.Equal(40, Posts.Length);
            Assert.Equal(40, Sim.State.Requests.Count(q => q.Method == "POST" && q.Path.EndsWith("/action", StringComparison.Ordinal)));
            // Waiting for 40 tasks polls the list, not each task.
            // (A bound loose enough for a busy machine, whose slower answers mean more polls; one by one would be 40 a poll.)
            Assert.True(Sim.State.Requests.Count(q => q.Method == "GET" && q.Path == "/v3/tasks") <= 30, "the wait read the tasks one by one");

            var sent = Posts.Select(p => p.Timestamp).OrderBy(t => t).ToArray();
            // Concurrent: one at a time, eight creations held 1 s each take 7 s to go out; the bound leaves a busy machine room.
            Assert.True(sent[7] - sent[0] < TimeSpan.FromSeconds(5), "the first eight creations were not sent concurrently: " + (sent[7] - sent[0]));
            Assert.True(sent[8] - sent[0] >= TimeSpan.FromSeconds(0.95), "a ninth creation went out while eight were in flight: " + (sent[8] - sent[0]));

            foreach (var post in Posts)
            {
                var body = CheckedPostTask(post);
                Assert.False((bool)body["exist_server"]!);
                Assert.Equal("tpl-0001", (string?)body["vm_template_id"]);
                var source = (string)body["source_server"]!["id"]!;
                Assert.True(JToken.DeepEquals(InitTargetServer(source)["disks"], body["target_server"]!["disks"]), "the target's disks are not the source's init_target_server disks: " + body["target_server"]);
                Assert.Equal(2, ((JArray)body["target_server"]!["disks"]!).Count);
                Assert.Equal("ap-southeast-1", (string?)body["region_id"]);
                Assert.Equal(SimulatorCredentials.ProjectIdFor("ap-southeast-1"), (string?)body["project_id"]);
            }
        }

        [Fact]
        public void Onto_an_existing_server_the_task_shows_what_was_given()
        {
            var id = AddServers(1).Single();
            var r = Ps.Run("New-SmsTask -SourceServerId $args[0] -TargetServerId 0a1b2c3d-1111-4222-8333-444455556666 -Name web-01.wave_1 -Priority High -SpeedLimit 200 -MigrationIp 10.1.2.3 -TargetServerName web-01-new -Type MIGRATE_FILE", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            var task = Assert.Single(r.Objects<SmsTask>());
            Assert.Equal("web-01.wave_1", task.Name);
            Assert.Equal(2, task.Priority);
            Assert.Equal(200, task.SpeedLimit);
            Assert.Equal("MIGRATE_FILE", task.Type);
            Assert.Equal(SmsTaskState.READY, task.State);
            Assert.Equal(id, task.SourceServer?.Id);
            Assert.Equal("web-01-new", task.TargetServer?.Name);
            Assert.Equal("AP-Hong Kong", task.RegionName);
            Assert.Equal("ap-southeast-1", task.ProjectName);

            var body = CheckedPostTask(Assert.Single(Posts));
            Assert.True((bool)body["exist_server"]!);
            Assert.Equal("0a1b2c3d-1111-4222-8333-444455556666", (string?)body["target_server"]!["vm_id"]);
            Assert.Null(body["vm_template_id"]);
            Assert.Equal(2, (int)body["priority"]!);
            Assert.Equal("10.1.2.3", (string?)body["migration_ip"]);
        }

        [Fact]
        public void The_projects_settings_are_the_defaults_and_parameters_override_them()
        {
            var wave = Sim.State.Sms.Projects.Add("wave-1", type: "MIGRATE_FILE", usePublicIp: false, syncing: true, startTargetServer: true, startNetworkCheck: true, speedLimit: 300);
            Sim.State.Sms.Projects.Add("account-default", type: "MIGRATE_BLOCK", usePublicIp: true, syncing: false, speedLimit: 50, makeDefault: true);
            var ids = AddServers(3);

            var r = Ps.Run(@"
                New-SmsTask $args[0] -TemplateId tpl-1 -MigrationProjectId $args[3]
                New-SmsTask $args[1] -TemplateId tpl-1 -MigrationProjectId $args[3] -Type MIGRATE_BLOCK -UsePublicIp -Syncing:$false -StartTargetServer:$false -SpeedLimit 10
                New-SmsTask $args[2] -TemplateId tpl-1", ids[0], ids[1], ids[2], wave);
            Assert.True(r.Errors.Count == 0, r.Describe());
            var bodies = Posts.Select(CheckedPostTask).ToDictionary(b => (string)b["source_server"]!["id"]!);

            var fromProject = bodies[ids[0]];
            Assert.Equal("MIGRATE_FILE", (string?)fromProject["type"]);
            Assert.False((bool)fromProject["use_public_ip"]!);
            Assert.True((bool)fromProject["syncing"]!);
            Assert.True((bool)fromProject["start_target_server"]!);
            Assert.True((bool)fromProject["start_network_check"]!);
            Assert.Equal(300, (int)fromProject["speed_limit"]!);

            var overridden = bodies[ids[1]];
            Assert.Equal("MIGRATE_BLOCK", (string?)overridden["type"]);
            Assert.True((bool)overridden["use_public_ip"]!);
            Assert.False((bool)overridden["syncing"]!);
            Assert.False((bool)overridden["start_target_server"]!);
            Assert.True((bool)overridden["start_network_check"]!);
            Assert.Equal(10, (int)overridden["speed_limit"]!);

            var fromDefault = bodies[ids[2]];
            Assert.Equal("MIGRATE_BLOCK", (string?)fromDefault["type"]);
            Assert.Equal(50, (int)fromDefault["speed_limit"]!);
            Assert.False((bool)fromDefault["syncing"]!);
        }

        [Fact]
        public void A_server_that_has_a_task_is_ResourceExists_naming_it_and_with_SkipExisting_its_task_is_written()
        {
            var id = AddServers(1).Single();
            var existing = Sim.State.Sms.Add(name: "web-00-old", state: "RUNNING", source: new HuaweiMigration.Simulator.Sms.SmsTaskSource(id, null, null));
            Sim.State.ClearRequests();

            var refused = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1", id);
            var error = refused.SingleError();
            Assert.Equal("SmsTaskExists", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal(id, error.TargetObject);
            Assert.Contains("web-00-old", error.ToString());
            Assert.Contains(existing, error.ToString());
            Assert.Empty(Posts);

            var again = Ps.Run("Get-SmsSourceServer | New-SmsTask -TemplateId tpl-1 -SkipExisting");
            Assert.True(again.Errors.Count == 0, again.Describe());
            Assert.Equal(existing, Assert.Single(again.Objects<SmsTask>()).Id);
            Assert.Empty(Posts);
            Assert.Equal(1, Sim.State.Sms.Count);
        }

        [Fact]
        public void A_second_run_with_SkipExisting_creates_nothing_and_writes_the_same_tasks()
        {
            AddServers(3);
            var first = Ps.Run("Get-SmsSourceServer | New-SmsTask -TemplateId tpl-1 -SkipExisting");
            Assert.True(first.Errors.Count == 0, first.Describe());
            Assert.Equal(3, Posts.Length);
            Sim.State.ClearRequests();

            var second = Ps.Run("Get-SmsSourceServer | New-SmsTask -TemplateId tpl-1 -SkipExisting");
            Assert.True(second.Errors.Count == 0, second.Describe());
            Assert.Empty(Posts);
            Assert.Equal(first.Objects<SmsTask>().Select(t => t.Id).OrderBy(x => x), second.Objects<SmsTask>().Select(t => t.Id).OrderBy(x => x));
            Assert.Equal(3, Sim.State.Sms.Count);
        }

        [Fact]
        public void Start_without_Wait_starts_each_new_task_and_writes_it()
        {
            var id = AddServers(1).Single();
            var r = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1 -Start", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            var task = Assert.Single(r.Objects<SmsTask>());
            Assert.Equal(SmsTaskState.RUNNING, task.State);
            var start = Assert.Single(Actions(task.Id));
            Assert.Equal("start", (string?)JObject.Parse(start.Body!)["operation"]);
            Assert.True(Assert.Single(Posts).Sequence < start.Sequence);
        }

        [Fact]
        public void SkipExisting_writes_the_task_of_a_server_whose_agent_went_offline_since()
        {
            var id = Sim.State.Sms.AddSourceServer("gone-quiet", connected: false);
            var existing = Sim.State.Sms.Add(name: "gone-quiet", state: "MIGRATE_SUCCESS", source: new HuaweiMigration.Simulator.Sms.SmsTaskSource(id, null, null));
            var r = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1 -SkipExisting", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(existing, Assert.Single(r.Objects<SmsTask>()).Id);
            Assert.Empty(Posts);
        }

        [Fact]
        public void A_server_that_is_not_connected_is_refused_naming_it_and_the_others_go_on()
        {
            var offline = Sim.State.Sms.AddSourceServer("db-offline", connected: false);
            var online = AddServers(1).Single();
            var r = Ps.Run("Get-SmsSourceServer | New-SmsTask -TemplateId tpl-1");
            var error = r.SingleError();
            Assert.Equal("SmsSourceServerNotConnected", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Equal(offline, error.TargetObject);
            Assert.Contains("db-offline", error.ToString());
            Assert.Single(r.Objects<SmsTask>());
            Assert.Equal(online, (string)JObject.Parse(Assert.Single(Posts).Body!)["source_server"]!["id"]!);
        }

        [Fact]
        public void A_server_without_a_target_layout_is_refused_saying_why()
        {
            var id = Sim.State.Sms.AddSourceServer("fresh-agent", initTarget: false);
            var r = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1", id);
            var error = r.SingleError();
            Assert.Equal("SmsSourceServerWithoutDisks", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("init_target_server", error.ToString());
            Assert.Contains("fresh-agent", error.ToString());
            Assert.Empty(Posts);
        }

        [Theory]
        [InlineData("-Name 'web 01'", "InvalidSmsTaskName", "1 to 255 letters")]
        [InlineData("-Name (\"a\" * 256)", "InvalidSmsTaskName", "256 characters")]
        [InlineData("-Name \"web-01`n\"", "InvalidSmsTaskName", "1 to 255 letters")]
        [InlineData("", "SmsTaskTargetMissing", "-TemplateId")]
        public void Input_the_API_would_refuse_is_refused_before_any_request(string parameters, string errorId, string message)
        {
            var id = AddServers(1).Single();
            Sim.State.ClearRequests();
            var r = Ps.Run("New-SmsTask -SourceServerId $args[0] " + parameters + (errorId == "SmsTaskTargetMissing" ? string.Empty : " -TemplateId tpl-1"), id);
            var error = r.SingleError();
            Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(message, error.ToString());
            Assert.Contains(id, error.ToString());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void A_server_name_the_API_would_refuse_is_refused_after_the_read_asking_for_Name()
        {
            var id = Sim.State.Sms.AddSourceServer("web server 01", dataDisksGb: new long[] { 10 });
            var r = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1", id);
            var error = r.SingleError();
            Assert.Equal("InvalidSmsTaskName", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("-Name", error.ToString());
            Assert.Empty(Posts);
            var named = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1 -Name web-server-01", id);
            Assert.True(named.Errors.Count == 0, named.Describe());
            Assert.Equal("web-server-01", Assert.Single(named.Objects<SmsTask>()).Name);
        }

        [Fact]
        public void WhatIf_sends_nothing_and_an_unknown_project_stops_before_any_creation()
        {
            var id = AddServers(1).Single();
            Sim.State.ClearRequests();
            var whatIf = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1 -Start -WhatIf", id);
            Assert.True(whatIf.Errors.Count == 0, whatIf.Describe());
            Assert.Empty(Sim.State.Requests);

            var unknown = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1 -MigrationProjectId 0123456789abcdef0123456789abcdef", id);
            var error = unknown.Terminating is IContainsErrorRecord t ? t.ErrorRecord : unknown.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Empty(Posts);
        }

        [Fact]
        public void A_creation_whose_answer_is_lost_is_never_sent_twice_once_it_took_effect()
        {
            var ids = AddServers(2);
            // The first creation is made but its answer is cut: the client looks, finds the task and does not send it again.
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/tasks$", Kind = FaultKind.CutBody });
            var cut = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1", ids[0]);
            Assert.True(cut.Errors.Count == 0, cut.Describe());
            Assert.Equal("web-00", Assert.Single(cut.Objects<SmsTask>()).Name);
            Assert.Single(Posts);
            Assert.Equal(1, Sim.State.Sms.Count);

            // A 500 before the task was made: the client looks, finds none, and sends it again once.
            Sim.State.ClearRequests();
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/tasks$", Kind = FaultKind.Error, StatusCode = 500 });
            var failed = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1", ids[1]);
            Assert.True(failed.Errors.Count == 0, failed.Describe());
            Assert.Equal("web-01", Assert.Single(failed.Objects<SmsTask>()).Name);
            Assert.Equal(2, Posts.Length);
            Assert.Equal(2, Sim.State.Sms.Count);
        }

        [Fact]
        public void Without_a_connection_it_says_to_connect_and_sends_nothing()
        {
            AddServers(1);
            Sim.State.ClearRequests();
            using var ps = new HuaweiMigration.Tests.Infrastructure.PsSession();
            var r = ps.Run("New-SmsTask -SourceServerId 0123456789abcdef -TemplateId tpl-1");
            var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
            Assert.Equal("HuaweiCloudNotConnected", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("Connect-HuaweiCloud", error.ToString());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Wait_without_Start_is_refused_before_any_request()
        {
            var id = AddServers(1).Single();
            Sim.State.ClearRequests();
            var r = Ps.Run("New-SmsTask -SourceServerId $args[0] -TemplateId tpl-1 -Wait", id);
            var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
            Assert.Equal("WaitWithoutStart", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void The_simulator_refuses_what_the_API_refuses()
        {
            var id = AddServers(1).Single();
            var init = InitTargetServer(id);
            JObject Body() => new JObject
            {
                ["name"] = "t1", ["type"] = "MIGRATE_BLOCK", ["region_id"] = "ap-southeast-1", ["region_name"] = "AP-Hong Kong",
                ["project_id"] = SimulatorCredentials.ProjectIdFor("ap-southeast-1"), ["project_name"] = "ap-southeast-1",
                ["source_server"] = new JObject { ["id"] = id },
                ["target_server"] = new JObject { ["vm_id"] = "", ["name"] = "t1", ["disks"] = init["disks"]!.DeepClone(), ["volume_groups"] = new JArray() },
                ["exist_server"] = false, ["vm_template_id"] = "tpl-1",
            };
            // Straight to the simulator over HTTP, without the module's client.

            var badName = Body();
            badName["name"] = "bad name";
            Assert.Equal("SMS.7711", Create(badName).Code);
            var disks = Body();
            ((JArray)disks["target_server"]!["disks"]!).RemoveAt(1);
            Assert.Equal("SMS.0515", Create(disks).Code);
            var unknownKey = Body();
            unknownKey["surprise"] = true;
            Assert.Equal("SMS.0201", Create(unknownKey).Code);
            var noProject = Body();
            noProject.Remove("project_name");
            Assert.Equal("SMS.0205", Create(noProject).Code);
            var ok = Create(Body());
            Assert.Null(ok.Code);
            Assert.Equal("SMS.1303", Create(Body()).Code);
        }

        private (int Status, string? Code) Create(JObject body)
        {
            using var http = new System.Net.Http.HttpClient { BaseAddress = Sim.BaseUri };
            http.DefaultRequestHeaders.Add("X-Auth-Token", SimToken());
            using var answer = http.PostAsync("v3/tasks", new System.Net.Http.StringContent(body.ToString(), System.Text.Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
            var text = answer.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            return ((int)answer.StatusCode, answer.IsSuccessStatusCode ? null : (string?)JObject.Parse(text)["error_code"]);
        }

        private string SimToken()
        {
            using var http = new System.Net.Http.HttpClient { BaseAddress = Sim.BaseUri };
            var login = new JObject
            {
                ["auth"] = new JObject
                {
                    ["identity"] = new JObject
                    {
                        ["methods"] = new JArray("password"),
                        ["password"] = new JObject { ["user"] = new JObject { ["name"] = SimulatorCredentials.UserName, ["password"] = SimulatorCredentials.Password, ["domain"] = new JObject { ["name"] = SimulatorCredentials.DomainName } } },
                    },
                    ["scope"] = new JObject { ["project"] = new JObject { ["name"] = SimulatorCredentials.DefaultRegion } },
                },
            };
            using var answer = http.PostAsync("v3/auth/tokens", new System.Net.Http.StringContent(login.ToString(), System.Text.Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
            answer.EnsureSuccessStatusCode();
            return answer.Headers.GetValues("X-Subject-Token").Single();
        }

        [Fact]
        public void Priority_and_type_are_taken_in_any_case_as_PowerShell_does()
        {
            AddServers(1);
            var r = Ps.Run("Get-SmsSourceServer | New-SmsTask -TemplateId tpl-0001 -Priority high -Type migrate_file");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var body = CheckedPostTask(Assert.Single(Posts));
            Assert.Equal(2, (int)body["priority"]!);
            Assert.Equal("MIGRATE_FILE", (string?)body["type"]);
        }
    }
}
