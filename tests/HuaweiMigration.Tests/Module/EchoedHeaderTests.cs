using System.Linq;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// An error page that echoes the request's headers (a proxy's, a gateway's) never brings the token back into a
    /// message: what was sent is cut out of the answer before any of it is shown.
    /// </summary>
    public class EchoedHeaderTests : HostileEndpointTestBase
    {
        [Theory]
        [InlineData(502, "<html><body>Bad gateway. Request headers: X-Auth-Token: {0}; Accept: application/json</body></html>")]
        [InlineData(400, "{{\"error_code\":\"APIGW.0101\",\"error_msg\":\"bad request with X-Auth-Token {0}\"}}")]
        [InlineData(403, "{{\"error_code\":\"SMS.9004\",\"error_msg\":\"denied\",\"error_ext_msg\":\"token was {0}\"}}")]
        public void A_token_echoed_by_an_error_page_is_not_shown(int status, string page)
        {
            Server.Map("GET", "^/v3/tasks$", ctx =>
                HostileServer.Json(ctx, string.Format(System.Globalization.CultureInfo.InvariantCulture, page, ctx.Request.Headers["X-Auth-Token"].ToString()), status));

            var r = Ps.Run("Get-SmsTask");

            Assert.NotEmpty(r.Errors);
            var shown = r.AllText() + string.Join("\n", r.Errors.Select(e => e + "\n" + e.Exception + "\n" + e.ErrorDetails?.Message));
            Assert.DoesNotContain("MIIhostile-token", shown);
            Assert.Contains("***", shown);
        }

        [Fact]
        public void A_password_echoed_by_IAM_with_the_body_it_refused_is_not_shown()
        {
            Server.Map("POST", "^/v3/auth/tokens$", async ctx =>
            {
                using var reader = new System.IO.StreamReader(ctx.Request.Body);
                var body = await reader.ReadToEndAsync();
                var password = (string)Newtonsoft.Json.Linq.JObject.Parse(body).SelectToken("auth.identity.password.user.password")!;
                await HostileServer.Json(ctx, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: " + password + " in " + body.Replace("\"", "'") + "\"}", 401);
            });
            Ps.Set("cred", PsSession.Credential("sim-user", "Echoed-Passw0rd!"));

            var r = Ps.Run("Connect-HuaweiCloud -Region " + HostileServer.Region + " -Endpoint $endpoint -IamEndpoint $endpoint -Credential $cred -DomainName d -Debug -Verbose");

            Assert.True(r.Errors.Count > 0 || r.Terminating != null, r.Describe());
            var shown = r.AllText() + r.Describe() + string.Join("\n", r.Errors.Select(e => e + "\n" + e.Exception + "\n" + e.ErrorDetails?.Message));
            Assert.DoesNotContain("Echoed-Passw0rd!", shown);
            Assert.Contains("Incorrect IAM authentication information", shown);
        }
    }
}
