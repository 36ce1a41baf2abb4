using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Conformance;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>The migration project calls of SmsClient over real HTTP against the simulator; request bodies checked against the SDK models.</summary>
    public sealed class MigrationProjectClientTests : IAsyncLifetime
    {
        private SimulatorHost _host = null!;
        private SmsClient _client = null!;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 0, DcsTaskCount = 0 });
            var context = await HuaweiCloudConnector.ConnectAsync(new ConnectRequest
            {
                AuthType = HuaweiCloudAuthType.Password,
                Region = SimulatorCredentials.DefaultRegion,
                Endpoint = _host.BaseUri,
                UserName = SimulatorCredentials.UserName,
                Password = PsSession.Secure(SimulatorCredentials.Password),
                DomainName = SimulatorCredentials.DomainName,
            }, null, CancellationToken.None);
            _client = new SmsClient(context);
            _host.State.ClearRequests();
        }

        public async Task DisposeAsync() => await _host.DisposeAsync();

        /// <summary>The model's required keys (sdk-shapes.json), read here so the check does not rest on the client or the simulator.</summary>
        internal static string[] Required(string model) =>
            (JObject.Parse(File.ReadAllText(SdkShapes.FilePath))["models"]![model]!["required"] as JArray)?.Select(t => (string)t!).ToArray() ?? Array.Empty<string>();

        /// <summary>The body of the one request sent to <paramref name="method"/> <paramref name="path"/>, checked against <paramref name="model"/>.</summary>
        internal static JObject CheckedBody(SimulatorState state, string method, string path, string model)
        {
            var request = Assert.Single(state.Requests, r => r.Method == method && r.Path == path);
            var body = JObject.Parse(request.Body!);
            var problems = SdkShapes.Instance.Validate(body, model, method + " " + path);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            foreach (var key in Required(model)) Assert.True(body[key] != null, model + " requires '" + key + "': " + body);
            return body;
        }

        [Fact]
        public async Task A_fresh_simulator_lists_one_default_project_and_GetDefault_finds_it()
        {
            var all = _client.EnumerateMigrationProjects(null, new PagingRequest(), CancellationToken.None).ToList();
            var project = Assert.Single(all);
            Assert.Equal("default", project.Name);
            Assert.True(project.IsDefault);
            Assert.Equal(_host.State.Sms.DefaultMigProjectId, project.Id);
            var found = await _client.GetDefaultMigrationProjectAsync(CancellationToken.None);
            Assert.Equal(project.Id, found!.Id);
        }

        [Fact]
        public async Task Lists_many_pages_and_filters_names_here()
        {
            for (var i = 0; i < 230; i++) _host.State.Sms.Projects.Add("wave-" + i.ToString("000"));
            var all = _client.EnumerateMigrationProjects(null, new PagingRequest(), CancellationToken.None).ToList();
            Assert.Equal(231, all.Select(p => p.Id).Distinct().Count());
            Assert.Equal(3, _host.State.Requests.Count(r => r.Path == "/v3/migprojects"));
            var some = _client.EnumerateMigrationProjects(n => n!.StartsWith("wave-22", StringComparison.Ordinal), new PagingRequest { First = 5 }, CancellationToken.None).ToList();
            Assert.Equal(new[] { "wave-220", "wave-221", "wave-222", "wave-223", "wave-224" }, some.Select(p => p.Name));
        }

        [Fact]
        public async Task Create_sends_a_PostMigProjectBody_and_the_project_reads_back_with_its_id()
        {
            var id = await _client.CreateMigrationProjectAsync(new SmsMigrationProjectSettings
            {
                Name = "wave-1", Region = "ap-southeast-3", Description = "first wave", UseExistingServer = true, SpeedLimit = 100, Syncing = true,
            }, CancellationToken.None);
            var body = CheckedBody(_host.State, "POST", "/v3/migprojects", "PostMigProjectBody");
            Assert.Equal("MIGRATE_BLOCK", (string)body["type"]!);
            Assert.Equal(JTokenType.Boolean, body["exist_server"]!.Type);

            var project = await _client.GetMigrationProjectAsync(id, CancellationToken.None);
            Assert.Equal(id, project.Id);
            Assert.Equal("wave-1", project.Name);
            Assert.Equal("ap-southeast-3", project.Region);
            Assert.True(project.UseExistingServer);
            Assert.Equal(100, project.SpeedLimit);
            Assert.False(project.IsDefault);
        }

        [Fact]
        public async Task Update_puts_the_whole_project_with_the_changes_and_keeps_the_rest()
        {
            var id = _host.State.Sms.Projects.Add("wave-2", region: "ap-southeast-3", type: "MIGRATE_FILE", description: "keep me", speedLimit: 30, syncing: true);
            _host.State.ClearRequests();
            await _client.UpdateMigrationProjectAsync(id, new SmsMigrationProjectSettings { SpeedLimit = 70, UsePublicIp = false }, CancellationToken.None);
            var body = CheckedBody(_host.State, "PUT", "/v3/migprojects/" + id, "MigProject");
            foreach (var key in new[] { "name", "region", "type", "description", "enterprise_project", "exist_server", "use_public_ip", "syncing", "start_target_server", "start_network_check", "speed_limit" })
            {
                Assert.True(body[key] != null, "the PUT lacks " + key + ": " + body);
            }
            var after = _host.State.Sms.Projects.Get(id)!;
            Assert.Equal(70, after.SpeedLimit);
            Assert.False(after.UsePublicIp);
            Assert.Equal("keep me", after.Description);
            Assert.Equal("MIGRATE_FILE", after.Type);
            Assert.True(after.Syncing);
        }

        [Fact]
        public async Task Set_default_moves_the_default_and_the_default_cannot_be_deleted()
        {
            var first = _host.State.Sms.DefaultMigProjectId;
            var id = _host.State.Sms.Projects.Add("wave-3");
            await _client.SetDefaultMigrationProjectAsync(id, CancellationToken.None);
            Assert.Equal(id, _host.State.Sms.DefaultMigProjectId);
            Assert.Equal(id, (await _client.GetDefaultMigrationProjectAsync(CancellationToken.None))!.Id);

            var refused = await Assert.ThrowsAnyAsync<HuaweiCloudApiException>(() => _client.DeleteMigrationProjectAsync(id, CancellationToken.None));
            Assert.Equal(400, refused.StatusCode);
            await _client.DeleteMigrationProjectAsync(first, CancellationToken.None);
            Assert.Null(_host.State.Sms.Projects.Get(first));
        }

        [Fact]
        public async Task An_unknown_id_is_NotFound_and_a_taken_name_is_refused()
        {
            var missing = await Assert.ThrowsAnyAsync<HuaweiCloudApiException>(() => _client.GetMigrationProjectAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));
            Assert.Equal(ApiErrorKind.NotFound, missing.Kind);
            Assert.Equal("SMS.0404", missing.ErrorCode);
            var taken = await Assert.ThrowsAnyAsync<HuaweiCloudApiException>(() => _client.CreateMigrationProjectAsync(new SmsMigrationProjectSettings { Name = "default", Region = "ap-southeast-1" }, CancellationToken.None));
            Assert.Equal(400, taken.StatusCode);
            Assert.Single(_host.State.Sms.Projects.Ids);
        }

        [Fact]
        public async Task Reseeding_leaves_only_the_default_project()
        {
            _host.State.Sms.Projects.Add("wave-4", makeDefault: true);
            _host.State.Reseed(0, null);
            var project = Assert.Single(_client.EnumerateMigrationProjects(null, new PagingRequest(), CancellationToken.None));
            Assert.Equal("default", project.Name);
            Assert.True(project.IsDefault);
            await Task.CompletedTask;
        }
    }
}
