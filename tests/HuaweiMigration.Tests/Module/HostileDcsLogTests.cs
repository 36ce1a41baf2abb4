using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>GET …/logs answered by a hostile server: a log entry with a field of the wrong type costs only that entry.</summary>
    public class HostileDcsLogTests : HostileEndpointTestBase
    {
        private static string Entry(int i, string level) =>
            "{\"created_at\":\"2023-05-15T09:11:2" + i + ".449Z\",\"keyword\":[\"k" + i + "\"],\"log_code\":\"C" + i + "\",\"log_level\":" + level + ",\"message\":\"m" + i + "\"}";

        [Fact]
        public void An_entry_with_a_field_of_the_wrong_type_costs_only_that_entry()
        {
            const string id = "4f5a6b7c-0000-4000-8000-000000000001";
            var rows = new[] { Entry(1, "\"Info\""), Entry(2, "{\"v\":1}"), Entry(3, "\"Error\"").Replace("\"m3\"", "\"m3\\u001b[2J\"") };
            Server.Map("GET", "/migration-task/" + id + "/logs$", ctx => HostileServer.Json(ctx, "{\"log_num\":3,\"migration_logs\":[" + string.Join(",", rows) + "]}"));

            var r = Ps.Run("Get-DcsMigrationLog -Id $args[0]", id);

            Assert.Null(r.Terminating);
            var written = r.Objects<DcsMigrationLogEntry>().ToList();
            Assert.Equal(2, written.Count);
            Assert.Equal("m1", written[0].Message);
            // Server text is cleaned for a person: no escape sequence reaches the console.
            Assert.StartsWith("m3", written[1].Message);
            Assert.DoesNotContain("\u001b", written[1].Message!, StringComparison.Ordinal);
            Assert.Equal(new System.DateTime(2023, 5, 15, 9, 11, 21, 449, System.DateTimeKind.Utc), written[0].CreatedAt);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("log_level", error.ToString());
        }
    }
}
