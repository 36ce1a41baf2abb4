using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Secret-like fields are never kept or shown: AdditionalProperties drops them by a broad rule (look-alike names
    /// too) at any depth; JSON-looking server text (error_json, a description, an error message) has their values
    /// redacted; an error body with no code or message is not quoted raw.
    /// </summary>
    public class HostileSecretTests : HostileEndpointTestBase
    {
        private static readonly string[] Secrets = { "hunter1", "hunter2", "hunter3", "hunter4", "hunter5", "hunter6", "hunter7", "hunter8", "hunter9", "hunterA", "hunterB", "hunterC", "hunterD", "hunterE", "hunterF" };

        private static string J(string s) => Newtonsoft.Json.JsonConvert.ToString(s);

        /// <summary>Everything a person or a script could see of the output: all streams, and the objects as JSON.</summary>
        private string Seen(string command)
        {
            var r = Ps.Run(command + " | ConvertTo-Json -Depth 20 -Compress");
            var objects = Ps.Run(command);
            return r.AllText() + objects.AllText() + string.Join("\n", objects.Errors.Select(e => e.Exception?.ToString()));
        }

        [Fact]
        public void Unknown_fields_with_secret_like_or_look_alike_names_are_dropped_at_any_depth()
        {
            var extra = string.Join(",", new[]
            {
                "\"user_pwd\":\"hunter1\"", "\"ssh_passphrase\":\"hunter2\"", "\"client_secret\":\"hunter3\"", "\"refresh_token\":\"hunter4\"",
                "\"Credentials\":\"hunter5\"", "\"private_key\":\"hunter6\"", "\"privateKey\":\"hunter7\"", "\"apiKey\":\"hunter8\"", "\"API_KEY\":\"hunter9\"",
                "\"Authorization\":\"hunterA\"", "\"auth\":\"hunterB\"", "\"SK\":\"hunterC\"",
                "\"p\u0430ssword\":\"hunterD\"", "\"pass\u200bword\":\"hunterE\"", "\"x-api-k\":\"hunterF\"",
                "\"zone\":\"az1\"", "\"disk_count\":2", "\"author\":\"ops\"", "\"auth_mode\":\"iam\"",
                "\"extra\":{\"zone\":\"az2\",\"api_key\":\"hunter8\",\"inner\":{\"Passwd\":\"hunter1\",\"ok\":1},\"list\":[{\"sk\":\"hunterC\",\"n\":2}]}",
            });
            var task = TaskJson(TaskId(1), "web-01", "READY", extra);
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(1, new[] { task })));

            var r = Ps.Run("Get-SmsTask");
            var read = Assert.Single(r.Objects<SmsTask>());

            Assert.Equal(new[] { "auth_mode", "author", "disk_count", "extra", "zone" }, read.AdditionalProperties.Keys.OrderBy(k => k, StringComparer.Ordinal));
            var nested = (IDictionary<string, object?>)read.AdditionalProperties["extra"]!;
            Assert.Equal(new[] { "inner", "list", "zone" }, nested.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(new[] { "ok" }, ((IDictionary<string, object?>)nested["inner"]!).Keys);
            Assert.Equal(new[] { "n" }, ((IDictionary<string, object?>)((object[])nested["list"]!)[0]!).Keys);
            var seen = Seen("Get-SmsTask");
            Assert.All(Secrets, s => Assert.DoesNotContain(s, seen));
        }

        [Fact]
        public void Secret_like_keys_in_JSON_looking_server_text_have_their_values_redacted()
        {
            var errorJson = "{\"error_code\":\"SMS.6001\",\"error_msg\":\"login failed\",\"password\":\"hunter1\",\"detail\":{\"db_pwd\":\"hunter2\",\"host\":\"10.0.0.1\"},\"items\":[{\"token\":{\"v\":\"hunter3\"}}],\"p\u0430ssword\":\"hunter4\"}";
            var task = TaskJson(TaskId(1), "web-01", "MIGRATE_FAIL", "\"error_json\":" + J(errorJson));
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(1, new[] { task })));
            Server.Map("GET", "/migration-tasks$", ctx => HostileServer.Json(ctx, "{\"count\":1,\"migration_tasks\":[{\"task_id\":\"dcs-1\",\"task_name\":\"redis-1\",\"status\":\"FAILED\","
                + "\"description\":{\"note\":\"cutover at 2am\",\"secret\":\"hunter5\"},\"error_message\":" + J("{\"reason\":\"AUTH failed\",\"source_password\":\"hunter6\"}") + "}]}"));

            var r = Ps.Run("Get-SmsTask; Get-DcsMigrationTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            var sms = Assert.Single(r.Objects<SmsTask>());
            Assert.Contains("login failed", sms.ErrorJson);
            Assert.Contains("10.0.0.1", sms.ErrorJson);
            Assert.Contains("\"password\":\"***\"", sms.ErrorJson);
            var dcs = Assert.Single(r.Objects<DcsMigrationTask>());
            Assert.Contains("cutover at 2am", dcs.Description);
            Assert.Contains("AUTH failed", dcs.ErrorMessage);
            var seen = Seen("Get-SmsTask; Get-DcsMigrationTask");
            Assert.All(Secrets.Take(6), s => Assert.DoesNotContain(s, seen));
        }

        [Theory]
        [InlineData(403, "{\"detail\":\"boom\",\"password\":\"hunter1\",\"auth\":{\"token\":\"hunter2\"}}", "boom")]
        [InlineData(400, "password=hunter1&user=bob&api_key: 'hunter2'", "user=bob")]
        // Statuses that are not retried, so each case is one request.
        [InlineData(501, "<html><head><title>502 Bad Gateway</title></head><body>X-Auth-Token: hunter1 Authorization=\"SDK hunter2\"</body></html>", "502 Bad Gateway")]
        public void An_error_body_without_code_or_message_is_described_not_quoted_raw(int status, string body, string kept)
        {
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, body, status));

            var r = Ps.Run("Get-SmsTask");

            var error = r.SingleError();
            Assert.NotEqual(ErrorCategory.NotSpecified, error.CategoryInfo.Category);
            var text = error.ToString();
            Assert.Contains("answered HTTP " + status + " without an error code or message", text);
            Assert.Contains(kept, text);
            var all = r.AllText();
            Assert.DoesNotContain("hunter1", all);
            Assert.DoesNotContain("hunter2", all);
        }

        [Fact]
        public void An_error_body_without_code_or_message_is_quoted_short()
        {
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, "<html>" + new string('x', 5000) + "</html>", 404));

            var error = Ps.Run("Get-SmsTask").SingleError();

            Assert.InRange(error.Exception.Message.Length, 50, 400);
        }
    }
}
