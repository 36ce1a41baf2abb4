using System;
using System.Collections.Generic;
using System.Text;

namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// The one place where an HTTP library's exception becomes text a person sees. Those texts quote what they were
    /// given (a header value they refused, token or signature included), so every header value of the request is cut
    /// out of them, and the original exception is kept only when its whole chain quotes none of those values.
    /// </summary>
    internal static class LibraryErrors
    {
        private const string Hidden = "***";

        /// <summary>Pieces of a header value shorter than this are left alone (they would match ordinary words).</summary>
        private const int MinimumPiece = 6;

        /// <summary>The name under which a request body's secret (a password) is hidden as header values are.</summary>
        internal const string BodySecret = "body secret";

        /// <summary>A body secret is hidden from this length on: a short password is still a password.</summary>
        private const int MinimumSecret = 3;

        /// <summary>
        /// <paramref name="text"/> with every header value (and every line of a value that holds control characters,
        /// as a library may quote only part of it, or quote it escaped) replaced by <c>***</c>.
        /// </summary>
        public static string Scrub(string? text, IEnumerable<KeyValuePair<string, string>>? headers)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            if (headers is null) return text!;
            var result = text!;
            foreach (var piece in Pieces(headers))
            {
                result = result.Replace(piece, Hidden);
            }
            return result;
        }

        /// <summary>
        /// The exception to keep as the inner exception: the original when no message in its chain quotes a header
        /// value, or else a stand-in that carries the scrubbed messages and the original's type name only.
        /// </summary>
        public static Exception? Keep(Exception? error, IEnumerable<KeyValuePair<string, string>>? headers)
        {
            if (error is null || headers is null) return error;
            var pieces = new List<string>(Pieces(headers));
            var quotes = false;
            for (var e = error; e != null && !quotes; e = e.InnerException)
            {
                foreach (var piece in pieces)
                {
                    if (e.Message.IndexOf(piece, StringComparison.Ordinal) >= 0) { quotes = true; break; }
                }
            }
            if (!quotes) return error;
            var chain = new StringBuilder();
            for (var e = error; e != null; e = e.InnerException)
            {
                if (chain.Length > 0) chain.Append(" ---> ");
                chain.Append(e.GetType().FullName).Append(": ").Append(Scrub(e.Message, headers));
            }
            return new ScrubbedLibraryException(Scrub(error.GetBaseException().Message, headers), chain.ToString());
        }

        private static IEnumerable<string> Pieces(IEnumerable<KeyValuePair<string, string>> headers)
        {
            var pieces = new List<string>();
            foreach (var header in headers)
            {
                var value = header.Value;
                if (string.IsNullOrEmpty(value)) continue;
                if (header.Key == BodySecret)
                {
                    // A service that quotes the body it refused quotes the secret as JSON: escaped, and maybe as \u escapes.
                    // A message may hold a JSON body it quotes (escaped once more in the answer): two levels of escaping.
                    var forms = new List<string> { value };
                    for (var level = 0; level < 2; level++)
                    {
                        foreach (var form in forms.ToArray())
                        {
                            forms.Add(Unquoted(Newtonsoft.Json.JsonConvert.ToString(form)));
                            forms.Add(Unquoted(Newtonsoft.Json.JsonConvert.ToString(form, '"', Newtonsoft.Json.StringEscapeHandling.EscapeNonAscii)));
                        }
                    }
                    foreach (var form in forms) AddSecret(pieces, form);
                    continue;
                }
                Add(pieces, value);
                Add(pieces, value.Trim());
                Add(pieces, Escaped(value));
                foreach (var line in value.Split(ControlCharacters(value), StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(pieces, line);
                    Add(pieces, line.Trim());
                }
            }
            // Longest first, so a whole value is hidden before a part of it could leave the rest readable.
            pieces.Sort((a, b) => b.Length.CompareTo(a.Length));
            return pieces;
        }

        private static void AddSecret(List<string> pieces, string piece)
        {
            if (piece.Length >= MinimumSecret && !pieces.Contains(piece)) pieces.Add(piece);
        }

        private static string Unquoted(string quoted) => quoted.Length >= 2 ? quoted.Substring(1, quoted.Length - 2) : quoted;

        private static void Add(List<string> pieces, string piece)
        {
            if (piece.Length >= MinimumPiece && !pieces.Contains(piece)) pieces.Add(piece);
        }

        private static char[] ControlCharacters(string value)
        {
            var found = new List<char>();
            foreach (var c in value)
            {
                if (char.IsControl(c) && !found.Contains(c)) found.Add(c);
            }
            return found.Count == 0 ? new[] { '\n' } : found.ToArray();
        }

        /// <summary>The value as a library may print it: control characters escaped (<c>\r</c>, <c>\n</c>, <c>\u0001</c>).</summary>
        private static string Escaped(string value)
        {
            var sb = new StringBuilder(value.Length + 8);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\r': sb.Append("\\r"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// Stands in for an HTTP library's exception whose text quoted a header value: the scrubbed text and the types of
    /// the original chain, never the original object (which would keep the secret reachable from <c>$Error</c>).
    /// </summary>
    public sealed class ScrubbedLibraryException : Exception
    {
        internal ScrubbedLibraryException(string message, string chain)
            : base(message)
        {
            OriginalChain = chain;
        }

        /// <summary>The original exceptions' types and scrubbed messages, outermost first.</summary>
        public string OriginalChain { get; }
    }
}
