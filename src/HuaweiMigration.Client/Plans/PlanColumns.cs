using System;
using System.Collections.Generic;
using System.Linq;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>The columns of a wave plan (SPEC "Migration plans and reports"): one place for their names and which kind of row uses them.</summary>
    public static class PlanColumns
    {
        public const string Kind = "Kind";
        public const string Name = "Name";

        // Server rows.
        public const string SourceServer = "SourceServer";
        public const string TargetServerId = "TargetServerId";
        public const string Template = "Template";
        public const string MigrationProject = "MigrationProject";
        public const string Type = "Type";
        public const string Priority = "Priority";
        public const string SpeedLimit = "SpeedLimit";
        public const string Syncing = "Syncing";
        public const string StartTargetServer = "StartTargetServer";

        // Redis rows.
        public const string SourceAddress = "SourceAddress";
        public const string SourceInstanceId = "SourceInstanceId";
        public const string TargetInstanceId = "TargetInstanceId";
        public const string Method = "Method";
        public const string VpcId = "VpcId";
        public const string SubnetId = "SubnetId";
        public const string SecurityGroupId = "SecurityGroupId";
        public const string BandwidthLimitMB = "BandwidthLimitMB";

        /// <summary>Columns every row may have.</summary>
        public static IReadOnlyList<string> Common { get; } = new[] { Kind, Name };

        /// <summary>Columns of server rows.</summary>
        public static IReadOnlyList<string> Server { get; } = new[] { SourceServer, TargetServerId, Template, MigrationProject, Type, Priority, SpeedLimit, Syncing, StartTargetServer };

        /// <summary>Columns of Redis rows.</summary>
        public static IReadOnlyList<string> Redis { get; } = new[] { SourceAddress, SourceInstanceId, TargetInstanceId, Method, VpcId, SubnetId, SecurityGroupId, BandwidthLimitMB };

        /// <summary>Every column a plan may have (a plan mixes both kinds, so a server row may carry blank Redis columns).</summary>
        public static IReadOnlyList<string> All { get; } = Common.Concat(Server).Concat(Redis).ToArray();

        /// <summary>True when <paramref name="column"/> is a plan column (any case).</summary>
        public static bool IsKnown(string column) => All.Contains(column, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// True when a column that is not a plan column is named like a secret (password, pwd, secret, token, …: the
        /// module's rule for secret-like fields, <see cref="Models.ApiObject.IsSecretName"/>, on the name without its
        /// ASCII punctuation and spaces, so "Bandwidth (MB)" is not one but a look-alike "pаssword" still is). Its values
        /// are never quoted: passwords are given with -RedisPassword.
        /// </summary>
        public static bool IsSecretLike(string column)
        {
            if (IsKnown(column)) return false;
            var plain = new string(column.Where(c => c > '~' || char.IsLetterOrDigit(c) || c == '_').ToArray());
            return plain.Length > 0 && Models.ApiObject.IsSecretName(plain);
        }

        /// <summary>
        /// The plan column <paramref name="column"/> is most likely a misspelling of (<c>SourceSever</c> →
        /// SourceServer, <c>source server</c> → SourceServer), or null when none is close: compared without case,
        /// spaces, hyphens and underscores, at most 2 edits and fewer than a third of the name.
        /// </summary>
        public static string? Closest(string column)
        {
            var name = Simplified(column);
            if (name.Length == 0 || name.Length > 40) return null;
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var known in All)
            {
                var distance = Distance(name, Simplified(known));
                if (distance < bestDistance)
                {
                    best = known;
                    bestDistance = distance;
                }
            }
            return bestDistance <= 2 && bestDistance * 3 < Math.Max(name.Length, 3) ? best : null;
        }

        private static string Simplified(string column) =>
            new string(column.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').Select(char.ToLowerInvariant).ToArray());

        /// <summary>Edit distance (insertions, deletions, substitutions, swaps of neighbours).</summary>
        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
            return d[a.Length, b.Length];
        }
    }
}
