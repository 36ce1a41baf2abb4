using System;
using System.Globalization;

namespace HuaweiMigration.Client.Http
{
    /// <summary>What a failed attempt was, as far as retrying is concerned.</summary>
    internal enum FailureKind
    {
        /// <summary>An answer that settles the call (400, 401 after renewal, 403, 404, 409, 501…): never retried.</summary>
        Definitive,
        /// <summary>429 / APIG.0308: the request was not processed.</summary>
        Throttled,
        /// <summary>The connection could not be made: the request never left this machine.</summary>
        NotSent,
        /// <summary>500, 502, 503, 504: the service may or may not have acted.</summary>
        ServerError,
        /// <summary>The connection failed after the request was sent (reset, cut body).</summary>
        Connection,
        /// <summary>No answer in time.</summary>
        Timeout,
        /// <summary>A success status whose body ended before its JSON did (cut on the way): asking again may bring it whole.</summary>
        Unreadable,
        /// <summary>An answer over the size cap: asking again would bring the same.</summary>
        Oversized,
        /// <summary>A success read whole that is not the JSON the API sends (not JSON at all, or not its shape): asking again would bring the same.</summary>
        Malformed,
    }

    /// <summary>What to do after a failed attempt.</summary>
    internal enum RetryAction
    {
        /// <summary>Send the same request again after <see cref="RetryVerdict.Delay"/>.</summary>
        Retry,
        /// <summary>An action whose outcome is open: read the object to see whether it took effect before anything else.</summary>
        ReadFirst,
        /// <summary>Report the failure.</summary>
        GiveUp,
    }

    /// <summary>The decision, with the delay before the next attempt and, for a give-up, why.</summary>
    internal readonly struct RetryVerdict
    {
        internal RetryVerdict(RetryAction action, TimeSpan delay, bool spendsBudget, string? reason)
        {
            Action = action;
            Delay = delay;
            SpendsBudget = spendsBudget;
            Reason = reason;
        }

        public RetryAction Action { get; }
        public TimeSpan Delay { get; }

        /// <summary>True when the retry is paid from the endpoint's retry budget (server and connection failures).</summary>
        public bool SpendsBudget { get; }

        /// <summary>
        /// Why the call gives up, for the message (null when the failure speaks for itself); for a read-first, why the
        /// action is not sent again even if the read shows it did not take effect (a Retry-After too long).
        /// </summary>
        public string? Reason { get; }

        public override string ToString() => Action + (Action == RetryAction.GiveUp ? " (" + Reason + ")" : " after " + Delay.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms");
    }

    /// <summary>One failed attempt, as the decision needs it.</summary>
    internal readonly struct RetryInput
    {
        public RetryInput(FailureKind kind, bool idempotent, int attempt, TimeSpan elapsed, bool budgetLeft, TimeSpan? retryAfter = null, double jitter = 0.5)
        {
            Kind = kind;
            Idempotent = idempotent;
            Attempt = attempt;
            Elapsed = elapsed;
            BudgetLeft = budgetLeft;
            RetryAfter = retryAfter;
            Jitter = jitter;
        }

        public FailureKind Kind { get; }

        /// <summary>True when sending the request twice does no harm (reads).</summary>
        public bool Idempotent { get; }

        /// <summary>Retries (or, for an action, re-sends) already made: 0 after the first attempt.</summary>
        public int Attempt { get; }

        /// <summary>Time since the first attempt.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Whether the endpoint's retry budget has a retry left.</summary>
        public bool BudgetLeft { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>A number in [0, 1) that places the delay within its full-jitter window (random in use, fixed in tests).</summary>
        public double Jitter { get; }
    }

    /// <summary>
    /// The one place that decides whether a failed call is tried again: the transport (every request), the waiter
    /// (whether a failed poll is passing) and the action senders (what to do when an action's outcome is open) all
    /// ask it. Pure: the same input gives the same verdict, so it is tested by table, without HTTP.
    /// </summary>
    internal static class RetryDecision
    {
        /// <summary>The kind of a failure, from the client's one error type.</summary>
        public static FailureKind Classify(HuaweiCloudApiException failure)
        {
            // A closed connection sends nothing until the user connects again: final, however "not sent" it is.
            if (failure.Disconnected) return FailureKind.Definitive;
            if (failure.Oversized) return FailureKind.Oversized;
            if (failure.NotSent) return FailureKind.NotSent;
            switch (failure.Kind)
            {
                case ApiErrorKind.Throttled: return FailureKind.Throttled;
                case ApiErrorKind.Connection: return FailureKind.Connection;
                case ApiErrorKind.Timeout: return FailureKind.Timeout;
                case ApiErrorKind.InvalidResponse: return failure.Truncated ? FailureKind.Unreadable : FailureKind.Malformed;
                case ApiErrorKind.ServerError: return failure.StatusCode is 500 or 502 or 503 or 504 or 0 ? FailureKind.ServerError : FailureKind.Definitive;
                default: return FailureKind.Definitive;
            }
        }

        /// <summary>
        /// True for a failure that says nothing final about the objects it was about (the service did not answer,
        /// or not readably): a wait polls again rather than failing its tasks.
        /// </summary>
        public static bool IsPassing(FailureKind kind) => kind != FailureKind.Definitive && kind != FailureKind.Oversized;

        /// <summary>True when the failure leaves open whether a non-idempotent request took effect.</summary>
        public static bool LeavesOutcomeOpen(FailureKind kind) =>
            kind is FailureKind.ServerError or FailureKind.Connection or FailureKind.Timeout or FailureKind.Unreadable or FailureKind.Oversized or FailureKind.Malformed;

        public static RetryVerdict Decide(in RetryInput input, RetryPolicy policy)
        {
            var kind = input.Kind;
            if (kind == FailureKind.Definitive) return GiveUp(null);

            // An action that may have happened is never sent again blindly: its object is read first, whatever the
            // limits. A Retry-After too long still lets it be read, but not sent again (the reason says why).
            if (!input.Idempotent && LeavesOutcomeOpen(kind))
            {
                return TooLong(input, policy) is string wait
                    ? new RetryVerdict(RetryAction.ReadFirst, TimeSpan.Zero, spendsBudget: false, reason: wait)
                    : new RetryVerdict(RetryAction.ReadFirst, BackoffOf(input, policy), spendsBudget: false, reason: null);
            }
            // Asking again would bring the same answer: not retried as if the network had failed.
            if (kind == FailureKind.Oversized || kind == FailureKind.Malformed) return GiveUp(null);

            if (input.Attempt >= policy.MaxRetries)
            {
                return GiveUp(string.Format(CultureInfo.InvariantCulture, "Gave up after {0} attempts.", input.Attempt + 1));
            }
            if (TooLong(input, policy) is string tooLong)
            {
                return GiveUp(tooLong);
            }
            var delay = BackoffOf(input, policy);
            if (input.Elapsed + delay > policy.MaxElapsed)
            {
                return GiveUp(string.Format(CultureInfo.InvariantCulture, "Gave up after {0} attempts in {1:0} seconds.", input.Attempt + 1, input.Elapsed.TotalSeconds));
            }
            // Throttling and refused connections cost the service nothing; the budget guards against retry storms on an outage.
            var spends = kind != FailureKind.Throttled && kind != FailureKind.NotSent;
            if (spends && !input.BudgetLeft)
            {
                return GiveUp("Not retried: the retry budget for this endpoint is spent (too many failures in a row).");
            }
            return new RetryVerdict(RetryAction.Retry, delay, spends, null);
        }

        /// <summary>Why a Retry-After is longer than a call waits, or null when it is not (or there is none).</summary>
        private static string? TooLong(in RetryInput input, RetryPolicy policy) =>
            input.RetryAfter.HasValue && input.RetryAfter.Value > policy.MaxRetryAfter
                ? "The service asked to wait " + Describe(input.RetryAfter.Value, "seconds") + " before trying again (Retry-After), longer than the "
                    + policy.MaxRetryAfter.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " seconds this module waits within a call; try again later."
                : null;

        /// <summary>A Retry-After for messages: its length in <paramref name="unit"/>, or, past any sensible range, that it is.</summary>
        internal static string Describe(TimeSpan wait, string unit) =>
            wait == TimeSpan.MaxValue
                ? "longer than any sensible time"
                : wait.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " " + unit;

        /// <summary>Full-jitter exponential backoff, or the service's Retry-After when it gave one.</summary>
        public static TimeSpan BackoffOf(in RetryInput input, RetryPolicy policy)
        {
            if (input.RetryAfter.HasValue) return input.RetryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : input.RetryAfter.Value;
            var ceiling = Math.Min(policy.MaxDelay.TotalMilliseconds, policy.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(input.Attempt, 16)));
            var jitter = input.Jitter < 0 ? 0 : input.Jitter >= 1 ? 0.999999 : input.Jitter;
            return TimeSpan.FromMilliseconds(jitter * ceiling);
        }

        private static RetryVerdict GiveUp(string? reason) => new RetryVerdict(RetryAction.GiveUp, TimeSpan.Zero, false, reason);
    }
}
