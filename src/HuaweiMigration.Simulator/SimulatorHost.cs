using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HuaweiMigration.Simulator;

/// <summary>How a simulator instance starts.</summary>
public sealed class SimulatorOptions
{
    public int SmsTaskCount { get; set; } = 50;
    public int DcsTaskCount { get; set; } = 10;
    public int Seed { get; set; } = 1;

    /// <summary>A name the starter chose, answered at <c>GET /_sim/info</c>, so it can tell its simulator from another.</summary>
    public string InstanceId { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Listening URL; loopback only. Port 0 picks a free port (see <see cref="SimulatorHost.BaseUri"/>).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
    public SimulatorTimings Timings { get; set; } = new();

    /// <summary>How many recent API requests the log keeps (older ones are dropped first); bodies are kept to 4 KB.</summary>
    public int RequestLogCapacity { get; set; } = 20000;

    /// <summary>The most tasks a seed may ask for, on the command line or at <c>POST /_sim/seed</c>.</summary>
    public const int MaxSeed = 100000;
}

/// <summary>
/// Delays of the state machines. Transitions are applied lazily, when a task is read or listed, so a delay is the
/// earliest time a read can observe the next state. Values may be changed while the simulator runs.
/// </summary>
public sealed class SimulatorTimings
{
    /// <summary>SMS start: time before the task leaves its old state (to RUNNING, or MIGRATE_FAIL when it is set to fail on start).</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.Zero;

    /// <summary>SMS stop: ABORTING → ABORT.</summary>
    public TimeSpan StopToAbort { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>SMS delete: DELETING → gone (404). Zero removes the task at once.</summary>
    public TimeSpan DeleteToGone { get; set; } = TimeSpan.Zero;

    /// <summary>SMS RUNNING → MIGRATE_SUCCESS. Zero (the default) disables it: running tasks run forever.</summary>
    public TimeSpan RunningToFinish { get; set; } = TimeSpan.Zero;

    /// <summary>SMS network_check: how long the check runs (its result is empty meanwhile).</summary>
    public TimeSpan NetworkCheckDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>DCS stop: TERMINATING → TERMINATED.</summary>
    public TimeSpan DcsStopToTerminated { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>
/// Which release of the API the simulator answers as, where releases differ in shape. Values may be changed while
/// the simulator runs (<c>PUT /_sim/behaviour</c>).
/// </summary>
public sealed class SimulatorBehaviour
{
    /// <summary>
    /// DCS batch stop: failed rows carry <c>error_code</c>/<c>error_msg</c> (newer releases, the default); false
    /// answers as older releases do, with <c>task_id</c> and <c>result</c> only, so a failure says nothing of why.
    /// </summary>
    public bool DcsBatchErrorFields { get; set; } = true;
}

/// <summary>An in-process simulator: Kestrel on loopback serving IAM, SMS v3 and DCS v2.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private SimulatorHost(WebApplication app, Uri baseUri, SimulatorState state)
    {
        _app = app;
        BaseUri = baseUri;
        State = state;
    }

    /// <summary>The base URL with the real bound port and a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    public SimulatorState State { get; }

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SimulatorOptions();
        var urls = LoopbackUrls.Normalize(options.Url);
        var state = new SimulatorState(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            Args = Array.Empty<string>(),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed bind is reported by the caller in one line; the host would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.WebHost.UseUrls(urls.ToArray());
        // The body limit is the pipeline's own (it drains what it refuses, so the client reads its 413).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.Services.AddRouting();

        var app = builder.Build();
        Routes.Configure(app, state);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? urls[0];
        return new SimulatorHost(app, new Uri(first.TrimEnd('/') + "/"), state);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C or SIGTERM for the standalone program).</summary>
    internal Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // A short shutdown: tests start and stop many instances and never care about draining.
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await _app.StopAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The simulator accepts no credentials worth protecting, yet must never be reachable from the network.</summary>
internal static class LoopbackUrls
{
    public static List<string> Normalize(string urls)
    {
        var result = new List<string>();
        foreach (var raw in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new ArgumentException($"'{raw}' is not an http URL.", nameof(urls));
            }
            var host = uri.Host;
            var isLoopback = host == "127.0.0.1" || host == "[::1]" || host == "::1" ||
                             string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
            if (!isLoopback)
            {
                throw new ArgumentException($"The simulator binds loopback only (127.0.0.1, localhost, [::1]); refusing '{raw}'.", nameof(urls));
            }
            // Kestrel cannot pick a dynamic port for "localhost" (it binds two addresses), so use IPv4 loopback.
            var hostPart = uri.Port == 0 && !host.Contains(':') && host != "[::1]" ? "127.0.0.1" : host;
            if (hostPart == "::1") hostPart = "[::1]";
            result.Add($"{uri.Scheme}://{hostPart}:{uri.Port}");
        }
        if (result.Count == 0)
        {
            throw new ArgumentException("No URL to listen on.", nameof(urls));
        }
        return result;
    }
}
