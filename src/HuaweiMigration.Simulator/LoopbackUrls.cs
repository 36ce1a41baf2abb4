using System;
using System.Collections.Generic;
using System.Net;

namespace HuaweiMigration.Simulator;

/// <summary>One address the simulator listens on: a loopback IP, or the name localhost (both loopback IPs).</summary>
internal sealed record LoopbackEndpoint(IPAddress Address, int Port, bool Localhost);

/// <summary>The server came up bound to an address that is not loopback; it was stopped.</summary>
internal sealed class NotLoopbackException(string message) : InvalidOperationException(message);

/// <summary>
/// The simulator's control API is unauthenticated (anyone who reaches it reads the request log, injects faults,
/// reseeds), so it must never be reachable from the network: it listens on loopback only, over http only.
/// </summary>
internal static class LoopbackUrls
{
    /// <summary>Parses a ';'-separated list of http URLs; anything but a loopback http URL is an <see cref="ArgumentException"/> in one line.</summary>
    public static List<LoopbackEndpoint> Parse(string urls)
    {
        var result = new List<LoopbackEndpoint>();
        foreach (var raw in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new ArgumentException($"'{raw}' is not an http URL.", nameof(urls));
            }
            if (uri.Scheme == "https")
            {
                // Kestrel would look for a development certificate and fail with a stack trace; nothing here needs TLS.
                throw new ArgumentException($"The simulator serves http only (on loopback, TLS protects nothing); refusing '{raw}'.", nameof(urls));
            }
            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new ArgumentException($"A URL to listen on is a scheme, a host and a port only; refusing '{raw}'.", nameof(urls));
            }
            var localhost = string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
            if (!localhost && !(IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
            {
                throw new ArgumentException($"The simulator binds loopback only (127.0.0.1, localhost, [::1]); refusing '{raw}'.", nameof(urls));
            }
            // Kestrel cannot pick a dynamic port for "localhost" (it binds two addresses), so port 0 there means IPv4 loopback.
            result.Add(localhost
                ? (uri.Port == 0 ? new LoopbackEndpoint(IPAddress.Loopback, 0, false) : new LoopbackEndpoint(IPAddress.Loopback, uri.Port, true))
                : new LoopbackEndpoint(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port, false));
        }
        if (result.Count == 0)
        {
            throw new ArgumentException("No URL to listen on.", nameof(urls));
        }
        return result;
    }

    /// <summary>
    /// The last line of defence, after the server started: every address it reports bound must be loopback (an IP, or
    /// localhost, which Kestrel binds to the loopback IPs only). Anything else, or nothing, is a
    /// <see cref="NotLoopbackException"/> naming the address.
    /// </summary>
    public static void EnsureBoundToLoopback(IEnumerable<string>? addresses)
    {
        var any = false;
        foreach (var address in addresses ?? Array.Empty<string>())
        {
            any = true;
            var loopback = Uri.TryCreate(address, UriKind.Absolute, out var uri) &&
                           (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) ||
                            (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
            if (!loopback)
            {
                throw new NotLoopbackException($"The simulator was bound to {address}, which is not a loopback address; it refuses to run anywhere but loopback.");
            }
        }
        if (!any)
        {
            throw new NotLoopbackException("The server reported no address it listens on; the simulator refuses to run without knowing it is on loopback.");
        }
    }
}
