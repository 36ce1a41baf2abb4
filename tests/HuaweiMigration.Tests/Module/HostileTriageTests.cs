using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// GET /v3/errors answered by a hostile server: a row with a field of the wrong type costs only that row (an
    /// InvalidResult error naming the source server and the field); error_json sent as an object, not as text, is
    /// still read; the paging asks for nothing past the count.
    /// </summary>
    public class HostileTriageTests : HostileEndpointTestBase
    {
        private static string ErrorRow(int i, string errorJson, string? sourceIp = null) =>
            "{\"name\":\"srv-" + i + "\",\"source_id\":\"" + TaskId(i) + "\",\"host_name\":\"h" + i + "\",\"source_ip\":" + (sourceIp ?? "\"10.0.0." + i + "\"")
            + ",\"target_ip\":\"10.1.0." + i + "\",\"error_json\":" + errorJson + "}";

        [Fact]
        public void A_row_with_a_field_of_the_wrong_type_costs_only_that_row_and_an_object_error_json_is_read()
        {
            var rows = new[]
            {
                ErrorRow(1, "\"{\\\"error_code\\\":\\\"SMS.6509\\\",\\\"error_msg\\\":\\\"disk\\\"}\""),
                ErrorRow(2, "\"{}\"", sourceIp: "{\"v4\":\"10.0.0.2\"}"),
                ErrorRow(3, "{\"error_code\":\"SMS.3802\",\"error_msg\":\"agent gone\",\"error_param\":[\"x\"]}"),
            };
            Server.Map("GET", "^/v3/errors$", ctx => HostileServer.Json(ctx, "{\"count\":3,\"migration_errors\":[" + string.Join(",", rows) + "]}"));

            var r = Ps.Run("Get-SmsMigrationError");

            Assert.Null(r.Terminating);
            var written = r.Objects<SmsMigrationError>().ToDictionary(e => e.Name!);
            Assert.Equal(new[] { "srv-1", "srv-3" }, written.Keys.OrderBy(k => k));
            Assert.Equal("SMS.6509", written["srv-1"].ErrorCode);
            Assert.Equal(("SMS.3802", "agent gone"), (written["srv-3"].ErrorCode, written["srv-3"].ErrorMessage));
            Assert.Equal(new[] { "x" }, written["srv-3"].ErrorParameters);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Equal(TaskId(2), error.TargetObject);
            Assert.Contains("'srv-2'", error.ToString());
            Assert.Contains("source_ip", error.ToString());
            var request = Assert.Single(Server.RequestsTo("GET", "^/v3/errors$"));
            Assert.Equal("0", request.Query["offset"]);
        }
    }
}
