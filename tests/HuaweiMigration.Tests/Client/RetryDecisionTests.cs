using System;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Http;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>The one retry decision, by table: no HTTP, no clock, no randomness.</summary>
    public class RetryDecisionTests
    {
        private static readonly RetryPolicy Policy = new RetryPolicy();

        [Theory]
        // kind, idempotent, attempt, elapsed s, budget left, retry-after s (-1 none) → action, delay ms (-1 any), spends budget
        [InlineData(FailureKind.Definitive, true, 0, 0, true, -1, RetryAction.GiveUp, -1, false)]
        [InlineData(FailureKind.Definitive, false, 0, 0, true, -1, RetryAction.GiveUp, -1, false)]
        [InlineData(FailureKind.ServerError, true, 0, 0, true, -1, RetryAction.Retry, 100, true)]   // 500 retried like 502-504
        [InlineData(FailureKind.ServerError, false, 0, 0, true, -1, RetryAction.ReadFirst, 100, false)]
        [InlineData(FailureKind.Connection, false, 9, 600, false, -1, RetryAction.ReadFirst, -1, false)] // an open action is read whatever the limits
        [InlineData(FailureKind.Unreadable, true, 0, 0, true, -1, RetryAction.Retry, 100, true)]
        [InlineData(FailureKind.Unreadable, false, 0, 0, true, -1, RetryAction.ReadFirst, 100, false)]
        [InlineData(FailureKind.Malformed, true, 0, 0, true, -1, RetryAction.GiveUp, -1, false)]    // read whole, not JSON: the same again
        [InlineData(FailureKind.Malformed, false, 0, 0, true, -1, RetryAction.ReadFirst, 100, false)]
        [InlineData(FailureKind.Oversized, true, 0, 0, true, -1, RetryAction.GiveUp, -1, false)]
        [InlineData(FailureKind.Oversized, false, 0, 0, true, -1, RetryAction.ReadFirst, -1, false)]
        [InlineData(FailureKind.Throttled, false, 0, 0, false, -1, RetryAction.Retry, 100, false)] // not processed: safe, and free
        [InlineData(FailureKind.NotSent, false, 1, 0, false, -1, RetryAction.Retry, 200, false)]
        [InlineData(FailureKind.Timeout, true, 2, 0, true, -1, RetryAction.Retry, 400, true)]
        [InlineData(FailureKind.Timeout, true, 2, 0, false, -1, RetryAction.GiveUp, -1, false)]     // budget spent
        [InlineData(FailureKind.ServerError, true, 6, 0, true, -1, RetryAction.GiveUp, -1, false)]  // 7 attempts made
        [InlineData(FailureKind.ServerError, true, 5, 0, true, -1, RetryAction.Retry, -1, true)]
        [InlineData(FailureKind.ServerError, true, 3, 59.9, true, -1, RetryAction.GiveUp, -1, false)] // past the window
        [InlineData(FailureKind.Throttled, true, 0, 0, true, 7, RetryAction.Retry, 7000, false)]
        [InlineData(FailureKind.Throttled, true, 0, 0, true, 100000, RetryAction.GiveUp, -1, false)]
        [InlineData(FailureKind.ServerError, true, 10, 0, true, -1, RetryAction.GiveUp, -1, false)]
        // The enums are internal (plumbing): the table passes them boxed.
        public void Decides_by_the_table(object kindValue, bool idempotent, int attempt, double elapsed, bool budget, double retryAfter, object actionValue, double delayMs, bool spends)
        {
            var (kind, action) = ((FailureKind)kindValue, (RetryAction)actionValue);
            var verdict = RetryDecision.Decide(
                new RetryInput(kind, idempotent, attempt, TimeSpan.FromSeconds(elapsed), budget, retryAfter < 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(retryAfter), jitter: 0.5),
                Policy);
            Assert.Equal(action, verdict.Action);
            if (delayMs >= 0) Assert.Equal(delayMs, verdict.Delay.TotalMilliseconds, 3);
            Assert.Equal(spends, verdict.SpendsBudget);
        }

        [Fact]
        public void A_Retry_After_beyond_the_window_is_named_with_both_numbers()
        {
            var verdict = RetryDecision.Decide(new RetryInput(FailureKind.Throttled, true, 0, TimeSpan.Zero, true, TimeSpan.FromSeconds(100000)), Policy);
            Assert.Contains("100000 seconds", verdict.Reason);
            Assert.Contains("Retry-After", verdict.Reason);
            Assert.Contains("30 seconds", verdict.Reason);
        }

        [Fact]
        public void Backoff_is_full_jitter_doubling_up_to_the_cap()
        {
            Assert.Equal(0, RetryDecision.BackoffOf(new RetryInput(FailureKind.ServerError, true, 3, TimeSpan.Zero, true, jitter: 0), Policy).TotalMilliseconds);
            Assert.Equal(1600 * 0.999999, RetryDecision.BackoffOf(new RetryInput(FailureKind.ServerError, true, 3, TimeSpan.Zero, true, jitter: 1), Policy).TotalMilliseconds, 1);
            Assert.Equal(5000 * 0.25, RetryDecision.BackoffOf(new RetryInput(FailureKind.ServerError, true, 12, TimeSpan.Zero, true, jitter: 0.25), Policy).TotalMilliseconds, 3);
        }

        [Theory]
        [InlineData(ApiErrorKind.ServerError, 500, FailureKind.ServerError)]
        [InlineData(ApiErrorKind.ServerError, 503, FailureKind.ServerError)]
        [InlineData(ApiErrorKind.ServerError, 501, FailureKind.Definitive)]
        [InlineData(ApiErrorKind.InvalidResponse, 200, FailureKind.Malformed)]
        [InlineData(ApiErrorKind.PermissionDenied, 403, FailureKind.Definitive)]
        [InlineData(ApiErrorKind.Throttled, 429, FailureKind.Throttled)]
        public void Classifies_the_clients_errors(ApiErrorKind kind, int status, object expected)
        {
            Assert.Equal((FailureKind)expected, RetryDecision.Classify(new HuaweiCloudApiException("x", kind, status)));
        }

        [Fact]
        public void An_answer_that_ended_before_its_JSON_is_unreadable_and_read_again()
        {
            Assert.Equal(FailureKind.Unreadable, RetryDecision.Classify(new HuaweiCloudApiException("x", ApiErrorKind.InvalidResponse, 200) { Truncated = true }));
        }
    }
}
