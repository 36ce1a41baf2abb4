using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace HuaweiMigration.Simulator;

/// <summary>
/// One API request as the simulator saw it, with the answer's status: what the request log keeps. It never holds a
/// secret (see <see cref="RequestCapture"/>) and holds at most a few KB, kept as UTF-8, so a full ring stays small.
/// </summary>
public sealed class RecordedRequest
{
    public long Sequence { get; init; }
    public DateTime Timestamp { get; init; }
    public string Method { get; init; } = string.Empty;
    public string Path { get; init; } = string.Empty;

    /// <summary>Query string including the leading '?', or empty; secret-named values redacted, cut to a few hundred characters.</summary>
    public string QueryString { get; init; } = string.Empty;

    /// <summary>How much of <see cref="QueryString"/> is whole parameters (the rest is a cut one and the note of the cut).</summary>
    internal int QueryWholeLength { get; init; }

    /// <summary>Decoded query, from the whole parameters kept; repeated keys are joined with ','.</summary>
    public IReadOnlyDictionary<string, string> Query =>
        QueryHelpers.ParseQuery(QueryString.Substring(0, QueryWholeLength)).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    internal byte[]? BodyUtf8 { get; init; }

    /// <summary>The body with secret-named JSON values redacted, cut to what the entry has room for (noted at the end).</summary>
    public string? Body => BodyUtf8 is null ? null : Encoding.UTF8.GetString(BodyUtf8);

    /// <summary>The answer's status; 0 when the connection was dropped without an answer.</summary>
    public int StatusCode { get; init; }

    /// <summary>"None", "Token", "AkSk" or "Password" (token issuing).</summary>
    public string AuthKind { get; init; } = "None";

    public bool AuthValid { get; init; }
    public string? AccessKey { get; init; }
    public string? RequestId { get; init; }

    /// <summary>The name of the injected fault that hit this request, or null.</summary>
    public string? Fault { get; init; }

    /// <summary>Name, value, name, value… as UTF-8 lines (header names and values hold no line breaks).</summary>
    internal byte[] HeadersUtf8 { get; init; } = Array.Empty<byte>();

    /// <summary>
    /// Request headers, repeated values joined with ", "; secret ones (Authorization, X-Auth-Token…) read
    /// "[redacted]", long values are cut, and beyond about 1 KB in all the rest is not kept.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers
    {
        get
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var lines = Encoding.UTF8.GetString(HeadersUtf8).Split('\n');
            for (var i = 0; i + 1 < lines.Length; i += 2) result[lines[i]] = lines[i + 1];
            return result;
        }
    }

    public override string ToString() => $"#{Sequence} {Method} {Path}{QueryString} -> {StatusCode} ({AuthKind}{(AuthValid ? "" : ", invalid")})";
}
