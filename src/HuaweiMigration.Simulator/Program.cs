using System;
using System.Globalization;
using System.Threading.Tasks;

namespace HuaweiMigration.Simulator;

internal static class Program
{
    private const string Usage =
        "Usage: HuaweiMigration.Simulator [--urls http://127.0.0.1:5080] [--tasks 50] [--dcs-tasks 10] [--seed 1]";

    public static async Task<int> Main(string[] args)
    {
        var options = new SimulatorOptions { Url = "http://127.0.0.1:5080" };
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
                    case "-h":
                    case "--help":
                        Console.WriteLine(Usage);
                        return 0;
                    default: throw new ArgumentException($"Unknown option '{args[i]}'.");
                }
            }
            LoopbackUrls.Normalize(options.Url);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var host = await SimulatorHost.StartAsync(options).ConfigureAwait(false);
        Console.WriteLine(
            $"Huawei Cloud simulator listening on {host.BaseUri} (IAM, SMS v3, DCS v2) | domain {SimulatorCredentials.DomainName}, " +
            $"user {SimulatorCredentials.UserName} / {SimulatorCredentials.Password}, AK {SimulatorCredentials.AccessKey} / SK {SimulatorCredentials.SecretKey} | Ctrl+C to stop");
        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private static int ParseCount(string text, string option)
    {
        var n = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return n <= 100000 ? n : throw new ArgumentException($"{option} must be at most 100000.");
    }
}
