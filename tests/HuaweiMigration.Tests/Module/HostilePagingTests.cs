using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Paging never trusts <c>count</c> alone: a page that brings nothing new ends the listing with a warning naming
    /// both numbers, duplicates do not count as read, and a listing never asks for more pages than the first count
    /// allows. One mechanism (PageReader) for every listing: SMS tasks, source servers, DCS tasks and a wait's polls.
    /// </summary>
    public class HostilePagingTests : HostileEndpointTestBase
    {
        private static readonly string[] FirstPage = Enumerable.Range(1, 200).Select(i => TaskJson(TaskId(i), "web-" + i.ToString("000"))).ToArray();

        /// <summary>
        /// A service that ignores <c>offset</c>: every page is the first one, whatever the count says. After 60 list
        /// requests it answers empty pages, so a reader that trusts the count fails the test instead of running on.
        /// </summary>
        private void ServeFirstPageForEveryOffset(long count, string? state = null) =>
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(count, ListRequests.Count > 60 ? Array.Empty<string>()
                : state is null ? FirstPage : FirstPage.Select(t => t.Replace("\"READY\"", "\"" + state + "\"")))));

        [Theory]
        [InlineData(500)]
        [InlineData(2000000)]
        public void A_service_that_ignores_offset_gives_each_task_once_and_a_warning_naming_both_numbers(long count)
        {
            ServeFirstPageForEveryOffset(count);
            var r = Ps.Run("Get-SmsTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(FirstPage.Length, r.Objects<SmsTask>().Count());
            var warning = Assert.Single(r.Warning);
            Assert.Contains(count.ToString(), warning);
            Assert.Contains("200", warning);
            // The first page alone, then at most one window of pages in flight, of which the first that brings nothing new ends it.
            // The first page alone, then a window of 8 at most; a page read again after a transient failure on a busy
            // machine may add one or two (as in the source-server case below).
            Assert.True(ListRequests.Count >= 2 && ListRequests.Count <= 12, ListRequests.Count + " requests: " + string.Join(", ", ListRequests));
        }

        [Fact]
        public void A_state_filtered_listing_against_a_service_that_ignores_offset_ends_too()
        {
            // A state-filtered listing is read one page at a time at estimated offsets (a pipeline may shrink it).
            ServeFirstPageForEveryOffset(500, "RUNNING");
            var r = Ps.Run("Get-SmsTask -State RUNNING");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(200, r.Objects<SmsTask>().Count());
            Assert.Contains("500", Assert.Single(r.Warning));
            // 500 allows three pages.
            Assert.InRange(ListRequests.Count, 2, 3);
        }

        [Fact]
        public void A_count_that_grows_with_every_page_is_not_followed_past_the_first()
        {
            // Every page is full of tasks never seen before and says the list has grown by a thousand.
            Server.Map("GET", "^/v3/tasks$", ctx =>
            {
                var offset = HostileServer.QueryInt(ctx, "offset", 0);
                var limit = HostileServer.QueryInt(ctx, "limit", 100);
                var count = 450 + 1000L * (offset / 200);
                if (ListRequests.Count > 60) return HostileServer.Json(ctx, TaskPage(count, Array.Empty<string>()));
                return HostileServer.Json(ctx, TaskPage(count, Enumerable.Range(offset + 1, limit).Select(i => TaskJson(TaskId(i), "t" + i))));
            });
            var r = Ps.Run("Get-SmsTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            // 450 allows three pages (0, 200, 400); the third brings 200 records, of which the first 50 are the ones counted.
            Assert.Equal(3, ListRequests.Count);
            Assert.InRange(r.Objects<SmsTask>().Count(), 450, 600);
            Assert.All(ListRequests, q => Assert.True(int.Parse(q.Query["offset"]) < 450, q.ToString()));
        }

        [Fact]
        public void Source_servers_and_DCS_tasks_are_paged_by_the_same_rule()
        {
            var servers = Enumerable.Range(1, 200).Select(i => "{\"id\":\"src-" + i + "\",\"name\":\"server-" + i + "\",\"state\":\"waiting\",\"connected\":true}").ToArray();
            Server.Map("GET", "^/v3/sources$", ctx => HostileServer.Json(ctx, "{\"count\":2000000,\"source_servers\":[" + (Server.RequestsTo("GET", "^/v3/sources$").Count > 60 ? "" : string.Join(",", servers)) + "]}"));
            var dcs = Enumerable.Range(1, 1000).Select(i => "{\"task_id\":\"dcs-" + i + "\",\"task_name\":\"redis-" + i + "\",\"status\":\"MIGRATING\"}").ToArray();
            Server.Map("GET", "^/v2/" + HostileServer.ProjectId + "/migration-tasks$", ctx => HostileServer.Json(ctx, "{\"count\":2000000,\"migration_tasks\":[" + (Server.RequestsTo("GET", "/migration-tasks$").Count > 60 ? "" : string.Join(",", dcs)) + "]}"));

            var r = Ps.Run("Get-SmsSourceServer; Get-DcsMigrationTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(200, r.Objects<SmsSourceServer>().Count());
            Assert.Equal(1000, r.Objects<DcsMigrationTask>().Count());
            Assert.Equal(2, r.Warning.Count);
            // The first page alone, then at most a window of 8: the first page of the window ends the listing. On a
            // busy machine a page may be read again after a transient failure, so a little room is left above 9;
            // what matters is that two million records' worth of pages are never asked for.
            foreach (var path in new[] { "^/v3/sources$", "/migration-tasks$" })
            {
                var sent = Server.RequestsTo("GET", path);
                Assert.True(sent.Count >= 2 && sent.Count <= 12, sent.Count + " requests: " + string.Join(", ", sent));
            }
        }

        [Fact]
        public void A_wait_whose_polls_list_a_service_that_ignores_offset_polls_at_a_bounded_cost()
        {
            // 250 tasks, all paused already; the list says two million and repeats its first page; reads by id work.
            var rows = Enumerable.Range(1, 250).Select(i => TaskJson(TaskId(i), "db-" + i, "ABORT")).ToList();
            Server.Map("GET", "^/v3/tasks$", ctx => HostileServer.Json(ctx, TaskPage(2000000, ListRequests.Count > 60 ? Enumerable.Empty<string>() : rows.Take(200))));
            Server.Map("GET", "^/v3/tasks/[^/]+$", ctx =>
            {
                var id = ctx.Request.Path.Value!.Substring("/v3/tasks/".Length);
                var row = rows.FirstOrDefault(t => t.Contains("\"" + id + "\"", StringComparison.Ordinal));
                return row is null ? HostileServer.Json(ctx, "{\"error_code\":\"SMS.9999\",\"error_msg\":\"not found\"}", 404) : HostileServer.Json(ctx, row);
            });
            Ps.Set("ids", Enumerable.Range(1, 250).Select(TaskId).ToArray());

            var r = Ps.Run("$ids | Wait-SmsTask -State ABORT -PollInterval 0.1 -Timeout 120");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(250, r.Objects<SmsTask>().Count());
            Assert.True(ListRequests.Count <= 20, ListRequests.Count + " list requests");
        }
    }
}
