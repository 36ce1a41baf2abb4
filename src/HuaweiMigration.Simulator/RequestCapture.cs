using System;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator;

/// <summary>
/// Turns a request into its request-log entry. The log is served unauthenticated at /_sim/requests and kept for the
/// last 20,000 requests, so an entry holds no secret and little text: secret-named headers, query parameters and JSON
/// body values are redacted (<see cref="SecretNames"/>), and everything a client controls is cut, to about 4 KB an
/// entry in all (20,000 entries: tens of MB at most, whatever clients send).
/// </summary>
internal static class RequestCapture
{
    /// <summary>All the text of one entry: path, query string, headers, then the body in what is left.</summary>
    public const int MaxEntryBytes = 4096;

    public const int MaxPath = 512;
    public const int MaxQueryString = 512;

    /// <summary>All headers together (names and values); the headers that do not fit are not kept.</summary>
    public const int MaxHeaders = 1024;

    public const int MaxHeaderValue = 128;
    public const int MaxHeaderName = 64;

    /// <summary>Method and access key: short in any real request.</summary>
    public const int MaxWord = 128;

    /// <param name="onSecret">Told each value kept out of the entry (where it was, the value); nothing else keeps them.</param>
    public static RecordedRequest Capture(HttpRequest request, byte[] body, long sequence, DateTime timestamp, string requestId,
        int statusCode, AuthResult auth, FaultRule? fault, Action<string, string>? onSecret)
    {
        var path = Cut(request.Path.Value ?? "/", MaxPath);
        var (query, whole) = Query(request.QueryString.Value ?? string.Empty, onSecret);
        var headers = Headers(request.Headers, onSecret);
        var room = MaxEntryBytes - Encoding.UTF8.GetByteCount(path) - Encoding.UTF8.GetByteCount(query) - headers.Length;
        return new RecordedRequest
        {
            Sequence = sequence,
            Timestamp = timestamp,
            Method = Cut(request.Method, MaxWord),
            Path = path,
            QueryString = query,
            QueryWholeLength = whole,
            BodyUtf8 = body.Length == 0 ? null : Encoding.UTF8.GetBytes(JsonRedactor.Redact(body, room, s => onSecret?.Invoke("body", s))),
            StatusCode = statusCode,
            AuthKind = auth.Kind,
            AuthValid = auth.Valid,
            AccessKey = auth.AccessKey is null ? null : Cut(auth.AccessKey, MaxWord),
            RequestId = requestId,
            Fault = fault?.Kind.ToString(),
            HeadersUtf8 = headers,
        };
    }

    /// <summary>The raw query string with secret-named values redacted and cut; and how much of it is whole parameters.</summary>
    private static (string Text, int Whole) Query(string raw, Action<string, string>? onSecret)
    {
        if (raw.Length <= 1) return (raw, raw.Length);
        var pairs = raw.Substring(1).Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var eq = pairs[i].IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            var name = Unescape(pairs[i].Substring(0, eq));
            if (!SecretNames.IsSecret(name)) continue;
            onSecret?.Invoke("query " + name, Unescape(pairs[i].Substring(eq + 1)));
            pairs[i] = pairs[i].Substring(0, eq + 1) + JsonRedactor.Mark;
        }
        var text = "?" + string.Join('&', pairs);
        if (text.Length <= MaxQueryString) return (text, text.Length);
        var kept = text.Substring(0, MaxQueryString);
        // The parameter the cut goes through is not whole: it stays in the text, not in the decoded query.
        var whole = text[MaxQueryString] == '&' ? MaxQueryString : Math.Max(1, kept.LastIndexOf('&'));
        return (kept + "…(" + text.Length + " chars in all)", whole);
    }

    private static byte[] Headers(IHeaderDictionary headers, Action<string, string>? onSecret)
    {
        var lines = new StringBuilder();
        var used = 0;
        foreach (var header in headers)
        {
            string value;
            if (SecretNames.IsSecret(header.Key))
            {
                foreach (var v in header.Value) onSecret?.Invoke(header.Key, v ?? string.Empty);
                value = JsonRedactor.Mark;
            }
            else
            {
                value = OneLine(Cut(string.Join(", ", header.Value.ToArray()), MaxHeaderValue));
            }
            var name = OneLine(Cut(header.Key, MaxHeaderName));
            var cost = Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value) + 2;
            if (used + cost > MaxHeaders) continue;
            lines.Append(name).Append('\n').Append(value).Append('\n');
            used += cost;
        }
        return Encoding.UTF8.GetBytes(lines.ToString());
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "…(" + text.Length + " chars in all)";

    /// <summary>Kestrel refuses line breaks in headers; this keeps the entry's line format safe whatever a future server lets through.</summary>
    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
