using System;
using System.Collections.Generic;

namespace HuaweiMigration.Client.Http
{
    /// <summary>Reads a request URI back into the decoded parts that are signed, so the signature covers exactly what is sent.</summary>
    internal static class UriParts
    {
        public static string DecodedPath(Uri uri) => Uri.UnescapeDataString(uri.AbsolutePath);

        public static IEnumerable<KeyValuePair<string, string>> DecodedQuery(Uri uri)
        {
            var query = uri.Query;
            if (query.Length <= 1) yield break;
            foreach (var pair in query.Substring(1).Split('&'))
            {
                if (pair.Length == 0) continue;
                var eq = pair.IndexOf('=');
                var key = eq < 0 ? pair : pair.Substring(0, eq);
                var value = eq < 0 ? string.Empty : pair.Substring(eq + 1);
                // Form semantics, as the gateway reads them: '+' is a space.
                yield return new KeyValuePair<string, string>(Decode(key), Decode(value));
            }
        }

        private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }
}
