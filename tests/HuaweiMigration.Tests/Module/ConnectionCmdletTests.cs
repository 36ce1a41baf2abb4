using System;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.RegularExpressions;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Connect-HuaweiCloud in each auth mode, verified by the simulator; the context cmdlets; no secret anywhere.</summary>
    public class ConnectionCmdletTests : ModuleTestBase, IClassFixture<SimulatorFixture>
    {
        public ConnectionCmdletTests(SimulatorFixture sim) : base(sim) { }

        [Fact]
        public void Password_connect_writes_the_context_and_makes_it_the_default()
        {
            var r = Ps.Run(ConnectPassword);
            Assert.Empty(r.Errors);
            var context = Assert.IsType<HuaweiCloudContext>(Assert.Single(r.Output).BaseObject);
            Assert.Equal(SimulatorFixture.Region, context.Region);
            Assert.Equal(SimulatorCredentials.ProjectIdFor(SimulatorFixture.Region), context.ProjectId);
            Assert.Equal(HuaweiCloudAuthType.Password, context.AuthType);
            Assert.Equal(SimulatorCredentials.UserName, context.UserName);
            Assert.Equal(Sim.Endpoint, context.SmsEndpoint);

            var current = Ps.Run("Get-HuaweiCloudContext");
            Assert.Same(context, Assert.Single(current.Output).BaseObject);

            Ps.Run("Disconnect-HuaweiCloud");
            Assert.Empty(Ps.Run("Get-HuaweiCloudContext").Output);
            var after = Ps.Run("Get-SmsTask -First 1");
            Assert.Equal("HuaweiCloudNotConnected,HuaweiMigration.Commands.Sms.GetSmsTaskCommand",
                after.SingleError().FullyQualifiedErrorId);
        }

        [Fact]
        public async System.Threading.Tasks.Task Context_overrides_the_session_default_for_one_command()
        {
            await using var other = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 3, DcsTaskCount = 0 });
            Ps.Set("other", other.BaseUri);
            var r = Ps.Run(@"
                $second = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $other -Credential $cred -DomainName sim-domain
                $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential $cred -DomainName sim-domain
                @(Get-SmsTask -Context $second).Count
                @(Get-SmsTask).Count
                (Get-HuaweiCloudContext).SmsEndpoint.ToString()");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(new object[] { 3, 450, Sim.Endpoint.ToString() }, r.Output.Select(o => o.BaseObject));
            Assert.Single(other.State.Requests, q => q.Path == "/v3/tasks");
        }

        [Theory]
        [InlineData("password")]
        [InlineData("accesskey")]
        [InlineData("token")]
        [InlineData("environment")]
        public void Each_auth_mode_is_accepted_by_the_simulator(string mode)
        {
            var r = Ps.Run(ConnectScript(mode) + "; Get-SmsTask -First 3");
            Assert.True(r.Errors.Count == 0 && r.Terminating == null, r.Describe());
            Assert.Equal(3, r.Objects<SmsTask>().Count());

            var list = Assert.Single(Sim.ListCalls());
            Assert.True(list.AuthValid, list.ToString());
            Assert.Equal(mode is "accesskey" or "environment" ? "AkSk" : "Token", list.AuthKind);
            var expectedType = mode switch { "password" => "Password", "token" => "Token", _ => "AccessKey" };
            Assert.Equal(expectedType, Ps.Run("(Get-HuaweiCloudContext).AuthType.ToString()").Output.Single().ToString());
        }

        [Fact]
        public void Verbose_and_debug_output_of_connect_and_list_hold_no_secret()
        {
            var secrets = new System.Collections.Generic.List<string> { SimulatorCredentials.Password, SimulatorCredentials.SecretKey, SimulatorCredentials.SecurityToken, SimulatorCredentials.TemporarySecretKey };
            var all = new System.Text.StringBuilder();
            foreach (var mode in new[] { "password", "accesskey", "token", "environment", "temporary" })
            {
                var r = Ps.Run(ConnectScript(mode, "-Verbose -Debug") + "; Get-SmsTask -First 2 -Verbose -Debug; Get-SmsTask -Id 'no-such-task' -Verbose -Debug; Get-HuaweiCloudContext | ForEach-Object { $_.ToString(); $_.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" } }");
                Assert.NotEmpty(r.Verbose);
                Assert.NotEmpty(r.Debug);
                Assert.NotEmpty(r.Errors);
                all.Append(r.AllText());
            }
            // What was really sent: every token issued and every signature, read off the wire by the simulator.
            secrets.AddRange(Sim.Secrets.In("X-Auth-Token"));
            secrets.AddRange(Sim.Secrets.In("Authorization").Select(auth => Regex.Match(auth, "Signature=([0-9a-f]+)").Groups[1].Value));
            Assert.Contains(Sim.State.Requests, r => r.Headers.ContainsKey("Authorization"));
            Assert.Contains(Sim.State.Requests, r => r.Headers.ContainsKey("X-Auth-Token"));
            Assert.NotEmpty(Sim.Secrets.In("Authorization"));
            Assert.NotEmpty(Sim.Secrets.In("X-Auth-Token"));
            var text = all.ToString();
            Assert.Contains("GET", text);
            foreach (var secret in secrets.Where(s => s.Length > 0).Distinct())
            {
                Assert.DoesNotContain(secret, text);
            }
        }

        [Theory]
        [InlineData("-Region 'not a region'", "InvalidConnectionParameter")]
        [InlineData("-Region ap-southeast-1 -Endpoint 'http://example.com/'", "InvalidConnectionParameter")]
        public void Bad_connection_input_is_refused_before_any_request(string args, string errorId)
        {
            Sim.State.ClearRequests();
            var r = Ps.Run("Connect-HuaweiCloud " + args + " -Credential $cred");
            var error = r.SingleError();
            Assert.Equal(errorId + ",HuaweiMigration.Commands.Connection.ConnectHuaweiCloudCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void A_wrong_password_is_an_authentication_error_naming_no_secret()
        {
            Ps.Set("bad", PsSession.Credential(SimulatorCredentials.UserName, "Wrong-Passw0rd!"));
            var r = Ps.Run("Connect-HuaweiCloud -Region $region -Endpoint $endpoint -Credential $bad -DomainName sim-domain");
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.DoesNotContain("Wrong-Passw0rd!", r.AllText());
        }

        private string ConnectScript(string mode, string common = "")
        {
            switch (mode)
            {
                case "password":
                    return ConnectPassword + " " + common;
                case "accesskey":
                    Ps.Set("sk", PsSession.Secure(SimulatorCredentials.SecretKey));
                    return "Connect-HuaweiCloud -Region $region -Endpoint $endpoint -AccessKey " + SimulatorCredentials.AccessKey + " -SecretKey $sk " + common;
                case "temporary":
                    Ps.Set("tsk", PsSession.Secure(SimulatorCredentials.TemporarySecretKey));
                    Ps.Set("st", PsSession.Secure(SimulatorCredentials.SecurityToken));
                    return "Connect-HuaweiCloud -Region $region -Endpoint $endpoint -AccessKey " + SimulatorCredentials.TemporaryAccessKey + " -SecretKey $tsk -SecurityToken $st " + common;
                case "token":
                    Ps.Set("token", PsSession.Secure(IssueToken()));
                    Sim.State.ClearRequests();
                    return "Connect-HuaweiCloud -Region $region -Endpoint $endpoint -Token $token " + common;
                case "environment":
                    // Set for this statement only, then removed (a failed Connect ends only its own statement).
                    return "$env:HUAWEICLOUD_SDK_AK = '" + SimulatorCredentials.AccessKey + "'; $env:HUAWEICLOUD_SDK_SK = '" + SimulatorCredentials.SecretKey
                        + "'; Connect-HuaweiCloud -Region $region -Endpoint $endpoint " + common
                        + "; [Environment]::SetEnvironmentVariable('HUAWEICLOUD_SDK_AK', $null); [Environment]::SetEnvironmentVariable('HUAWEICLOUD_SDK_SK', $null)";
                default:
                    throw new ArgumentOutOfRangeException(nameof(mode));
            }
        }

        private string IssueToken()
        {
            using var http = new HttpClient();
            var body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName
                + "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName
                + "\"}}}},\"scope\":{\"project\":{\"name\":\"" + SimulatorFixture.Region + "\"}}}}";
            using var response = http.PostAsync(new Uri(Sim.Endpoint, "v3/auth/tokens"), new StringContent(body, System.Text.Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
            return response.Headers.GetValues("X-Subject-Token").Single();
        }
    }
}
