using System;
using System.Linq;
using System.Text.RegularExpressions;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>What an operator reads: -Debug request and status lines, parameter names in errors.</summary>
    public class OperatorExperienceTests : ModuleTestBase, IClassFixture<SimulatorFixture>
    {
        public OperatorExperienceTests(SimulatorFixture sim) : base(sim) { }

        [Fact]
        public void Debug_shows_each_request_line_and_its_status_and_never_the_token()
        {
            Connect();
            var r = Ps.Run("Get-SmsTask -First 1 -Debug");
            Assert.True(r.Errors.Count == 0 && r.Terminating == null, r.Describe());
            var authority = Regex.Escape(Sim.Endpoint.GetLeftPart(UriPartial.Authority));

            // The request line: method and the URL as sent (query and all), before its headers.
            var request = Assert.Single(r.Debug, l => Regex.IsMatch(l, "^> GET " + authority + "/v3/tasks\\?.*limit=\\d+"));
            var requestAt = r.Debug.IndexOf(request);
            Assert.StartsWith("> X-Auth-Token: ", r.Debug.Skip(requestAt + 1).First(l => l.StartsWith("> X-Auth-Token", StringComparison.Ordinal)));
            // The status line, before the response headers.
            var status = Assert.Single(r.Debug, l => Regex.IsMatch(l, @"^< 200 OK \(\d+ ms\)$"));
            Assert.True(r.Debug.IndexOf(status) > requestAt);
            Assert.Contains(r.Debug, l => l == "> X-Auth-Token: ***");

            var tokens = Sim.Secrets.In("X-Auth-Token").Where(t => t.Length > 0).ToList();
            Assert.NotEmpty(tokens);
            foreach (var line in r.Debug)
            {
                foreach (var token in tokens) Assert.DoesNotContain(token, line);
            }
        }

        [Fact]
        public void A_bad_rule_of_Set_SmsTaskSpeedLimit_names_the_Rule_parameter()
        {
            Connect();
            var r = Ps.Run("Set-SmsTaskSpeedLimit -Id 0123456789abcdef0123456789abcdef -Rule @{ Start = '18:00'; End = '08:00'; Speed = 50 }");
            var error = r.SingleError();
            // The module's own exception (catchable by type), keeping the parameter's name.
            var argument = Assert.IsType<HuaweiMigration.HuaweiCloudArgumentException>(error.Exception);
            Assert.Equal("Rule", argument.ParamName);
            Assert.DoesNotContain("'rules'", error.ToString());
            Assert.Contains("Start must be before End", error.ToString());
        }
    }
}
