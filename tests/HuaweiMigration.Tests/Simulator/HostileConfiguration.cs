using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// Every way an ASP.NET Core configuration can add a listening address, each pointing at all interfaces
    /// (0.0.0.0) on a port of its own, so a test can tell which of them, if any, the simulator obeyed.
    /// </summary>
    internal static class HostileConfiguration
    {
        public const string KestrelVariable = "Kestrel__Endpoints variable";
        public const string AppSettings = "appsettings.json and appsettings.{Environment}.json";
        public const string UrlVariables = "ASPNETCORE_URLS, DOTNET_URLS and ASPNETCORE_HTTP_PORTS";
        public const string Https = "ASPNETCORE_HTTPS_PORTS and an https Kestrel endpoint";

        public static readonly IReadOnlyList<string> All = new[] { KestrelVariable, AppSettings, UrlVariables, Https };

        /// <summary>The environment variables of <paramref name="configuration"/> (its files are written to <paramref name="directory"/>), and the ports it names.</summary>
        public static (Dictionary<string, string?> Environment, HashSet<int> Ports) Write(string configuration, string directory)
        {
            var env = new Dictionary<string, string?>();
            var ports = new HashSet<int>();
            string Port()
            {
                var p = FreePort();
                ports.Add(p);
                return p.ToString(CultureInfo.InvariantCulture);
            }
            switch (configuration)
            {
                case KestrelVariable:
                    env["Kestrel__Endpoints__X__Url"] = "http://0.0.0.0:" + Port();
                    env["ASPNETCORE_Kestrel__Endpoints__Y__Url"] = "http://0.0.0.0:" + Port();
                    break;
                case AppSettings:
                    env["ASPNETCORE_ENVIRONMENT"] = "Staging";
                    env["DOTNET_ENVIRONMENT"] = "Staging";
                    File.WriteAllText(Path.Combine(directory, "appsettings.json"),
                        "{\"Kestrel\":{\"Endpoints\":{\"Lan\":{\"Url\":\"http://0.0.0.0:" + Port() + "\"}}},\"urls\":\"http://0.0.0.0:" + Port() + "\"}");
                    File.WriteAllText(Path.Combine(directory, "appsettings.Staging.json"),
                        "{\"Kestrel\":{\"Endpoints\":{\"Staging\":{\"Url\":\"http://0.0.0.0:" + Port() + "\"}}}}");
                    break;
                case UrlVariables:
                    env["ASPNETCORE_URLS"] = "http://0.0.0.0:" + Port();
                    env["DOTNET_URLS"] = "http://0.0.0.0:" + Port();
                    env["ASPNETCORE_HTTP_PORTS"] = Port();
                    env["ASPNETCORE_PREFERHOSTINGURLS"] = "true";
                    break;
                case Https:
                    env["ASPNETCORE_HTTPS_PORTS"] = Port();
                    env["Kestrel__Endpoints__Tls__Url"] = "https://0.0.0.0:" + Port();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(configuration), configuration, null);
            }
            return (env, ports);
        }

        /// <summary>A port nothing listens on now (taken on loopback and released).</summary>
        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
