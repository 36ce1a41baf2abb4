using System;
using System.Management.Automation;
using System.Text;
using HuaweiMigration.Client.Sms;

namespace HuaweiMigration.Internal
{
    /// <summary>
    /// Resolves <c>-Name</c> the PowerShell way: wildcards and exact names, case-insensitive. The API's own name
    /// filter matches loosely, so it is only given a literal part of the name to narrow what comes back.
    /// </summary>
    internal static class NameFilter
    {
        /// <summary>The text for the API's loose filter and the exact test; both null without a name.</summary>
        public static (string? Query, Func<string?, bool>? Match) Resolve(string? name)
        {
            if (string.IsNullOrEmpty(name)) return (null, null);
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                return (LongestLiteral(name!), n => n != null && pattern.IsMatch(n));
            }
            var exact = WildcardPattern.Unescape(name);
            return (exact, n => string.Equals(n, exact, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Several names, any of which may match: one name keeps the API's loose filter; several are tested here
        /// only (the API takes one name), so the listing is read whole.
        /// </summary>
        public static (string? Query, Func<string?, bool>? Match) Resolve(string[]? names)
        {
            if (names is null || names.Length == 0) return (null, null);
            if (names.Length == 1) return Resolve(names[0]);
            var tests = Array.ConvertAll(names, n => Resolve(n).Match!);
            return (null, n => Array.Exists(tests, t => t(n)));
        }

        /// <summary>The longest run of literal characters in a wildcard pattern ("mig-*-01" → "mig-").</summary>
        internal static string? LongestLiteral(string pattern)
        {
            string best = string.Empty;
            var run = new StringBuilder();
            var inBracket = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (inBracket)
                {
                    if (c == ']') inBracket = false;
                    continue;
                }
                if (c == '`' && i + 1 < pattern.Length)
                {
                    run.Append(pattern[++i]);
                    continue;
                }
                if (c == '*' || c == '?' || c == '[')
                {
                    if (run.Length > best.Length) best = run.ToString();
                    run.Clear();
                    inBracket = c == '[';
                    continue;
                }
                run.Append(c);
            }
            if (run.Length > best.Length) best = run.ToString();
            return best.Length == 0 ? null : best;
        }
    }
}
