using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Conformance
{
    /// <summary>
    /// The simulator answers as the real API does: for every SMS and DCS operation it serves, each answer carries only
    /// the fields of the official SDK's response model, with the model's JSON types (null allowed), recursively.
    /// Requests go over plain HttpClient with a token from the simulator's IAM: no client code is involved, so a
    /// mistake shared by the client and the simulator cannot hide here.
    /// </summary>
    public sealed class SimulatorConformanceTests : IAsyncLifetime
    {
        /// <summary>Routes outside the oracle: sdk-shapes.json covers SMS v3 and DCS v2, not IAM.</summary>
        private static readonly string[] OutsideTheOracle = { "/v3/auth/tokens", "/v3/projects", "/v3/auth/domains" };

        private SimulatorHost _host = null!;
        private HttpClient _http = null!;
        private string _projectId = string.Empty;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 120, DcsTaskCount = 30 });
            _host.State.Sms.AddSourceServer("idle-connected", dataDisksGb: new long[] { 100, 250 });
            _host.State.Sms.AddSourceServer("idle-windows", osType: "WINDOWS", dataDisksGb: new long[] { 50 });
            _host.State.Sms.AddSourceServer("idle-no-target", initTarget: false);
            _host.State.Sms.AddSourceServer("idle-offline", connected: false);
            _http = new HttpClient { BaseAddress = _host.BaseUri };
            var login = new JObject
            {
                ["auth"] = new JObject
                {
                    ["identity"] = new JObject
                    {
                        ["methods"] = new JArray("password"),
                        ["password"] = new JObject
                        {
                            ["user"] = new JObject
                            {
                                ["name"] = SimulatorCredentials.UserName,
                                ["password"] = SimulatorCredentials.Password,
                                ["domain"] = new JObject { ["name"] = SimulatorCredentials.DomainName },
                            },
                        },
                    },
                    ["scope"] = new JObject { ["project"] = new JObject { ["name"] = SimulatorCredentials.DefaultRegion } },
                },
            };
            using var answer = await _http.PostAsync("v3/auth/tokens", new StringContent(login.ToString(), Encoding.UTF8, "application/json"));
            answer.EnsureSuccessStatusCode();
            _http.DefaultRequestHeaders.Add("X-Auth-Token", answer.Headers.GetValues("X-Subject-Token").Single());
            _projectId = (string)JObject.Parse(await answer.Content.ReadAsStringAsync())["token"]!["project"]!["id"]!;
            await LaunchSome();
            await TriageSome();
            await CreateSomeDcs();
        }

        /// <summary>
        /// Log uploads on some tasks (one done, one still uploading) and an idle server in error, so the task and
        /// source answers of every case also show the log fields filled and the error list has both kinds of row.
        /// </summary>
        private async Task TriageSome()
        {
            var ids = await SmsIds();
            _host.State.Sms.LogUploadDuration = TimeSpan.Zero;
            await Send(HttpMethod.Post, "v3/tasks/" + ids[0] + "/log", "{\"log_bucket\":\"support-logs\"}");
            _host.State.Sms.LogUploadDuration = TimeSpan.FromHours(1);
            await Send(HttpMethod.Post, "v3/tasks/" + ids[1] + "/log", "{\"log_bucket\":\"support-logs\"}");
            var sources = JObject.Parse((await Send(HttpMethod.Get, "v3/sources?limit=200&offset=0&name=idle-connected")).Item3);
            _host.State.Sms.SetSourceServerError((string)sources["source_servers"]![0]!["id"]!, "{\"error_code\":\"SMS.6509\",\"error_msg\":\"disk\",\"error_param\":[\"/dev/vdb\"]}");
        }

        /// <summary>
        /// Launches on some finished tasks, so the task and source answers also show launches running (an hour long),
        /// ended and failed: the source server's launch states and the launch sub-tasks must keep the models' shapes.
        /// The tasks' own states do not change, so the cases below find what they look for.
        /// </summary>
        private async Task LaunchSome()
        {
            var operations = new[] { "test", "cutover", "clone_test", "migration_test", "clear" };
            var list = JObject.Parse((await Send(HttpMethod.Get, "v3/tasks?limit=200&offset=0&state=MIGRATE_SUCCESS")).Item3);
            var ids = list["tasks"]!.Select(r => (string)r["id"]!).ToList();
            for (var i = 0; i < operations.Length * 3 && i < ids.Count; i++)
            {
                var round = i / operations.Length; // 0: running; 1: ended; 2: ended in failure
                _host.State.Timings.LaunchDelay = round == 0 ? TimeSpan.FromHours(1) : TimeSpan.Zero;
                if (round == 2) _host.State.Sms.SetLaunchFailures(ids[i], new[] { "*" });
                var operation = operations[i % operations.Length];
                var body = operation == "clone_test" ? "{\"operation\":\"clone_test\",\"template_id\":\"tpl-1\"}" : "{\"operation\":\"" + operation + "\"}";
                var (label, status, text) = await Send(HttpMethod.Post, "v3/tasks/" + ids[i] + "/action", body);
                if (status != 200) throw new InvalidOperationException(label + ": HTTP " + status + " " + text);
            }
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _host.DisposeAsync();
        }

        [Fact]
        public void Every_route_the_simulator_serves_is_an_operation_of_the_official_SDK_with_a_conformance_case()
        {
            var missing = new List<string>();
            foreach (var (method, pattern) in _host.State.ApiRoutes.Where(r => !OutsideTheOracle.Contains(r.Pattern)))
            {
                var operation = OperationFor(method, pattern);
                if (operation is null) missing.Add(method + " " + pattern + ": no operation of sdk-shapes.json has this method and path");
                else if (!Cases.ContainsKey(operation)) missing.Add(method + " " + pattern + " (" + operation + "): no conformance case");
            }
            Assert.True(missing.Count == 0, string.Join("\n", missing));
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Each_answer_has_only_the_models_fields_with_the_models_types(string operation)
        {
            var shapes = SdkShapes.Instance;
            var model = (string)shapes.Operation(operation)["response"]!;
            var answers = await Cases[operation](this);
            Assert.NotEmpty(answers);
            var problems = new List<string>();
            foreach (var (label, status, body) in answers)
            {
                if (status >= 300) problems.Add(label + ": HTTP " + status + " " + body);
                else if (shapes.IsRawBody(model)) continue;
                else if (status == 204 && body.Length == 0 && shapes.Fields(model).Count == 0) continue; // no fields, no body (exchange-ip)
                // Read as sent: a date-like string (the logs' created_at) is a string, not a Date.
                else problems.AddRange(shapes.Validate(Newtonsoft.Json.JsonConvert.DeserializeObject<JToken>(body, new Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = Newtonsoft.Json.DateParseHandling.None }), model, label).Take(20));
            }
            Assert.True(problems.Count == 0, operation + " answers deviate from " + model + ":\n" + string.Join("\n", problems.Take(40)));
        }

        public static IEnumerable<object[]> CaseNames() => Cases.Keys.Select(k => new object[] { k });

        private static readonly Dictionary<string, Func<SimulatorConformanceTests, Task<List<(string, int, string)>>>> Cases =
            new Dictionary<string, Func<SimulatorConformanceTests, Task<List<(string, int, string)>>>>
            {
                ["ListTasks"] = t => t.Pages("v3/tasks", 50, "tasks"),
                ["ShowTask"] = async t =>
                {
                    // Every seeded task: all states, both OS types, with and without a clone server.
                    var ids = await t.SmsIds();
                    return (await Task.WhenAll(ids.Select(id => t.Send(HttpMethod.Get, "v3/tasks/" + id)))).ToList();
                },
                ["UpdateTaskStatus"] = async t =>
                {
                    var id = await t.SmsIdIn("RUNNING");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v3/tasks/" + id + "/action", "{\"operation\":\"stop\"}") };
                },
                ["DeleteTask"] = async t =>
                {
                    var id = await t.SmsIdIn("READY");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Delete, "v3/tasks/" + id) };
                },
                ["DeleteTasks"] = async t =>
                {
                    var id = await t.SmsIdIn("MIGRATE_SUCCESS");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v3/tasks/delete", "{\"ids\":[\"" + id + "\"]}") };
                },
                ["ListServers"] = t => t.Pages("v3/sources", 40, "source_servers"),
                ["UpdateSpeed"] = async t =>
                {
                    var id = await t.SmsIdIn("RUNNING");
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Post, "v3/tasks/" + id + "/speed-limit", "{\"speed_limit\":[{\"start\":\"08:00\",\"end\":\"12:00\",\"speed\":100,\"over_speed_threshold\":50.0},{\"start\":\"12:00\",\"end\":\"18:00\",\"speed\":20}]}"),
                    };
                },
                ["ShowsSpeedLimits"] = async t =>
                {
                    var id = await t.SmsIdIn("RUNNING");
                    await t.Send(HttpMethod.Post, "v3/tasks/" + id + "/speed-limit", "{\"speed_limit\":[{\"start\":\"08:00\",\"end\":\"12:00\",\"speed\":100,\"over_speed_threshold\":50.0}]}");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Get, "v3/tasks/" + id + "/speed-limit") };
                },
                ["ShowServer"] = async t =>
                {
                    // Every source server: each task's (in every state) and the idle ones.
                    var list = JObject.Parse((await t.Send(HttpMethod.Get, "v3/sources?limit=200&offset=0")).Item3);
                    var ids = list["source_servers"]!.Select(r => (string)r["id"]!).ToList();
                    return (await Task.WhenAll(ids.Select(id => t.Send(HttpMethod.Get, "v3/sources/" + id)))).ToList();
                },
                ["UpdateServerName"] = async t =>
                {
                    // A rename, a move to another project, both, and a task's source server renamed.
                    var idle = t._host.State.Sms.AddSourceServer("to-rename", dataDisksGb: new long[] { 20 });
                    var project = t._host.State.Sms.Projects.Add("wave-src");
                    var list = JObject.Parse((await t.Send(HttpMethod.Get, "v3/sources?limit=1&offset=0")).Item3);
                    var withTask = (string)list["source_servers"]![0]!["id"]!;
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Put, "v3/sources/" + idle, "{\"name\":\"renamed\"}"),
                        await t.Send(HttpMethod.Put, "v3/sources/" + idle, "{\"migprojectid\":\"" + project + "\"}"),
                        await t.Send(HttpMethod.Put, "v3/sources/" + idle, "{\"name\":\"renamed-again\",\"migprojectid\":\"" + project + "\"}"),
                        await t.Send(HttpMethod.Put, "v3/sources/" + withTask, "{\"name\":\"task-source-renamed\"}"),
                    };
                },
                ["DeleteServer"] = async t =>
                {
                    var idle = t._host.State.Sms.AddSourceServer("to-delete", connected: false);
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Delete, "v3/sources/" + idle) };
                },
                ["DeleteServers"] = async t =>
                {
                    var ids = Enumerable.Range(0, 3).Select(i => t._host.State.Sms.AddSourceServer("to-delete-" + i)).ToList();
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v3/sources/delete", new JObject { ["ids"] = new JArray(ids) }.ToString()) };
                },
                ["CreateTask"] = async t =>
                {
                    // A connected source server without a task, its target layout copied from init_target_server.
                    var list = JObject.Parse((await t.Send(HttpMethod.Get, "v3/sources?limit=200&offset=0&connected=true")).Item3);
                    var id = (string)list["source_servers"]!.First(s => s["current_task"]?.Type is null or JTokenType.Null)["id"]!;
                    var init = JObject.Parse((await t.Send(HttpMethod.Get, "v3/sources/" + id)).Item3)["init_target_server"]!;
                    var body = new JObject
                    {
                        ["name"] = "conformance-1", ["type"] = "MIGRATE_BLOCK", ["region_id"] = "ap-southeast-1", ["region_name"] = "AP-Hong Kong",
                        ["project_id"] = t._projectId, ["project_name"] = "ap-southeast-1", ["source_server"] = new JObject { ["id"] = id },
                        ["target_server"] = new JObject { ["vm_id"] = "", ["name"] = "conformance-1", ["disks"] = init["disks"]!.DeepClone(), ["volume_groups"] = init["volume_groups"]!.DeepClone() },
                        ["exist_server"] = false, ["vm_template_id"] = "tpl-1", ["priority"] = 2, ["syncing"] = true,
                    };
                    var created = await t.Send(HttpMethod.Post, "v3/tasks", body.ToString());
                    var answers = new List<(string, int, string)> { created };
                    // The new task's own answers keep the models' shapes too.
                    if (created.Item2 == 200)
                    {
                        var newId = (string)JObject.Parse(created.Item3)["id"]!;
                        var show = await t.Send(HttpMethod.Get, "v3/tasks/" + newId);
                        var shown = SdkShapes.Instance.Validate(JToken.Parse(show.Item3), "ShowTaskResponse", show.Item1);
                        if (shown.Count > 0) answers.Add((show.Item1 + ": " + string.Join("; ", shown), 500, show.Item3));
                    }
                    return answers;
                },
                ["UpdateTask"] = async t =>
                {
                    var id = await t.SmsIdIn("READY");
                    var body = new JObject { ["name"] = "renamed-by-conformance", ["type"] = "MIGRATE_FILE", ["speed_limit"] = 100, ["migration_ip"] = "10.0.0.9" };
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Put, "v3/tasks/" + id, body.ToString()) };
                },
                ["ListMigrationTask"] = t => t.Pages("v2/" + t._projectId + "/migration-tasks", 7, "migration_tasks"),
                ["ShowMigrationTask"] = async t =>
                {
                    var ids = await t.DcsIds(_ => true);
                    return (await Task.WhenAll(ids.Select(id => t.Send(HttpMethod.Get, "v2/" + t._projectId + "/migration-task/" + id)))).ToList();
                },
                ["StopMigrationTask"] = async t =>
                {
                    var id = (await t.DcsIds(s => s == "INCRMIGEATING" || s == "FULLMIGRATING" || s == "MIGRATING")).First();
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration-task/" + id + "/stop") };
                },
                ["BatchStopMigrationTasks"] = async t =>
                {
                    // A mix: one that stops, one finished (refused), one missing.
                    var migrating = (await t.DcsIds(s => s == "INCRMIGEATING" || s == "FULLMIGRATING" || s == "MIGRATING")).Last();
                    var finished = (await t.DcsIds(s => s == "SUCCESS")).First();
                    var body = new JObject { ["migration_tasks"] = new JArray(migrating, finished, "0123456789abcdef0123456789abcdef") }.ToString();
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration-task/batch-stop", body) };
                },
                ["BatchRestartOnlineMigrationTasks"] = async t =>
                {
                    // A mix: a stopped one that restarts, one migrating (refused), one missing.
                    var stopped = (await t.DcsIds(s => s == "TERMINATED")).First();
                    var migrating = (await t.DcsIds(s => s == "INCRMIGEATING" || s == "FULLMIGRATING" || s == "MIGRATING")).First();
                    var body = new JObject { ["migration_tasks"] = new JArray(stopped, migrating, "0123456789abcdef0123456789abcdef") }.ToString();
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration-tasks/batch-restart", body) };
                },
                ["CreateMigrationTask"] = async t => new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration-task", BackupImportBody("conf-import-2")) },
                ["CreateOnlineMigrationTask"] = async t => new List<(string, int, string)>
                {
                    await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration/instance",
                        new JObject { ["name"] = "conf-online", ["description"] = "made by the conformance test", ["vpc_id"] = "vpc-1", ["subnet_id"] = "subnet-1", ["security_group_id"] = "sg-1" }.ToString()),
                },
                ["SetOnlineMigrationTask"] = async t =>
                {
                    t._host.State.Timings.DcsCreating = TimeSpan.Zero;
                    return new List<(string, int, string)> { await t.ConfigureDcs(await t.CreateOnlineDcs("conf-configured"), incremental: true) };
                },
                ["UpdateMigrationTask"] = async t =>
                {
                    var id = await t.CreateOnlineDcs("conf-resume");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Put, "v2/" + t._projectId + "/migration-task/" + id, "{\"resume_mode\":\"manual\"}") };
                },
                ["ShowMigrationTaskStats"] = async t =>
                {
                    var ids = await t.DcsIds(_ => true);
                    return (await Task.WhenAll(ids.Select(id => t.Send(HttpMethod.Get, "v2/" + t._projectId + "/migration-task/" + id + "/stats")))).ToList();
                },
                ["ExchangeInstanceIp"] = async t =>
                {
                    var id = t._host.State.Dcs.Add("cutover-conformance", "INCRMIGEATING");
                    var task = JObject.Parse((await t.Send(HttpMethod.Get, "v2/" + t._projectId + "/migration-task/" + id)).Item3);
                    var body = new JObject
                    {
                        ["exchanged_ip"] = new JArray((string)task["source_instance"]!["ip"]!, (string)task["target_instance"]!["ip"]!),
                        ["is_exchange_domain"] = false,
                    }.ToString();
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration-task/" + id + "/exchange-ip", body) };
                },
                ["RollbackExchangeInstanceIp"] = async t =>
                {
                    t._host.State.Timings.DcsExchangeDelay = TimeSpan.Zero;
                    var id = t._host.State.Dcs.Add("rollback-conformance", "INCRMIGEATING");
                    var task = JObject.Parse((await t.Send(HttpMethod.Get, "v2/" + t._projectId + "/migration-task/" + id)).Item3);
                    var body = new JObject { ["exchanged_ip"] = new JArray((string)task["source_instance"]!["ip"]!, (string)task["target_instance"]!["ip"]!), ["is_exchange_domain"] = true }.ToString();
                    var switched = await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration-task/" + id + "/exchange-ip", body);
                    Assert.Equal(204, switched.Item2);
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v2/" + t._projectId + "/migration-task/" + id + "/rollback-ip") };
                },
                ["ListMigrationTaskLogs"] = async t =>
                {
                    var id = t._host.State.Dcs.Add("logs-conformance", "INCRMIGEATING");
                    t._host.State.Dcs.AddLogs(id, 23);
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Get, "v2/" + t._projectId + "/migration-task/" + id + "/logs?offset=0&limit=10"),
                        await t.Send(HttpMethod.Get, "v2/" + t._projectId + "/migration-task/" + id + "/logs?offset=20&limit=10&log_level=Error"),
                    };
                },
                ["ShowOverview"] = async t => new List<(string, int, string)> { await t.Send(HttpMethod.Get, "v3/sources/overview") },
                ["ListErrorServers"] = t => t.Pages("v3/errors", 7, "migration_errors"),
                ["ShowConsistencyResult"] = async t =>
                {
                    var ids = await t.SmsIds();
                    t._host.State.Sms.SetConsistencyResults(ids[2], new[] { "{\"dir_check\":\"/\",\"num_total_files\":10}", "plain text" });
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Get, "v3/tasks/" + ids[2] + "/consistency-result"),
                        await t.Send(HttpMethod.Get, "v3/tasks/" + ids[3] + "/consistency-result"),
                    };
                },
                ["ShowConfigSetting"] = async t =>
                {
                    var ids = await t.SmsIds();
                    await t.Send(HttpMethod.Post, "v3/tasks/" + ids[4] + "/configuration-setting",
                        "{\"configurations\":[{\"config_key\":\"MIGRATE_EXCLUDE_DIR\",\"config_value\":\"/tmp,/var/cache\"},{\"config_key\":\"LINUX_CPU_LIMIT\",\"config_value\":\"50\",\"config_status\":\"\"}]}");
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Get, "v3/tasks/" + ids[4] + "/configuration-setting"),
                        await t.Send(HttpMethod.Get, "v3/tasks/" + ids[4] + "/configuration-setting?config_key=LINUX_CPU_LIMIT"),
                        await t.Send(HttpMethod.Get, "v3/tasks/" + ids[5] + "/configuration-setting"),
                    };
                },
                ["UploadSpecialConfigurationSetting"] = async t =>
                {
                    var ids = await t.SmsIds();
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Post, "v3/tasks/" + ids[6] + "/configuration-setting", "{\"configurations\":[{\"config_key\":\"SYNC_EXCLUDE_DIR\",\"config_value\":\"/var/log\"}]}"),
                        await t.Send(HttpMethod.Post, "v3/tasks/" + ids[6] + "/configuration-setting", "{\"configurations\":[]}"),
                    };
                },
                ["CollectLog"] = async t =>
                {
                    var ids = await t.SmsIds();
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v3/tasks/" + ids[7] + "/log", "{\"log_bucket\":\"support-logs\"}") };
                },
                ["DeleteMigrationTask"] = async t =>
                {
                    var id = (await t.DcsIds(s => s == "TERMINATED" || s == "SUCCESS")).Last();
                    var body = new JObject { ["task_id_list"] = new JArray(id) }.ToString();
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Delete, "v2/" + t._projectId + "/migration-tasks/delete", body) };
                },
                ["ListMigprojects"] = t =>
                {
                    t.AddProjects();
                    return t.Pages("v3/migprojects", 2, "migprojects");
                },
                ["ShowMigproject"] = async t =>
                {
                    t.AddProjects();
                    var ids = t._host.State.Sms.Projects.Ids;
                    return (await Task.WhenAll(ids.Select(id => t.Send(HttpMethod.Get, "v3/migprojects/" + id)))).ToList();
                },
                ["CreateMigproject"] = async t => new List<(string, int, string)>
                {
                    await t.Send(HttpMethod.Post, "v3/migprojects", "{\"name\":\"wave-1\",\"region\":\"ap-southeast-3\",\"type\":\"MIGRATE_FILE\",\"description\":\"first\",\"enterprise_project\":\"0\"," +
                        "\"exist_server\":true,\"use_public_ip\":false,\"syncing\":true,\"start_target_server\":true,\"start_network_check\":true,\"speed_limit\":100}"),
                    await t.Send(HttpMethod.Post, "v3/migprojects", "{\"name\":\"wave-2\",\"region\":\"ap-southeast-1\",\"type\":\"MIGRATE_BLOCK\"}"),
                },
                ["UpdateMigproject"] = async t =>
                {
                    var id = t._host.State.Sms.Projects.Add("wave-9");
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Put, "v3/migprojects/" + id, "{\"name\":\"wave-9b\",\"region\":\"ap-southeast-1\",\"type\":\"MIGRATE_BLOCK\",\"speed_limit\":20,\"syncing\":true}"),
                        await t.Send(HttpMethod.Put, "v3/migprojects/" + id, "{}"),
                    };
                },
                ["UpdateDefaultMigproject"] = async t =>
                {
                    var id = t._host.State.Sms.Projects.Add("wave-9");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Put, "v3/migprojects/" + id + "/default") };
                },
                ["DeleteMigproject"] = async t =>
                {
                    var id = t._host.State.Sms.Projects.Add("wave-9");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Delete, "v3/migprojects/" + id) };
                },
                ["ListTemplates"] = t =>
                {
                    t.AddTemplates();
                    return t.Pages("v3/vm/templates", 2, "templates");
                },
                ["ShowTemplate"] = async t =>
                {
                    t.AddTemplates();
                    await t.Send(HttpMethod.Post, "v3/vm/templates", "{\"template\":{\"name\":\"web-tpl\",\"is_template\":true,\"region\":\"ap-southeast-1\",\"projectid\":\"p1\",\"target_server_name\":\"web-target\",\"target_password\":\"Planted-Pw0rd!\",\"availability_zone\":\"ap-southeast-1a\",\"volumetype\":\"SSD\",\"data_volume_type\":\"SAS\",\"flavor\":\"s6.large.2\",\"image_id\":\"img-1\",\"vpc\":{\"id\":\"vpc-1\",\"name\":\"vpc\",\"cidr\":\"192.168.0.0/16\"},\"nics\":[{\"id\":\"sub-1\",\"name\":\"sub\",\"cidr\":\"192.168.1.0/24\",\"ip\":\"192.168.1.9\"}],\"security_groups\":[{\"id\":\"sg-1\",\"name\":\"sg\"}],\"publicip\":{\"type\":\"5_bgp\",\"bandwidth_size\":10,\"bandwidth_share_type\":\"PER\"},\"disk\":[{\"index\":0,\"name\":\"/dev/vda\",\"disktype\":\"SSD\",\"size\":40,\"id\":0,\"device_use\":\"BOOT\"}]}}");
                    var ids = t._host.State.Sms.Templates.Ids;
                    return (await Task.WhenAll(ids.Select(id => t.Send(HttpMethod.Get, "v3/vm/templates/" + id)))).ToList();
                },
                ["CreateTemplate"] = async t => new List<(string, int, string)>
                {
                    await t.Send(HttpMethod.Post, "v3/vm/templates", "{\"template\":{\"name\":\"web-tpl\",\"is_template\":true,\"region\":\"ap-southeast-1\",\"projectid\":\"p1\",\"target_server_name\":\"web-target\",\"target_password\":\"Planted-Pw0rd!\",\"availability_zone\":\"ap-southeast-1a\",\"volumetype\":\"SSD\",\"data_volume_type\":\"SAS\",\"flavor\":\"s6.large.2\",\"image_id\":\"img-1\",\"vpc\":{\"id\":\"vpc-1\",\"name\":\"vpc\",\"cidr\":\"192.168.0.0/16\"},\"nics\":[{\"id\":\"sub-1\",\"name\":\"sub\",\"cidr\":\"192.168.1.0/24\",\"ip\":\"192.168.1.9\"}],\"security_groups\":[{\"id\":\"sg-1\",\"name\":\"sg\"}],\"publicip\":{\"type\":\"5_bgp\",\"bandwidth_size\":10,\"bandwidth_share_type\":\"PER\"},\"disk\":[{\"index\":0,\"name\":\"/dev/vda\",\"disktype\":\"SSD\",\"size\":40,\"id\":0,\"device_use\":\"BOOT\"}]}}"),
                    await t.Send(HttpMethod.Post, "v3/vm/templates", "{\"template\":{\"name\":\"bare\"}}"),
                },
                ["UpdateTemplate"] = async t =>
                {
                    var id = t._host.State.Sms.Templates.Add("tpl-9");
                    return new List<(string, int, string)>
                    {
                        await t.Send(HttpMethod.Put, "v3/vm/templates/" + id, "{\"template\":{\"name\":\"tpl-9b\",\"flavor\":\"s6.xlarge.2\",\"publicip\":{\"type\":\"5_bgp\",\"bandwidth_size\":5}}}"),
                    };
                },
                ["DeleteTemplate"] = async t =>
                {
                    var id = t._host.State.Sms.Templates.Add("tpl-9");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Delete, "v3/vm/templates/" + id) };
                },
                ["DeleteTemplates"] = async t =>
                {
                    var a = t._host.State.Sms.Templates.Add("tpl-8");
                    var b = t._host.State.Sms.Templates.Add("tpl-9");
                    return new List<(string, int, string)> { await t.Send(HttpMethod.Post, "v3/vm/templates/delete", "{\"ids\":[\"" + a + "\",\"" + b + "\"]}") };
                },
            };

        private static string? OperationFor(string method, string pattern)
        {
            static string Shape(string path) => Regex.Replace(path, @"\{[^}]+\}", "{}");
            return SdkShapes.Instance.Operations()
                .Where(o => (string)o.Operation["method"]! == method && Shape((string)o.Operation["path"]!) == Shape(pattern))
                .Select(o => o.Name).FirstOrDefault();
        }

        private async Task<List<(string, int, string)>> Pages(string path, int limit, string listKey)
        {
            var answers = new List<(string, int, string)>();
            for (var offset = 0; ; offset += limit)
            {
                var answer = await Send(HttpMethod.Get, path + "?limit=" + limit + "&offset=" + offset);
                answers.Add(answer);
                if (answer.Item2 != 200 || ((JArray)JObject.Parse(answer.Item3)[listKey]!).Count < limit) return answers;
            }
        }

        private void AddProjects()
        {
            _host.State.Sms.Projects.Add("wave-a", region: "ap-southeast-3", type: "MIGRATE_FILE", description: "A", existServer: true, syncing: true, speedLimit: 50);
            _host.State.Sms.Projects.Add("wave-b", usePublicIp: false, startTargetServer: true, startNetworkCheck: true);
            _host.State.Sms.Projects.Add("wave-c", makeDefault: true);
        }

        private void AddTemplates()
        {
            _host.State.Sms.Templates.Add("tpl-a", targetPassword: "Seeded-Pw0rd!");
            _host.State.Sms.Templates.Add("tpl-b", region: "ap-southeast-3", availabilityZone: "ap-southeast-3b", isTemplate: false);
            _host.State.Sms.Templates.Add("tpl-c");
        }

        private async Task<List<string>> SmsIds()
        {
            var list = JObject.Parse((await Send(HttpMethod.Get, "v3/tasks?limit=200&offset=0")).Item3);
            return list["tasks"]!.Select(r => (string)r["id"]!).ToList();
        }

        private async Task<string> SmsIdIn(string state)
        {
            var list = JObject.Parse((await Send(HttpMethod.Get, "v3/tasks?limit=200&offset=0&state=" + state)).Item3);
            return (string)list["tasks"]!.First()["id"]!;
        }

        /// <summary>
        /// DCS migrations made through the API, in the states they go through (CREATING, RUNNING, MIGRATING, a backup
        /// import, incremental and failed), so ShowMigrationTask and ListMigrationTask answer them in the models' shapes too.
        /// </summary>
        private async Task CreateSomeDcs()
        {
            var t = _host.State.Timings;
            t.DcsCreating = TimeSpan.FromHours(1);
            await CreateOnlineDcs("conf-creating");
            t.DcsCreating = TimeSpan.Zero;
            await CreateOnlineDcs("conf-running");
            t.DcsMigrationStep = TimeSpan.FromHours(1);
            await ConfigureDcs(await CreateOnlineDcs("conf-migrating"), incremental: false);
            t.DcsMigrationStep = TimeSpan.Zero;
            await ConfigureDcs(await CreateOnlineDcs("conf-incremental"), incremental: true);
            var failing = await CreateOnlineDcs("conf-failed");
            _host.State.Dcs.FailNextStep(failing);
            await ConfigureDcs(failing, incremental: false);
            await Send(HttpMethod.Post, "v2/" + _projectId + "/migration-task", BackupImportBody("conf-import"));
        }

        private static string BackupImportBody(string name) => new JObject
        {
            ["task_name"] = name,
            ["migration_type"] = "backupfile_import",
            ["migration_method"] = "full_amount_migration",
            ["backup_files"] = new JObject { ["file_source"] = "self_build_obs", ["bucket_name"] = "redis-backups", ["files"] = new JArray(new JObject { ["file_name"] = "dump.rdb" }) },
            ["target_instance"] = new JObject { ["id"] = "5e7a3b1c-0000-4000-8000-00000000aaaa", ["password"] = "Conf-Pw-1" },
        }.ToString();

        private async Task<string> CreateOnlineDcs(string name)
        {
            var body = new JObject { ["name"] = name, ["vpc_id"] = "vpc-1", ["subnet_id"] = "subnet-1", ["security_group_id"] = "sg-1" }.ToString();
            var (label, status, text) = await Send(HttpMethod.Post, "v2/" + _projectId + "/migration/instance", body);
            if (status != 200) throw new InvalidOperationException(label + ": HTTP " + status + " " + text);
            return (string)JObject.Parse(text)["instance_id"]!;
        }

        private async Task<(string, int, string)> ConfigureDcs(string id, bool incremental)
        {
            var body = new JObject
            {
                ["migration_method"] = incremental ? "incremental_migration" : "full_amount_migration",
                ["resume_mode"] = "auto",
                ["bandwidth_limit_mb"] = "100",
                ["source_instance"] = new JObject { ["addrs"] = "10.9.8.7:6380", ["password"] = "Conf-Pw-2" },
                ["target_instance"] = new JObject { ["id"] = "5e7a3b1c-0000-4000-8000-00000000bbbb", ["password"] = "Conf-Pw-3" },
            }.ToString();
            var answer = await Send(HttpMethod.Post, "v2/" + _projectId + "/migration/" + id + "/task", body);
            if (answer.Item2 != 200) throw new InvalidOperationException(answer.Item1 + ": HTTP " + answer.Item2 + " " + answer.Item3);
            return answer;
        }

        private async Task<List<string>> DcsIds(Func<string, bool> status)
        {
            var list = JObject.Parse((await Send(HttpMethod.Get, "v2/" + _projectId + "/migration-tasks?limit=1000&offset=0")).Item3);
            return list["migration_tasks"]!.Where(r => status((string)r["status"]!)).Select(r => (string)r["task_id"]!).ToList();
        }

        private async Task<(string, int, string)> Send(HttpMethod method, string path, string? body = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var answer = await _http.SendAsync(request);
            return (method + " /" + path, (int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }
    }
}
