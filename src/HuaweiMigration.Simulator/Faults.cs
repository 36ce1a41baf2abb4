using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace HuaweiMigration.Simulator;

public enum FaultKind
{
    /// <summary>The rule's status with a Huawei error body built from ErrorCode/ErrorMessage (e.g. 403 SMS.9004).</summary>
    Error,

    /// <summary>429 APIG.0308; a Retry-After header when RetryAfter is set.</summary>
    Throttle,

    /// <summary>Waits Delay, then processes the request normally.</summary>
    Latency,

    /// <summary>Aborts the connection without any answer.</summary>
    DropConnection,

    /// <summary>Sends the headers and half of the real body, then aborts.</summary>
    CutBody,

    /// <summary>200 with a truncated JSON document.</summary>
    MalformedJson,

    /// <summary>401 APIGW.0301 as if the caller's token had expired.</summary>
    ExpiredToken,

    /// <summary>A redirect (StatusCode, default 301) to Location; nothing is processed.</summary>
    Redirect,

    /// <summary>200 with a JSON body of SizeBytes, streamed in chunks (never held in memory); nothing is processed.</summary>
    OversizedBody,

    /// <summary>Processed normally, then the answer's "count" is raised by CountOffset (a listing that claims more than it holds).</summary>
    InflatedCount,
}

/// <summary>A fault to inject into matching requests before they reach the real handler.</summary>
public sealed class FaultRule
{
    /// <summary>HTTP method to match (case-insensitive); null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Regular expression searched in the request path; null matches any path.</summary>
    public string? PathPattern { get; set; }

    /// <summary>How many requests the rule hits (at least 1); -1 = unlimited.</summary>
    public int Count { get; set; } = 1;

    /// <summary>Chance that a matching request is hit, drawn from the simulator's seeded random.</summary>
    public double Probability { get; set; } = 1.0;

    public FaultKind Kind { get; set; }

    /// <summary>Status for Error (default 500), Throttle (default 429) and MalformedJson (default 200).</summary>
    public int StatusCode { get; set; }

    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Redirect: the Location header (default https://elsewhere.example.com/v3/tasks).</summary>
    public string? Location { get; set; }

    /// <summary>OversizedBody: how many bytes the body has (0: the default, 80 MB; else 64 bytes to 1 GiB).</summary>
    public long SizeBytes { get; set; }

    /// <summary>OversizedBody: send a Content-Length header declaring SizeBytes (default: chunked, no length).</summary>
    public bool DeclareLength { get; set; }

    /// <summary>InflatedCount: added to the answer's count (0: the default, 7; negative lowers it).</summary>
    public int CountOffset { get; set; }

    /// <summary>Waited before the fault takes effect (for every kind); 0 to a day.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>
    /// When above 0, each distinct request (method, path and query) is hit this many times and then let through
    /// (e.g. 2: two 429s before each success, however many requests are in flight). Count still limits the hits.
    /// </summary>
    public int FailuresBeforeSuccess { get; set; }

    /// <summary>The longest <see cref="Delay"/>: a day is already "never" for any test.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    /// <summary>The smallest OversizedBody: the JSON around the padding takes about 50 bytes.</summary>
    public const long MinSizeBytes = 64;

    /// <summary>The largest OversizedBody: far past any client's cap, short of what a test machine can stream.</summary>
    public const long MaxSizeBytes = 1L << 30;

    public override string ToString() => $"{Kind} {Method ?? "*"} {PathPattern ?? "*"} x{Count}";

    /// <summary>Refuses values that make no sense (an <see cref="ArgumentException"/> naming the field), so a typo cannot turn into a silently different fault.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Kind)) throw new ArgumentException($"Unknown fault kind '{Kind}'.");
        if (Count != -1 && Count < 1) throw new ArgumentException($"count must be -1 (unlimited) or at least 1 (was {Count}).");
        if (!(Probability >= 0 && Probability <= 1)) throw new ArgumentException($"probability must be between 0 and 1 (was {Probability}).");
        if (StatusCode != 0 && (StatusCode < 100 || StatusCode > 599)) throw new ArgumentException($"statusCode must be an HTTP status, 100 to 599 (was {StatusCode}).");
        if (RetryAfter < TimeSpan.Zero) throw new ArgumentException($"retryAfter must not be negative (was {RetryAfter}).");
        if (Delay < TimeSpan.Zero || Delay > MaxDelay) throw new ArgumentException($"delay must be between 0 and {MaxDelay} (was {Delay}).");
        if (SizeBytes != 0 && (SizeBytes < MinSizeBytes || SizeBytes > MaxSizeBytes)) throw new ArgumentException($"sizeBytes must be between {MinSizeBytes} and {MaxSizeBytes} (was {SizeBytes}).");
        if (FailuresBeforeSuccess < 0) throw new ArgumentException($"failuresBeforeSuccess must not be negative (was {FailuresBeforeSuccess}).");
        if (Location is not null && (Location.Length == 0 || Location.Any(char.IsControl))) throw new ArgumentException("location must be a non-empty URL without control characters.");
    }
}

internal sealed class FaultStore
{
    private readonly object _lock = new();
    // Remaining[0]: hits left (-1 unlimited).
    private readonly List<(FaultRule Rule, Regex? Pattern, int[] Remaining)> _rules = new();

    // For FailuresBeforeSuccess: how often each (rule, request) has been seen.
    private readonly Dictionary<(FaultRule, string), int> _seen = new();
    private readonly LockedRandom _random;

    public FaultStore(LockedRandom random) => _random = random;

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        var pattern = string.IsNullOrEmpty(rule.PathPattern)
            ? null
            : new Regex(rule.PathPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        lock (_lock)
        {
            _rules.Add((rule, pattern, new[] { rule.Count }));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
            _seen.Clear();
        }
    }

    /// <summary>The first rule that matches and wins its probability draw; consumes one of its hits.</summary>
    public FaultRule? Take(string method, string path, string? query = null)
    {
        lock (_lock)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, pattern, remaining) = _rules[i];
                if (remaining[0] == 0) continue;
                if (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (pattern is not null && !pattern.IsMatch(path)) continue;
                if (rule.FailuresBeforeSuccess > 0)
                {
                    var key = (rule, method + " " + path + query);
                    _seen.TryGetValue(key, out var seen);
                    _seen[key] = seen + 1;
                    if (seen % (rule.FailuresBeforeSuccess + 1) == rule.FailuresBeforeSuccess) continue;
                }
                if (rule.Probability < 1.0 && _random.NextDouble() >= rule.Probability) continue;
                if (remaining[0] > 0)
                {
                    remaining[0]--;
                }
                return rule;
            }
            return null;
        }
    }
}
