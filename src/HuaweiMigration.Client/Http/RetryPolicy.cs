using System;
using System.Collections.Concurrent;
using System.Threading;

namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// The limits of retrying: a few attempts with exponential backoff and full jitter, capped, within about a
    /// minute, honouring <c>Retry-After</c>. What is retried is decided by <see cref="RetryDecision"/>.
    /// </summary>
    internal sealed class RetryPolicy
    {
        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <summary>The policy every context uses unless told otherwise.</summary>
        public static RetryPolicy Default { get; } = new RetryPolicy();

        /// <summary>Retries after the first attempt (at most 10).</summary>
        public int MaxRetries { get; set; } = 6;

        /// <summary>The first backoff's upper bound; each retry doubles it.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>No single backoff is longer (Retry-After is honoured up to <see cref="MaxRetryAfter"/>).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The longest <c>Retry-After</c> that is waited for; a longer one ends the call.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>No retry starts once this much time has passed since the first attempt.</summary>
        public TimeSpan MaxElapsed { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>How often an action is sent again once a read showed it surely did not take effect.</summary>
        public int MaxResends { get; set; } = 3;

        /// <summary>A fresh number in [0, 1) for <see cref="RetryInput.Jitter"/>.</summary>
        internal static double NextJitter() => Jitter.Value!.NextDouble();
    }

    /// <summary>
    /// A retry budget per endpoint, shared by the whole process: every first attempt earns a fraction of a retry, and
    /// a retry after a server or connection failure spends one. When an endpoint is down, retries stop once the
    /// budget is spent, so twenty runbooks hitting an outage make a few more requests, not five times as many.
    /// </summary>
    internal sealed class RetryBudget
    {
        private static readonly ConcurrentDictionary<string, RetryBudget> ByEndpoint = new ConcurrentDictionary<string, RetryBudget>(StringComparer.OrdinalIgnoreCase);
        private readonly object _lock = new object();
        private double _tokens;

        public RetryBudget(double ratio = 0.2, double reserve = 5)
        {
            Ratio = ratio;
            Reserve = reserve;
            _tokens = reserve;
        }

        /// <summary>Retries earned per first attempt.</summary>
        public double Ratio { get; }

        /// <summary>Retries available at rest (the most that can be saved up).</summary>
        public double Reserve { get; }

        /// <summary>The budget of one endpoint (scheme, host and port).</summary>
        public static RetryBudget For(Uri endpoint) => ByEndpoint.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority), _ => new RetryBudget());

        /// <summary>A first attempt earns <see cref="Ratio"/> of a retry.</summary>
        public void Deposit()
        {
            lock (_lock) _tokens = Math.Min(Reserve, _tokens + Ratio);
        }

        /// <summary>True when a retry is left (nothing is spent).</summary>
        public bool HasToken
        {
            get { lock (_lock) return _tokens >= 1; }
        }

        /// <summary>Spends one retry; false when the budget is spent.</summary>
        public bool TryWithdraw()
        {
            lock (_lock)
            {
                if (_tokens < 1) return false;
                _tokens -= 1;
                return true;
            }
        }
    }
}
