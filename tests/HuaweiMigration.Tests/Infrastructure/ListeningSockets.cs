using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>
    /// The TCP sockets a process listens on, read from /proc (Linux): what the kernel says, whatever the server reports
    /// about itself. The socket inodes come from /proc/PID/fd, their addresses from /proc/PID/net/tcp and tcp6.
    /// </summary>
    internal static class ListeningSockets
    {
        private const string Listen = "0A";

        public static IReadOnlyList<IPEndPoint> Of(int pid)
        {
            var inodes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/" + pid + "/fd"))
            {
                string? target;
                try
                {
                    target = new FileInfo(fd).LinkTarget;
                }
                catch (IOException)
                {
                    continue; // closed meanwhile
                }
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target.Substring(8, target.Length - 9));
                }
            }

            var result = new List<IPEndPoint>();
            foreach (var table in new[] { "tcp", "tcp6" })
            {
                var path = "/proc/" + pid + "/net/" + table;
                if (!File.Exists(path)) continue;
                foreach (var line in File.ReadLines(path).Skip(1))
                {
                    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                    var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (f.Length < 10 || f[3] != Listen || !inodes.Contains(f[9])) continue;
                    result.Add(Parse(f[1]));
                }
            }
            return result;
        }

        /// <summary>"0100007F:1F90" (IPv4) or 32 hex digits and a port (IPv6); each 32-bit word is in host (little-endian) order.</summary>
        private static IPEndPoint Parse(string field)
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            var hex = field.Substring(0, colon);
            var port = int.Parse(field.Substring(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var bytes = new byte[hex.Length / 2];
            for (var word = 0; word < bytes.Length / 4; word++)
            {
                for (var b = 0; b < 4; b++)
                {
                    bytes[word * 4 + b] = byte.Parse(hex.AsSpan(word * 8 + (3 - b) * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
            }
            return new IPEndPoint(new IPAddress(bytes), port);
        }
    }
}
