using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HuaweiMigration.Simulator.Dcs;
using HuaweiMigration.Simulator.Iam;
using HuaweiMigration.Simulator.Sms;

namespace HuaweiMigration.Simulator;

/// <summary>Everything a test can observe or steer. All members are thread-safe.</summary>
public sealed class SimulatorState
{
    private readonly object _logLock = new();
    // A ring of the most recent requests: a long run (or a stream of huge posts) cannot grow it without bound.
    private readonly Queue<RecordedRequest> _log = new();
    private long _sequence;
    private long _latencyTicks;

    internal SimulatorState(SimulatorOptions options)
    {
        Options = options;
        Timings = options.Timings ?? new SimulatorTimings();
        Random = new LockedRandom(options.Seed);
        Identity = new IdentityStore(options.TokenLifetime);
        Faults = new FaultStore(Random);
        Sms = new SmsStore(Timings, options.Seed);
        Dcs = new DcsStore(Timings, options.Seed);
        Sms.Seed(options.SmsTaskCount);
        Dcs.Seed(options.DcsTaskCount);
    }

    internal SimulatorOptions Options { get; }
    internal LockedRandom Random { get; }
    internal IdentityStore Identity { get; }
    internal FaultStore Faults { get; }

    /// <summary>The live state-machine delays; changing a value affects transitions scheduled afterwards.</summary>
    public SimulatorTimings Timings { get; }

    public SimulatorBehaviour Behaviour { get; } = new();

    /// <summary>The Huawei API routes served (method, pattern), for the conformance suite; not the /_sim control API.</summary>
    internal List<(string Method, string Pattern)> ApiRoutes { get; } = new();

    public SmsStore Sms { get; }
    public DcsStore Dcs { get; }

    /// <summary>Added to every API request before it is processed.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value < TimeSpan.Zero ? 0 : value.Ticks);
    }

    /// <summary>A snapshot of the API requests received so far, in arrival order (control calls under /_sim are not logged).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_logLock)
            {
                return _log.OrderBy(r => r.Sequence).ToList();
            }
        }
    }

    public void ClearRequests()
    {
        lock (_logLock)
        {
            _log.Clear();
        }
    }

    public void AddFault(FaultRule rule) => Faults.Add(rule);

    public void ClearFaults() => Faults.Clear();

    /// <summary>Makes every token issued so far expired, as if a day had passed.</summary>
    public void ExpireAllTokens() => Identity.ExpireAllTokens();

    /// <summary>Adds (or replaces) an IAM user of the demo domain.</summary>
    public void AddUser(string name, string password) => Identity.AddUser(name, password);

    /// <summary>Adds (or replaces) an access key; a non-null <paramref name="securityToken"/> makes it temporary.</summary>
    public void AddAccessKey(string accessKey, string secretKey, string? securityToken = null) =>
        Identity.AddAccessKey(accessKey, secretKey, securityToken);

    /// <summary>
    /// Reseeds both services (null leaves a service as it is): every object of a reseeded service is replaced (see
    /// <see cref="SmsStore.Seed"/>, <see cref="DcsStore.Seed"/>). Tokens, users, faults, timings and the request log
    /// are not seeded objects and stay: a connected client goes on working across a reseed.
    /// </summary>
    public void Reseed(int? smsTasks, int? dcsTasks)
    {
        foreach (var (name, n) in new[] { ("smsTasks", smsTasks), ("dcsTasks", dcsTasks) })
        {
            if (n is int v && (v < 0 || v > SimulatorOptions.MaxSeed))
            {
                throw new ArgumentException(name + " must be between 0 and " + SimulatorOptions.MaxSeed + " (was " + v + ").");
            }
        }
        if (smsTasks is int s) Sms.Seed(s);
        if (dcsTasks is int d) Dcs.Seed(d);
    }

    /// <summary>
    /// Each value the request log kept out (request sequence, where it was, the value), for in-process observers
    /// such as tests that check a client never prints what it sent. Raised and forgotten: nothing here keeps them.
    /// </summary>
    internal event Action<long, string, string>? SecretRedacted;

    internal void ReportSecret(long sequence, string where, string value) => SecretRedacted?.Invoke(sequence, where, value);

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Record(RecordedRequest request)
    {
        lock (_logLock)
        {
            _log.Enqueue(request);
            while (_log.Count > Math.Max(1, Options.RequestLogCapacity)) _log.Dequeue();
        }
    }
}

/// <summary>System.Random is not thread-safe; the seeded one is shared by fault probabilities.</summary>
internal sealed class LockedRandom
{
    private readonly Random _random;

    public LockedRandom(int seed) => _random = new Random(seed);

    public double NextDouble()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}
