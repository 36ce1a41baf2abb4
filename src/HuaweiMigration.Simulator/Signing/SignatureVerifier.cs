using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace HuaweiMigration.Simulator.Signing;

/// <summary>
/// The gateway's side of <c>SDK-HMAC-SHA256</c>, written from API.md's five steps and sharing nothing with the
/// client's signer: if either side misreads a step, the signing vectors or the AK/SK tests catch it.
/// </summary>
internal static class SignatureVerifier
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";

    /// <summary>One parsed <c>Authorization</c> header.</summary>
    public sealed record Authorization(string AccessKey, string[] SignedHeaders, string Signature);

    /// <summary>Reads <c>SDK-HMAC-SHA256 Access=…, SignedHeaders=a;b, Signature=…</c>; null when it is not that form.</summary>
    public static Authorization? ParseAuthorization(string? header)
    {
        const string prefix = Algorithm + " ";
        if (header is null || !header.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in header[prefix.Length..].Split(','))
        {
            var pair = item.Trim().Split('=', 2);
            if (pair.Length != 2 || pair[0].Length == 0 || !parts.TryAdd(pair[0], pair[1])) return null;
        }
        if (parts.Count != 3 ||
            !parts.TryGetValue("Access", out var access) || access.Length == 0 ||
            !parts.TryGetValue("SignedHeaders", out var signed) || signed.Length == 0 ||
            !parts.TryGetValue("Signature", out var signature) || signature.Length == 0)
        {
            return null;
        }
        return new Authorization(access, signed.Split(';'), signature);
    }

    /// <summary>Parses <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static bool TryParseDate(string value, out DateTime utc) =>
        DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);

    /// <summary>
    /// The signature the request should carry. <paramref name="headerValue"/> gives the values of a signed header
    /// (by lower-case name) as received; <paramref name="path"/> and <paramref name="query"/> are decoded.
    /// </summary>
    public static string ExpectedSignature(
        string method,
        string path,
        IEnumerable<(string Key, string Value)> query,
        IReadOnlyList<string> signedHeaders,
        Func<string, IEnumerable<string>> headerValue,
        ReadOnlySpan<byte> body,
        string sdkDate,
        string secretKey)
    {
        // Step 3: the canonical request.
        var canonical = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(path)).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = headerValue(name).Select(v => v.Trim()).ToList();
            if (values.Count == 0) values.Add(string.Empty);
            values.Sort(StringComparer.Ordinal);
            foreach (var value in values) canonical.Append(name).Append(':').Append(value).Append('\n');
        }
        canonical.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(Hex(SHA256.HashData(body)));

        // Step 4: the string to sign and its HMAC.
        var stringToSign = Algorithm + "\n" + sdkDate + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Compares without leaking where the first difference is.</summary>
    public static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static string CanonicalPath(string path)
    {
        var encoded = string.Join('/', path.Split('/').Select(PercentEncode));
        return encoded.EndsWith('/') ? encoded : encoded + "/";
    }

    private static string CanonicalQuery(IEnumerable<(string Key, string Value)> query) =>
        string.Join('&', query
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    private static string PercentEncode(string text)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~') result.Append((char)b);
            else result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return result.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
