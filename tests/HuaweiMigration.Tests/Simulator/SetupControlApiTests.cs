using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>POST /_sim/sms/migprojects and /_sim/sms/templates seed what they say, refuse unknown fields, and stay out of the request log.</summary>
    public sealed class SetupControlApiTests : IAsyncLifetime
    {
        private SimulatorHost _host = null!;
        private HttpClient _http = null!;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 0, DcsTaskCount = 0 });
            _http = new HttpClient { BaseAddress = _host.BaseUri };
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _host.DisposeAsync();
        }

        private async Task<(int Status, JObject Body)> Post(string path, string json)
        {
            using var answer = await _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
            return ((int)answer.StatusCode, JObject.Parse(await answer.Content.ReadAsStringAsync()));
        }

        [Fact]
        public async Task A_project_is_added_with_its_settings_and_can_become_the_default()
        {
            var (status, body) = await Post("_sim/sms/migprojects", "{\"name\":\"wave-2\",\"region\":\"ap-southeast-3\",\"type\":\"MIGRATE_FILE\",\"isDefault\":true,\"speedLimit\":100,\"syncing\":true}");
            Assert.Equal(200, status);
            var id = (string)body["id"]!;
            var project = _host.State.Sms.Projects.Get(id)!;
            Assert.Equal(("wave-2", "ap-southeast-3", "MIGRATE_FILE", 100, true), (project.Name, project.Region, project.Type, project.SpeedLimit, project.Syncing));
            Assert.Equal(id, _host.State.Sms.DefaultMigProjectId);
            Assert.Empty(_host.State.Requests);
        }

        [Fact]
        public async Task A_template_is_added_with_its_password_kept_in_the_simulator_only()
        {
            var (status, body) = await Post("_sim/sms/templates", "{\"name\":\"web-tpl\",\"availabilityZone\":\"ap-southeast-1b\",\"targetPassword\":\"Pw-1\",\"isTemplate\":false}");
            Assert.Equal(200, status);
            var id = (string)body["id"]!;
            Assert.Equal("Pw-1", _host.State.Sms.Templates.PasswordOf(id));
            var shown = _host.State.Sms.Templates.Get(id)!;
            Assert.Equal("ap-southeast-1b", (string)shown["availability_zone"]!);
            Assert.Equal("false", (string)shown["is_template"]!);
        }

        [Theory]
        [InlineData("_sim/sms/migprojects", "{\"name\":\"w\",\"speed\":1}", "speed")]
        [InlineData("_sim/sms/templates", "{\"name\":\"t\",\"password\":\"x\"}", "password")]
        public async Task An_unknown_field_is_refused_not_ignored(string path, string json, string field)
        {
            var (status, body) = await Post(path, json);
            Assert.Equal(400, status);
            Assert.Contains("'" + field + "'", (string)body["error_msg"]!);
            Assert.Single(_host.State.Sms.Projects.Ids);
            Assert.Empty(_host.State.Sms.Templates.Ids);
        }
    }
}
