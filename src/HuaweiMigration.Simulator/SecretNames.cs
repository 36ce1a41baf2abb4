using System;
using System.Linq;

namespace HuaweiMigration.Simulator;

/// <summary>
/// Which names (JSON properties, headers, query parameters) hold a secret, so the request log keeps their values out.
/// Broad on purpose: a value kept out by mistake costs a little debugging, one kept in by mistake is a leaked password.
/// </summary>
internal static class SecretNames
{
    /// <summary>Compared with the name lower-cased and without '-' and '_' (X-Auth-Token, private_key, api-key).</summary>
    private static readonly string[] Fragments =
    {
        "password", "passwd", "pwd", "passphrase", "passcode", "secret", "token", "credential", "privatekey", "apikey",
        "authorization", "cookie", "signature",
    };

    /// <summary>Too short to search inside other names: only the whole name counts.</summary>
    private static readonly string[] Whole = { "auth", "sk" };

    public static bool IsSecret(string? name)
    {
        if (string.IsNullOrEmpty(name)) return false;
        var plain = new string(name.Where(c => c != '-' && c != '_').Select(char.ToLowerInvariant).ToArray());
        return Whole.Contains(plain, StringComparer.Ordinal) || Fragments.Any(f => plain.Contains(f, StringComparison.Ordinal));
    }
}
