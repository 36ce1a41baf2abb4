using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace HuaweiMigration.Simulator;

internal static class Program
{
    private const string Usage =
        "Usage: HuaweiMigration.Simulator [--urls http://127.0.0.1:5080] [--tasks 50] [--dcs-tasks 10] [--seed 1]\n" +
        "       [--instance-id ID] [--ready-file PATH] [--parent-pid PID] [--work-dir DIR] [--detach]\n" +
        "  --urls          http on loopback only; port 0 takes a free port (the ready file tells which)\n" +
        "                  (no environment variable or appsettings file adds another address)\n" +
        "  --instance-id   answered at GET /_sim/info, so a starter can tell its simulator from another\n" +
        "  --ready-file    written ({url, pid, instanceId}) once the simulator listens\n" +
        "  --parent-pid    stop when that process exits (and remove --work-dir)\n" +
        "  --detach        leave the terminal's process group: Ctrl+C at the prompt does not stop the simulator";

    /// <summary>Exit code when the requested address is taken.</summary>
    private const int AddressInUse = 3;

    /// <summary>Exit code when the server came up bound to an address that is not loopback (it stopped at once).</summary>
    private const int NotLoopback = 4;

    public static async Task<int> Main(string[] args)
    {
        var options = new SimulatorOptions { Url = "http://127.0.0.1:5080" };
        string? readyFile = null, workDir = null;
        int? parentPid = null;
        var detach = false;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--urls": options.Url = Next(); break;
                    case "--tasks": options.SmsTaskCount = ParseCount(Next(), "--tasks"); break;
                    case "--dcs-tasks": options.DcsTaskCount = ParseCount(Next(), "--dcs-tasks"); break;
                    case "--seed": options.Seed = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture); break;
                    case "--instance-id": options.InstanceId = Next(); break;
                    case "--ready-file": readyFile = Next(); break;
                    case "--work-dir": workDir = Next(); break;
                    case "--parent-pid": parentPid = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--detach": detach = true; break;
                    case "-h":
                    case "--help":
                        Console.WriteLine(Usage);
                        return 0;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'.");
                }
            }
            LoopbackUrls.Parse(options.Url);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (detach) ProcessLifetime.Detach();
        var parentGone = parentPid is int pid ? ProcessLifetime.WhenParentExits(pid) : CancellationToken.None;

        SimulatorHost host;
        try
        {
            host = await SimulatorHost.StartAsync(options).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Kestrel's "address already in use": one clear line, not a stack trace.
            Console.Error.WriteLine($"The simulator cannot listen on {options.Url}: {ex.Message}");
            return AddressInUse;
        }
        catch (NotLoopbackException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return NotLoopback;
        }
        await using (host.ConfigureAwait(false))
        {
            Console.WriteLine(
                $"Huawei Cloud simulator listening on {host.BaseUri} (IAM, SMS v3, DCS v2) | domain {SimulatorCredentials.DomainName}, " +
                $"user {SimulatorCredentials.UserName} / {SimulatorCredentials.Password}, AK {SimulatorCredentials.AccessKey} / SK {SimulatorCredentials.SecretKey} | " +
                (detach ? "Stop-HuaweiSimulator (or SIGTERM) to stop" : "Ctrl+C to stop"));
            if (readyFile != null)
            {
                ProcessLifetime.WriteReadyFile(readyFile, host.BaseUri, options.InstanceId);
            }
            try
            {
                await host.WaitForShutdownAsync(parentGone).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (parentGone.IsCancellationRequested)
        {
            // Nobody is left to call Stop-HuaweiSimulator: clean up what it would have removed.
            ProcessLifetime.RemoveWorkDirectory(workDir);
        }
        return 0;
    }

    private static int ParseCount(string text, string option)
    {
        var n = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return n <= SimulatorOptions.MaxSeed ? n : throw new ArgumentException($"{option} must be at most {SimulatorOptions.MaxSeed}.");
    }
}
