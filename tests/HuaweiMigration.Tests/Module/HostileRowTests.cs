using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// One unreadable item costs only that item: a field of the wrong type in one row of a page is a non-terminating
    /// InvalidResult error naming that task and the field, and the other rows are written; an answer that cannot be
    /// parsed at all is not retried as if the network had failed (an answer cut short still is).
    /// </summary>
    public class HostileRowTests : HostileEndpointTestBase
    {
        private static string Row(int i, string? extra = null) => TaskJson(TaskId(i), "web-" + i.ToString("000"), "READY", extra);

        private void AssertOneRowError(PsResult r, int i, params string[] fields)
        {
            var error = Assert.Single(r.Errors, e => Equals(e.TargetObject, TaskId(i)));
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.StartsWith("UnreadableField,", error.FullyQualifiedErrorId);
            var text = error.ToString();
            Assert.Contains("'web-" + i.ToString("000") + "'", text);
            Assert.Contains(TaskId(i), text);
            foreach (var field in fields) Assert.Contains(field, text);
        }

        private void AssertNotRetried()
        {
            Assert.Single(ListRequests);
            // Nothing was spent from the endpoint's retry budget (a 500 after this would still be retried).
            Assert.True(RetryBudget.For(Server.BaseUri).HasToken);
        }

        [Fact]
        public void One_task_of_200_with_fields_of_the_wrong_type_is_one_error_naming_it_and_the_others_are_written()
        {
            var rows = Enumerable.Range(1, 200).Select(i => Row(i)).ToArray();
            // Later fields override earlier ones of the same name, as Newtonsoft reads them.
            rows[56] = Row(57, "\"priority\":\"high\",\"create_date\":\"n/a\"");
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(200, rows)));

            var r = Ps.Run("Get-SmsTask");

            Assert.Null(r.Terminating);
            Assert.Equal(199, r.Objects<SmsTask>().Count());
            Assert.DoesNotContain(r.Objects<SmsTask>(), t => t.Id == TaskId(57));
            Assert.Single(r.Errors);
            AssertOneRowError(r, 57, "priority", "create_date", "\"high\"", "\"n/a\"");
            AssertNotRetried();
        }

        [Fact]
        public void Objects_and_lists_where_other_types_belong_cost_only_their_rows()
        {
            var rows = Enumerable.Range(1, 6).Select(i => Row(i)).ToArray();
            rows[0] = Row(1, "\"priority\":{\"level\":\"high\",\"list\":[1,2,{\"x\":null}]}");
            rows[1] = Row(2, "\"source_server\":[1,2]");
            rows[2] = Row(3, "\"sub_tasks\":[{\"id\":1,\"name\":\"CREATE_CLOUD_SERVER\",\"progress\":\"half\"}]");
            rows[3] = Row(4, "\"name\":{\"first\":\"web\"}");
            rows[4] = Row(5, "\"syncing\":\"maybe\",\"sub_tasks\":[7]");
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(6, rows)));

            var r = Ps.Run("Get-SmsTask");

            Assert.Null(r.Terminating);
            Assert.Equal(TaskId(6), Assert.Single(r.Objects<SmsTask>()).Id);
            Assert.Equal(5, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.InvalidResult, e.CategoryInfo.Category));
            AssertOneRowError(r, 1, "priority", "an object");
            AssertOneRowError(r, 2, "source_server");
            AssertOneRowError(r, 3, "sub_tasks[0].progress", "\"half\"");
            Assert.Contains("name", Assert.Single(r.Errors, e => Equals(e.TargetObject, TaskId(4))).ToString());
            AssertOneRowError(r, 5, "syncing", "sub_tasks[0]");
            AssertNotRetried();
        }

        [Fact]
        public void A_task_read_by_id_with_a_field_of_the_wrong_type_is_one_error_for_it_not_retried()
        {
            var id = TaskId(9);
            Server.Map("GET", "^/v3/tasks/[^/]+$", ctx => HostileServer.Json(ctx, Row(9, "\"create_date\":\"n/a\"")));
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(1, new[] { Row(9) })));

            var r = Ps.Run("Get-SmsTask -Id $args[0]", id);

            Assert.Null(r.Terminating);
            Assert.Empty(r.Objects<SmsTask>());
            Assert.Single(r.Errors);
            AssertOneRowError(r, 9, "create_date", "\"n/a\"");
            Assert.Single(Server.RequestsTo("GET", "^/v3/tasks/[^/]+$"));
        }

        [Fact]
        public void DCS_rows_flat_or_nested_cost_only_themselves()
        {
            var rows = new[]
            {
                "{\"task_id\":\"dcs-1\",\"task_name\":\"redis-1\",\"status\":\"MIGRATING\",\"created_at\":\"yesterday\"}",
                "{\"task_id\":\"dcs-2\",\"task_name\":\"redis-2\",\"status\":\"MIGRATING\",\"source_instance_proxy_multi_db\":\"perhaps\"}",
                "{\"task_id\":\"dcs-3\",\"task_name\":\"redis-3\",\"status\":\"SUCCESS\",\"created_at\":\"2024/01/02 03:04:05\"}",
            };
            Server.Map("GET", "/migration-tasks$", ctx => HostileServer.Json(ctx, "{\"count\":3,\"migration_tasks\":[" + string.Join(",", rows) + "]}"));

            var r = Ps.Run("Get-DcsMigrationTask");

            Assert.Null(r.Terminating);
            Assert.Equal("dcs-3", Assert.Single(r.Objects<DcsMigrationTask>()).TaskId);
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.InvalidResult, e.CategoryInfo.Category));
            Assert.Contains("created_at", Assert.Single(r.Errors, e => Equals(e.TargetObject, "dcs-1")).ToString());
            Assert.Contains("redis-1", Assert.Single(r.Errors, e => Equals(e.TargetObject, "dcs-1")).ToString());
            Assert.Contains("source_instance.proxy_multi_db", Assert.Single(r.Errors, e => Equals(e.TargetObject, "dcs-2")).ToString());
        }

        [Theory]
        [InlineData("<html><body><h1>200 OK</h1>Service maintenance</body></html>")]
        [InlineData("{\"count\":1,\"tasks\":[{\"id\":\"a\"}]} and more")]
        [InlineData("{\"count\":\"many\",\"tasks\":[]}")]
        [InlineData("{\"count\":2,\"tasks\":[5,{\"id\":\"a\"}]}")]
        [InlineData("{\"count\":1,\"tasks\":[{\"id\":\"a\" \"name\":\"b\"}]}")]
        public void An_answer_that_cannot_be_parsed_at_all_is_one_InvalidResult_error_and_not_retried(string body)
        {
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, body));

            var r = Ps.Run("Get-SmsTask");

            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("could not be read", error.ToString());
            AssertNotRetried();
        }

        [Fact]
        public void An_answer_cut_short_is_read_again_as_a_network_failure_is()
        {
            var rows = new[] { Row(1), Row(2) };
            // The body ends inside the JSON though HTTP saw a whole answer (a proxy that cut it and closed cleanly).
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, ListRequests.Count == 1 ? TaskPage(2, rows).Substring(0, 150) : TaskPage(2, rows)));

            var r = Ps.Run("Get-SmsTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(2, r.Objects<SmsTask>().Count());
            Assert.Equal(2, ListRequests.Count);
        }
    }
}
