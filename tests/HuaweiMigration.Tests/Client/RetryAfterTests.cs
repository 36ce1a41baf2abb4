using System;
using HuaweiMigration.Client.Http;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary><c>Retry-After</c> as a hostile service may send it: never a crash, and past any sensible range a wait too long.</summary>
    public class RetryAfterTests
    {
        private static readonly RetryPolicy Policy = new RetryPolicy();

        [Theory]
        [InlineData("1e308")]
        [InlineData("Infinity")]
        [InlineData("+Infinity")]
        [InlineData("99999999999999999999")]
        [InlineData("1.7976931348623157E+308")]
        [InlineData("922337203685")]
        public void A_delay_beyond_any_sensible_range_is_a_wait_too_long_not_an_overflow(string header)
        {
            var wait = ApiTransport.ParseRetryAfter(header);
            Assert.Equal(TimeSpan.MaxValue, wait);
            var verdict = RetryDecision.Decide(new RetryInput(FailureKind.Throttled, true, 0, TimeSpan.Zero, true, wait), Policy);
            Assert.Equal(RetryAction.GiveUp, verdict.Action);
            Assert.Contains("longer than any sensible time", verdict.Reason);
            Assert.Contains("Retry-After", verdict.Reason);
        }

        [Theory]
        [InlineData("NaN")]
        [InlineData("-1")]
        [InlineData("-Infinity")]
        [InlineData("")]
        [InlineData("soon")]
        public void A_value_that_is_no_delay_is_ignored(string header)
        {
            Assert.Null(ApiTransport.ParseRetryAfter(header));
        }

        [Theory]
        [InlineData("0", 0)]
        [InlineData("7", 7)]
        [InlineData(" 1.5 ", 1.5)]
        [InlineData("Mon, 01 Jan 0001 00:00:00 GMT", 0)]
        [InlineData("Thu, 01 Jan 1970 00:00:00 GMT", 0)]
        public void Delays_and_past_dates_are_read(string header, double seconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), ApiTransport.ParseRetryAfter(header));
        }

        [Fact]
        public void A_date_far_in_the_future_is_a_wait_too_long()
        {
            var wait = ApiTransport.ParseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT");
            Assert.NotNull(wait);
            Assert.True(wait > TimeSpan.FromDays(365 * 7000));
            Assert.Equal(RetryAction.GiveUp, RetryDecision.Decide(new RetryInput(FailureKind.ServerError, true, 0, TimeSpan.Zero, true, wait), Policy).Action);
        }

        [Fact]
        public void An_action_whose_outcome_is_open_is_read_first_but_not_sent_again_after_a_wait_too_long()
        {
            var verdict = RetryDecision.Decide(new RetryInput(FailureKind.ServerError, false, 0, TimeSpan.Zero, true, TimeSpan.MaxValue), Policy);
            Assert.Equal(RetryAction.ReadFirst, verdict.Action);
            Assert.Equal(TimeSpan.Zero, verdict.Delay);
            Assert.Contains("Retry-After", verdict.Reason);
            // Within the window, the re-send waits as asked.
            var honoured = RetryDecision.Decide(new RetryInput(FailureKind.ServerError, false, 0, TimeSpan.Zero, true, TimeSpan.FromSeconds(2)), Policy);
            Assert.Equal(RetryAction.ReadFirst, honoured.Action);
            Assert.Equal(TimeSpan.FromSeconds(2), honoured.Delay);
            Assert.Null(honoured.Reason);
        }
    }
}
