using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace HuaweiMigration.Simulator;

/// <summary>
/// Makes a request body fit for the request log: the values of secret-named properties (<see cref="SecretNames"/>)
/// become <c>"[redacted]"</c>, everything else is kept byte for byte, and the result is cut to a size. What cannot be
/// read as JSON is not kept at all from the point where reading failed (it could hold a secret no rule can see).
/// </summary>
internal static class JsonRedactor
{
    public const string Mark = "[redacted]";

    private static readonly byte[] Replacement = Encoding.UTF8.GetBytes("\"" + Mark + "\"");

    /// <summary>
    /// A secret-named property whose value is an object or array has every string and number inside redacted (IAM's
    /// <c>token: {id}</c>, <c>hw_ak_sk: {secret: {key}}</c>), except these two, which are walked like any object:
    /// IAM's root <c>auth</c>, and its password method <c>auth.identity.password</c>, whose only secret is the leaf
    /// <c>user.password</c> (a wrong one too). So a failed login still shows the user, domain and scope it named.
    /// </summary>
    private static readonly string[][] WalkedContainers =
    {
        new[] { Root, "auth" },
        new[] { Root, "auth", "identity", "password" },
    };

    /// <summary>The path name of the document itself (its top-level object or array).</summary>
    private const string Root = "";

    /// <summary>
    /// The log's text of <paramref name="body"/>: redacted, then cut to <paramref name="maxBytes"/> bytes of UTF-8
    /// with a note of what was dropped. Each redacted value is passed to <paramref name="onSecret"/>.
    /// </summary>
    public static string Redact(byte[] body, int maxBytes, Action<string>? onSecret = null)
    {
        var replaced = new List<(int Start, int End)>();
        long delta = 0;        // how much longer the output is than the input, so far
        var readable = 0;      // the input bytes read as JSON, up to where reading stopped
        var outcome = Outcome.Complete;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        var frames = new Stack<(bool Secret, bool IsObject)>();
        var path = new List<string>();
        string? name = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenStartIndex + delta > maxBytes)
                {
                    // Past what is kept: nothing from here reaches the log, so it need not be read.
                    outcome = Outcome.Cut;
                    break;
                }
                var inSecret = frames.Count > 0 && frames.Peek().Secret;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(frames.Count > 0 && !frames.Peek().IsObject ? "[]" : name ?? string.Empty);
                        frames.Push((inSecret || (SecretNames.IsSecret(name) && !IsWalked(path)), reader.TokenType == JsonTokenType.StartObject));
                        name = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        path.RemoveAt(path.Count - 1);
                        name = null;
                        break;
                    case JsonTokenType.String:
                    case JsonTokenType.Number:
                        var named = frames.Count > 0 && frames.Peek().IsObject && SecretNames.IsSecret(name);
                        if (inSecret || named)
                        {
                            var start = (int)reader.TokenStartIndex;
                            var end = (int)reader.BytesConsumed;
                            replaced.Add((start, end));
                            delta += Replacement.Length - (end - start);
                            onSecret?.Invoke(reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(body, start, end - start));
                        }
                        name = null;
                        break;
                    default:
                        name = null;
                        break;
                }
                readable = (int)reader.BytesConsumed;
            }
            if (outcome == Outcome.Complete) readable = body.Length;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON from here on (or not UTF-8): keep what was read, drop the rest unseen.
            outcome = Outcome.NotJson;
        }

        var output = new List<byte>(capacity: (int)Math.Min(maxBytes, readable + delta) + Replacement.Length);
        var at = 0;
        foreach (var (start, end) in replaced)
        {
            for (var i = at; i < start; i++) output.Add(body[i]);
            output.AddRange(Replacement);
            at = end;
        }
        for (var i = at; i < readable; i++) output.Add(body[i]);

        if (output.Count > maxBytes)
        {
            output.RemoveRange(maxBytes, output.Count - maxBytes);
            if (outcome == Outcome.Complete) outcome = Outcome.Cut;
        }
        var text = Encoding.UTF8.GetString(output.ToArray());
        return outcome switch
        {
            Outcome.Complete => text,
            Outcome.Cut => text + "…(" + body.Length + " bytes in all)",
            _ => text + "…(not JSON after byte " + readable + "; " + body.Length + " bytes in all)",
        };
    }

    private enum Outcome
    {
        Complete,
        Cut,
        NotJson,
    }

    private static bool IsWalked(List<string> path)
    {
        foreach (var walked in WalkedContainers)
        {
            if (walked.Length != path.Count) continue;
            var same = true;
            for (var i = 0; i < walked.Length && same; i++) same = string.Equals(walked[i], path[i], StringComparison.OrdinalIgnoreCase);
            if (same) return true;
        }
        return false;
    }
}
