using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// Listening URLs (';'-separated), http on loopback only. Port 0 picks a free port (see <see cref="SimulatorHost.BaseUri"/>).
    /// Nothing else adds an address: the host reads no configuration (environment, appsettings files).
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
    public SimulatorTimings Timings { get; set; } = new();

    /// <summary>How many recent API requests the log keeps (older ones are dropped first); each holds at most about 4 KB, no secret.</summary>
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

    /// <summary>SMS RUNNING → MIGRATE_SUCCESS (SYNCING for a task made with syncing true). Zero (the default) disables it: running tasks run forever.</summary>
    public TimeSpan RunningToFinish { get; set; } = TimeSpan.Zero;

    /// <summary>SMS network_check: how long the check runs (its result is empty meanwhile).</summary>
    public TimeSpan NetworkCheckDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// SMS launches (test, cutover, clone_test, migration_test, clear): how long the task's source server shows the
    /// launch running (cutovering, cloning, premigready, clearing; migration_cycle testing) before its end.
    /// </summary>
    public TimeSpan LaunchDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>DCS stop: TERMINATING → TERMINATED.</summary>
    public TimeSpan DcsStopToTerminated { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>DCS exchange-ip and rollback-ip: how long the task's task_status is EXCHANGING.</summary>
    public TimeSpan DcsExchangeDelay { get; set; } = TimeSpan.FromMilliseconds(300);
    /// <summary>DCS online migration: CREATING → RUNNING (the migration machine is made).</summary>
    public TimeSpan DcsCreating { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>DCS migration made through the API: each step MIGRATING → FULLMIGRATING → INCRMIGEATING, MIGRATING → SUCCESS.</summary>
    public TimeSpan DcsMigrationStep { get; set; } = TimeSpan.FromMilliseconds(300);
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
        var endpoints = LoopbackUrls.Parse(options.Url);
        var state = new SimulatorState(options);

        // The empty builder reads no configuration at all: no environment variables (Kestrel__Endpoints__*,
        // ASPNETCORE_URLS, DOTNET_URLS, ASPNETCORE_HTTP(S)_PORTS), no appsettings*.json in the working directory, no
        // command line. Any of them could otherwise add a listening address beside ours, and the control API is
        // unauthenticated. The content root is the simulator's own folder, never the caller's working directory.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            Args = Array.Empty<string>(),
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        ((IConfigurationBuilder)builder.Configuration).Sources.Clear();
        builder.Logging.AddConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed bind is reported by the caller in one line; the host would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Explicit IP endpoints only: no URL string is resolved, no hosting address is taken.
            foreach (var e in endpoints)
            {
                if (e.Localhost) k.ListenLocalhost(e.Port);
                else k.Listen(e.Address, e.Port);
            }
            // The body limit is the pipeline's own (it drains what it refuses, so the client reads its 413).
            k.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRouting();

        var app = builder.Build();
        Routes.Configure(app, state);

        ICollection<string>? addresses;
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
            addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            // Whatever a future framework version reads from where: if anything is bound off loopback, stop.
            LoopbackUrls.EnsureBoundToLoopback(addresses);
        }
        catch
        {
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                try
                {
                    await app.StopAsync(stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
                {
                }
            }
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SimulatorHost(app, new Uri(addresses!.First().TrimEnd('/') + "/"), state);
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
