using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace HuaweiMigration.Client.Signing
{
    /// <summary>
    /// Huawei Cloud's <c>SDK-HMAC-SHA256</c> request signature (API Gateway "AK/SK authentication").
    /// Pure functions over decoded request parts. The simulator verifies with its own implementation
    /// (HuaweiMigration.Simulator/Signing/SignatureVerifier.cs), so a mistake here cannot pass on both sides.
    /// </summary>
    internal static class SdkHmacSigner
    {
        public const string Algorithm = "SDK-HMAC-SHA256";
        public const string DateHeader = "X-Sdk-Date";
        public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

        /// <summary>Formats a UTC time as the <c>X-Sdk-Date</c> header value.</summary>
        public static string FormatDate(DateTime utc) =>
            utc.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture);

        /// <summary>Parses an <c>X-Sdk-Date</c> header value.</summary>
        public static bool TryParseDate(string? value, out DateTime utc) =>
            DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

        /// <summary>
        /// The header names that are signed: every header, lower-cased, except <c>content-type</c> and names that
        /// contain an underscore, sorted ordinally.
        /// </summary>
        public static IReadOnlyList<string> SelectSignedHeaders(IEnumerable<string> headerNames) =>
            headerNames
                .Select(n => n.ToLowerInvariant())
                .Where(n => n != "content-type" && n.IndexOf('_') < 0)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();

        /// <summary>Builds the canonical request string.</summary>
        /// <param name="method">HTTP method.</param>
        /// <param name="path">The decoded URL path (segments are escaped here).</param>
        /// <param name="query">Decoded query parameters.</param>
        /// <param name="headers">Request headers (name, value); only <paramref name="signedHeaders"/> are used.</param>
        /// <param name="signedHeaders">Lower-case signed header names, sorted.</param>
        /// <param name="body">Body bytes (empty for none).</param>
        public static string CanonicalRequest(
            string method,
            string path,
            IEnumerable<KeyValuePair<string, string>> query,
            IEnumerable<KeyValuePair<string, string>> headers,
            IReadOnlyList<string> signedHeaders,
            byte[]? body)
        {
            var sb = new StringBuilder();
            sb.Append(method.ToUpperInvariant()).Append('\n');
            sb.Append(CanonicalUri(path)).Append('\n');
            sb.Append(CanonicalQuery(query)).Append('\n');

            var byName = headers
                .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(h => h.Value ?? string.Empty).ToList(), StringComparer.Ordinal);
            foreach (var name in signedHeaders)
            {
                if (!byName.TryGetValue(name, out var values))
                {
                    values = new List<string> { string.Empty };
                }
                values.Sort(StringComparer.Ordinal);
                foreach (var v in values)
                {
                    sb.Append(name).Append(':').Append(v.Trim()).Append('\n');
                }
            }
            sb.Append('\n');
            sb.Append(string.Join(";", signedHeaders)).Append('\n');
            sb.Append(HexSha256(body ?? Array.Empty<byte>()));
            return sb.ToString();
        }

        /// <summary>Computes the hex signature for a canonical request.</summary>
        public static string Sign(string canonicalRequest, string sdkDate, string secretKey)
        {
            var stringToSign = Algorithm + "\n" + sdkDate + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
            return ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        }

        /// <summary>The <c>Authorization</c> header value.</summary>
        public static string AuthorizationHeader(string accessKey, IReadOnlyList<string> signedHeaders, string signature) =>
            Algorithm + " Access=" + accessKey + ", SignedHeaders=" + string.Join(";", signedHeaders) + ", Signature=" + signature;

        /// <summary>Parses an <c>Authorization</c> header produced by <see cref="AuthorizationHeader"/>.</summary>
        public static bool TryParseAuthorization(string? header, out string accessKey, out IReadOnlyList<string> signedHeaders, out string signature)
        {
            accessKey = string.Empty;
            signature = string.Empty;
            signedHeaders = Array.Empty<string>();
            if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            {
                return false;
            }
            foreach (var part in header.Substring(Algorithm.Length + 1).Split(','))
            {
                var kv = part.Trim();
                var eq = kv.IndexOf('=');
                if (eq <= 0) return false;
                var key = kv.Substring(0, eq);
                var value = kv.Substring(eq + 1);
                switch (key)
                {
                    case "Access": accessKey = value; break;
                    case "SignedHeaders": signedHeaders = value.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries); break;
                    case "Signature": signature = value; break;
                    default: return false;
                }
            }
            return accessKey.Length > 0 && signature.Length > 0 && signedHeaders.Count > 0;
        }

        /// <summary>Constant-time comparison of two hex signatures.</summary>
        public static bool SignaturesEqual(string a, string b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }

        internal static string CanonicalUri(string path)
        {
            var segments = (path ?? string.Empty).Split('/').Select(Escape);
            var joined = string.Join("/", segments);
            return joined.EndsWith("/", StringComparison.Ordinal) ? joined : joined + "/";
        }

        internal static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
            string.Join("&", query
                .GroupBy(p => p.Key, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Select(p => p.Value ?? string.Empty)
                    .OrderBy(v => v, StringComparer.Ordinal)
                    .Select(v => Escape(g.Key) + "=" + Escape(v))));

        /// <summary>Percent-encodes everything but <c>A-Za-z0-9-_.~</c>, with upper-case hex, over UTF-8 bytes.</summary>
        public static string Escape(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                var c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            return sb.ToString();
        }

        public static string HexSha256(byte[] data)
        {
            using var sha = SHA256.Create();
            return ToHex(sha.ComputeHash(data));
        }

        private static string ToHex(byte[] bytes)
        {
            var sb = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}
