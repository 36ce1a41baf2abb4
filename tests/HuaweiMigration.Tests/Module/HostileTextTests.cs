using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Server text shown to a person (names, messages, error_json) has control characters and terminal escape
    /// sequences removed, once, where it is read: the objects, their unknown fields, and the errors built from error
    /// bodies hold no ESC, BEL or C1 character. Ids are kept as sent (and refused before use).
    /// </summary>
    public class HostileTextTests : HostileEndpointTestBase
    {
        // Window title (OSC ... BEL), clear screen, red, a C1 CSI, a string terminated by ESC \, a lone BEL.
        private const string Hostile = "web\u001b]0;pwned\u0007\u001b[2J01";
        private const string Coloured = "disk \u001b[31mfull\u001b[0m \u009b2J\u001bPq#0\u001b\\ok\u0007";

        private static string J(string s) => Newtonsoft.Json.JsonConvert.ToString(s);

        private static bool IsControl(char c) => c < ' ' || (c >= '\u007f' && c <= '\u009f');

        /// <summary>Every text an object holds, properties and unknown fields, nested objects and lists included.</summary>
        private static IEnumerable<(string Where, string Text)> Texts(object? value, string where, int depth = 0)
        {
            if (value is null || depth > 8) yield break;
            if (value is string s)
            {
                yield return (where, s);
                yield break;
            }
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry e in dictionary)
                {
                    yield return (where + "{key}", e.Key.ToString()!);
                    foreach (var t in Texts(e.Value, where + "." + e.Key, depth + 1)) yield return t;
                }
                yield break;
            }
            if (value is IEnumerable list)
            {
                var i = 0;
                foreach (var item in list) foreach (var t in Texts(item, where + "[" + i++ + "]", depth + 1)) yield return t;
                yield break;
            }
            if (!(value is ApiObject)) yield break;
            foreach (var p in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            {
                foreach (var t in Texts(p.GetValue(value), where + "." + p.Name, depth + 1)) yield return t;
            }
        }

        private static void AssertPrintable(object value)
        {
            var dirty = Texts(value, value.GetType().Name).Where(t => t.Text.Any(IsControl)).Select(t => t.Where).ToList();
            Assert.True(dirty.Count == 0, "control characters in " + string.Join(", ", dirty));
        }

        private static void AssertPrintable(ErrorRecord error)
        {
            var texts = new List<string?> { error.ToString(), error.FullyQualifiedErrorId, error.ErrorDetails?.Message, error.ErrorDetails?.RecommendedAction, error.CategoryInfo.ToString() };
            for (var e = error.Exception; e != null; e = e.InnerException)
            {
                texts.Add(e.Message);
                if (e is HuaweiMigration.HuaweiCloudApiException api)
                {
                    texts.Add(api.ErrorCode);
                    texts.Add(api.ErrorMessage);
                    texts.Add(api.RequestId);
                    texts.AddRange(api.ErrorParameters);
                    texts.AddRange(api.Details.Select(d => d.ToString()));
                }
            }
            Assert.DoesNotContain(texts, t => t != null && t.Any(IsControl));
        }

        [Fact]
        public void Names_messages_and_error_json_of_SMS_tasks_hold_no_escape_sequence()
        {
            var id = TaskId(1);
            var task = TaskJson(id, Hostile, "MIGRATE_FAIL",
                "\"error_json\":" + J("{\"error_code\":\"SMS.6001\",\"error_msg\":" + J(Coloured) + "}")
                + ",\"sub_tasks\":[{\"id\":1,\"name\":" + J("CREATE\u009b2J_CLOUD_SERVER") + ",\"progress\":40,\"process_trace\":" + J(Coloured) + "}]"
                + ",\"clone_server\":{\"vm_id\":\"vm-1\",\"name\":" + J(Hostile) + "}"
                + ",\"notes\":" + J(Coloured) + ",\"extra\":{\"why\":" + J(Coloured) + ",\"list\":[" + J(Hostile) + "]}");
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(1, new[] { task })));
            Server.Map("GET", "^/v3/tasks/[^/]+$", ctx => HostileServer.Json(ctx, task));

            var r = Ps.Run("Get-SmsTask; Get-SmsTask -Id $args[0]", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            var tasks = r.Objects<SmsTask>().ToList();
            Assert.Equal(2, tasks.Count);
            Assert.All(tasks, t =>
            {
                Assert.Equal("web01", t.Name);
                Assert.Equal("disk full ok", t.SubTasks[0].ProcessTrace);
                Assert.Contains("disk full ok", t.ErrorJson);
                Assert.Equal(id, t.Id);
                AssertPrintable(t);
            });
        }

        [Fact]
        public void Source_servers_and_DCS_tasks_hold_no_escape_sequence()
        {
            Server.Map("GET", "^/v3/sources$", ctx => HostileServer.Json(ctx, "{\"count\":1,\"source_servers\":[{\"id\":\"src-1\",\"name\":" + J(Hostile) + ",\"state\":\"waiting\",\"connected\":true,\"hostname\":" + J(Coloured) + "}]}"));
            Server.Map("GET", "/migration-tasks$", ctx => HostileServer.Json(ctx, "{\"count\":1,\"migration_tasks\":[{\"task_id\":\"dcs-1\",\"task_name\":" + J(Hostile)
                + ",\"status\":\"FAILED\",\"description\":" + J(Coloured) + ",\"error_message\":" + J(Coloured) + ",\"source_instance_name\":" + J(Hostile) + "}]}"));

            var r = Ps.Run("Get-SmsSourceServer; Get-DcsMigrationTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            var server = Assert.Single(r.Objects<SmsSourceServer>());
            Assert.Equal("web01", server.Name);
            AssertPrintable(server);
            var dcs = Assert.Single(r.Objects<DcsMigrationTask>());
            Assert.Equal("web01", dcs.TaskName);
            Assert.Equal("web01", dcs.SourceInstance?.Name);
            AssertPrintable(dcs);
        }

        [Fact]
        public void An_error_body_with_escape_sequences_is_an_error_record_without_them()
        {
            var id = TaskId(2);
            Server.Map("GET", "^/v3/tasks", ctx => ctx.Request.Path.Value == "/v3/tasks"
                ? HostileServer.Json(ctx, TaskPage(1, new[] { TaskJson(id, "web-02", "READY") }))
                : HostileServer.Json(ctx, TaskJson(id, "web-02", "READY")));
            Server.Map("POST", "/action$", ctx => HostileServer.Json(ctx, "{\"error_code\":" + J("SMS.10\u001b[2J38") + ",\"error_msg\":" + J("Only running " + Hostile + " tasks can be paused.")
                + ",\"error_param\":[" + J(Coloured) + "],\"details\":[{\"error_code\":\"SMS.1\",\"error_msg\":" + J(Coloured) + "}],\"encoded_authorization_message\":" + J(Coloured) + "}", 400));

            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Confirm:$false", id);

            var error = r.SingleError();
            Assert.Contains("Only running web01 tasks can be paused.", error.ToString());
            Assert.StartsWith("SMS.1038,", error.FullyQualifiedErrorId);
            AssertPrintable(error);
        }

        [Fact]
        public void An_error_body_that_is_not_JSON_is_quoted_without_escape_sequences()
        {
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, "<html>" + Hostile + Coloured + "</html>", 404));

            var r = Ps.Run("Get-SmsTask");

            var error = r.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            AssertPrintable(error);
        }

        [Fact]
        public void An_id_holding_an_escape_sequence_is_an_unreadable_field_never_changed_into_another_nor_shown()
        {
            var sent = "0b1c2d3e\u001b[2J-0001";
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(1, new[] { TaskJson(sent, "web-01", "RUNNING") })));

            var r = Ps.Run("Get-SmsTask | Suspend-SmsTask -Confirm:$false");

            var error = r.SingleError();
            Assert.StartsWith("UnreadableField,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("web-01", error.ToString());
            // Ordinal: a culture-aware search ignores control characters and "finds" one anywhere.
            Assert.DoesNotContain("\u001b", error + "|" + error.TargetObject + "|" + r.AllText(), StringComparison.Ordinal);
            Assert.Empty(r.Output);
            Assert.Empty(Server.RequestsTo("POST", "/action$"));
        }
    }
}
