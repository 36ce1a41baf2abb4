using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// <c>Retry-After</c> values beyond any sensible range (1e308, Infinity) are a Retry-After too long, never a crash;
    /// on a list read, during a wait and on an action, with 429 and with 503. No error is ever NotSpecified.
    /// </summary>
    public class HostileRetryAfterTests : HostileEndpointTestBase
    {
        private static Func<HttpContext, System.Threading.Tasks.Task> Refuse(int status, string retryAfter) => ctx =>
        {
            ctx.Response.Headers["Retry-After"] = retryAfter;
            return HostileServer.Json(ctx, status == 429
                ? "{\"error_code\":\"APIG.0308\",\"error_msg\":\"The throttling threshold has been reached.\"}"
                : "{\"error_code\":\"APIGW.0503\",\"error_msg\":\"Service unavailable.\"}", status);
        };

        [Theory]
        [InlineData(429, "1e308", ErrorCategory.LimitsExceeded)]
        [InlineData(429, "Infinity", ErrorCategory.LimitsExceeded)]
        [InlineData(503, "1e308", ErrorCategory.ConnectionError)]
        [InlineData(503, "Infinity", ErrorCategory.ConnectionError)]
        [InlineData(503, "99999999999999999999", ErrorCategory.ConnectionError)]
        [InlineData(429, "Fri, 31 Dec 9999 23:59:59 GMT", ErrorCategory.LimitsExceeded)]
        public void A_list_read_told_to_wait_beyond_any_sensible_range_is_one_error_saying_so(int status, string retryAfter, ErrorCategory category)
        {
            Server.Map("GET", "^/v3/tasks$", Refuse(status, retryAfter));
            var r = Ps.Run("Get-SmsTask");

            Assert.Null(r.Terminating);
            var error = r.SingleError();
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains("(Retry-After)", error.ToString());
            Assert.Single(ListRequests);
        }

        [Theory]
        [InlineData("NaN")]
        [InlineData("-5")]
        public void A_Retry_After_that_is_no_delay_is_ignored_and_the_read_retried(string retryAfter)
        {
            var rows = new[] { TaskJson(TaskId(1), "web-01") };
            Server.Map("GET", "^/v3/tasks$", ctx => ListRequests.Count == 1 ? Refuse(503, retryAfter)(ctx) : HostileServer.Json(ctx, TaskPage(1, rows)));
            var r = Ps.Run("Get-SmsTask");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Single(r.Objects<SmsTask>());
            Assert.Equal(2, ListRequests.Count);
        }

        [Theory]
        [InlineData(429, "1e308")]
        [InlineData(503, "Infinity")]
        public void A_wait_whose_polls_are_told_to_wait_forever_polls_again_and_fails_no_task(int status, string retryAfter)
        {
            var ids = new[] { TaskId(1), TaskId(2), TaskId(3) };
            Ps.Set("ids", ids);
            // Two polls are refused, then every task is paused.
            Server.Map("GET", "^/v3/tasks", ctx =>
            {
                if (Server.RequestsTo("GET", "^/v3/tasks").Count <= 2) return Refuse(status, retryAfter)(ctx);
                var path = ctx.Request.Path.Value!;
                if (path == "/v3/tasks") return HostileServer.Json(ctx, TaskPage(3, ids.Select(id => TaskJson(id, "db-" + id.Substring(id.Length - 1), "ABORT"))));
                var id = path.Substring("/v3/tasks/".Length);
                return HostileServer.Json(ctx, TaskJson(id, "db-" + id.Substring(id.Length - 1), "ABORT"));
            });
            var r = Ps.Run("$ids | Wait-SmsTask -State ABORT -PollInterval 0.1 -Timeout 60");

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(ids, r.Objects<SmsTask>().Select(t => t.Id).OrderBy(i => i));
            Assert.True(Server.RequestsTo("GET", "^/v3/tasks").Count >= 3);
        }

        [Theory]
        [InlineData("1e308")]
        [InlineData("Infinity")]
        public void An_action_answered_503_with_a_Retry_After_too_long_is_read_first_and_counts_when_it_took_effect(string retryAfter)
        {
            var id = TaskId(7);
            var state = "RUNNING";
            Server.Map("GET", "^/v3/tasks", ctx => ctx.Request.Path.Value == "/v3/tasks"
                ? HostileServer.Json(ctx, TaskPage(1, new[] { TaskJson(id, "web-07", state) }))
                : HostileServer.Json(ctx, TaskJson(id, "web-07", state)));
            // The stop is carried out, but the gateway answers 503 and asks to come back never.
            Server.Map("POST", "^/v3/tasks/[^/]+/action$", ctx =>
            {
                state = "ABORTING";
                return Refuse(503, retryAfter)(ctx);
            });
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Confirm:$false -Verbose", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(SmsTaskState.ABORTING, Assert.Single(r.Objects<SmsTask>()).State);
            var post = Assert.Single(Server.RequestsTo("POST", "/action$"));
            // The task was read to see whether the stop took effect.
            Assert.Contains(Server.Requests, q => q.Method == "GET" && q.Sequence > post.Sequence);
            Assert.Contains(r.Verbose, v => v.Contains("did take effect", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(503, "1e308", ErrorCategory.ConnectionError)]
        [InlineData(429, "Infinity", ErrorCategory.LimitsExceeded)]
        public void An_action_that_did_not_take_effect_is_not_sent_again_after_a_Retry_After_too_long(int status, string retryAfter, ErrorCategory category)
        {
            var id = TaskId(8);
            Server.Map("GET", "^/v3/tasks", ctx => ctx.Request.Path.Value == "/v3/tasks"
                ? HostileServer.Json(ctx, TaskPage(1, new[] { TaskJson(id, "web-08", "RUNNING") }))
                : HostileServer.Json(ctx, TaskJson(id, "web-08", "RUNNING")));
            Server.Map("POST", "^/v3/tasks/[^/]+/action$", Refuse(status, retryAfter));
            var r = Ps.Run("Suspend-SmsTask -Id $args[0] -Confirm:$false", id);

            Assert.Null(r.Terminating);
            var error = r.SingleError();
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Equal(id, error.TargetObject);
            Assert.Contains("Retry-After", error.ToString());
            Assert.Single(Server.RequestsTo("POST", "/action$"));
        }
    }
}
