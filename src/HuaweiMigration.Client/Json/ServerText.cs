using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using HuaweiMigration.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HuaweiMigration.Client.Json
{
    /// <summary>
    /// Text a service sent that a person will see (names, descriptions, messages, <c>error_json</c>): control
    /// characters and terminal escape sequences are removed, so a task named <c>"web\e]0;pwned\a\e[2J01"</c> shows as
    /// <c>web01</c> instead of retitling the window and clearing the screen. Tabs and line breaks become spaces. Text
    /// that is itself JSON (<c>error_json</c>, a description) is cleaned inside too, where <c>\u001b</c> hides the
    /// escape, and the values of its secret-like keys (<see cref="ApiObject.IsSecretName"/>) are redacted.
    /// </summary>
    internal static class ServerText
    {
        /// <summary>What a secret-like key's value becomes in JSON-looking text.</summary>
        public const string Redacted = "***";

        /// <summary>
        /// Server text as a person may see it: <see cref="Clean"/>, and for JSON-looking text, every string in it
        /// cleaned as well and every secret-like key's value redacted (written again compactly only when something
        /// changed).
        /// </summary>
        public static string? ForPerson(string? text)
        {
            var clean = Clean(text);
            return clean is null ? null : InsideJson(clean) ?? clean;
        }

        /// <summary>JSON-looking text cleaned and redacted inside (itself when nothing changed); null when it is not JSON.</summary>
        private static string? InsideJson(string clean)
        {
            if (!LooksLikeJson(clean)) return null;
            JToken json;
            try
            {
                json = JToken.Parse(clean);
            }
            catch (JsonException)
            {
                return null;
            }
            return CleanInside(json) ? json.ToString(Formatting.None) : clean;
        }

        /// <summary><c>name=value</c> or <c>name: value</c> with a secret-like name, in text that is not JSON.</summary>
        private static readonly Regex SecretAssignment = new Regex(
            "(?<name>[A-Za-z0-9_-]*(?:password|passwd|pwd|passphrase|secret|token|credential|private_?key|api_?key|authorization|signature)[A-Za-z0-9_-]*|\\b(?:auth|sk)\\b)(?<sep>\"?\\s*[:=]\\s*)(?:\"[^\"]*\"|'[^']*'|[^\\s,;&<>\"']+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// A short excerpt of a body that says nothing the module can read (no error code, no message), for a message:
        /// cleaned, secret-like keys' values redacted (in JSON by key, in other text where a secret-like name is
        /// assigned a value), white space run together, at most <paramref name="max"/> characters.
        /// </summary>
        public static string? Excerpt(string? body, int max = 120)
        {
            var clean = Clean(body);
            if (string.IsNullOrWhiteSpace(clean)) return null;
            var text = InsideJson(clean!) ?? SecretAssignment.Replace(clean!, m => m.Groups["name"].Value + m.Groups["sep"].Value + Redacted);
            text = Regex.Replace(text, "\\s+", " ").Trim();
            return text.Length <= max ? text : text.Substring(0, max) + "…";
        }

        private static bool LooksLikeJson(string text)
        {
            foreach (var c in text)
            {
                if (c == ' ') continue;
                return c == '{' || c == '[';
            }
            return false;
        }

        /// <summary>Cleans every string and property name in the JSON and redacts secret-like keys' values; true when anything changed.</summary>
        private static bool CleanInside(JToken token)
        {
            var changed = false;
            switch (token)
            {
                case JObject obj:
                    foreach (var property in obj.Properties().ToList())
                    {
                        var name = Clean(property.Name)!;
                        if (ApiObject.IsSecretName(property.Name))
                        {
                            if (name == property.Name)
                            {
                                if (property.Value.Type == JTokenType.String && (string?)property.Value == Redacted) continue;
                                property.Value = Redacted;
                            }
                            else if (obj.Property(name) != null) property.Remove();
                            else property.Replace(new JProperty(name, Redacted));
                            changed = true;
                            continue;
                        }
                        if (name == property.Name)
                        {
                            changed |= CleanInside(property.Value);
                            continue;
                        }
                        changed = true;
                        if (obj.Property(name) != null)
                        {
                            property.Remove(); // its clean name is taken: the look-alike goes
                            continue;
                        }
                        var renamed = new JProperty(name, property.Value);
                        property.Replace(renamed);
                        CleanInside(renamed.Value);
                    }
                    break;
                case JArray array:
                    foreach (var item in array) changed |= CleanInside(item);
                    break;
                case JValue value when value.Type == JTokenType.String:
                    var text = (string?)value.Value;
                    var clean = Clean(text);
                    if (clean != text)
                    {
                        value.Value = clean;
                        changed = true;
                    }
                    break;
            }
            return changed;
        }
        private const char Esc = '\u001b';
        private const char Bel = '\u0007';
        private const char C1Dcs = '\u0090';
        private const char C1Sos = '\u0098';
        private const char C1Csi = '\u009b';
        private const char C1St = '\u009c';
        private const char C1Osc = '\u009d';
        private const char C1Pm = '\u009e';
        private const char C1Apc = '\u009f';

        /// <summary>The text without control characters and escape sequences; null stays null.</summary>
        public static string? Clean(string? text)
        {
            if (text is null || !HasControl(text)) return text;
            var sb = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == Esc)
                {
                    i = SkipEscape(text, i + 1);
                }
                else if (c == C1Csi)
                {
                    i = SkipControlSequence(text, i + 1);
                }
                else if (c == C1Osc || c == C1Dcs || c == C1Sos || c == C1Pm || c == C1Apc)
                {
                    i = SkipString(text, i + 1);
                }
                else
                {
                    if (c == '\t' || c == '\n' || c == '\r') sb.Append(' ');
                    else if (!IsControl(c)) sb.Append(c);
                    i++;
                }
            }
            return sb.ToString();
        }

        /// <summary>True when <paramref name="text"/> holds a C0 or C1 control character (what <see cref="Clean"/> removes).</summary>
        internal static bool HasControl(string text)
        {
            foreach (var c in text)
            {
                if (IsControl(c)) return true;
            }
            return false;
        }

        /// <summary>C0, DEL and C1.</summary>
        private static bool IsControl(char c) => c < ' ' || (c >= '\u007f' && c <= '\u009f');

        /// <summary>After ESC: the sequence it starts (CSI, OSC and the other strings, nF, or a two-character one).</summary>
        private static int SkipEscape(string text, int i)
        {
            if (i >= text.Length) return i;
            var c = text[i];
            switch (c)
            {
                case '[':
                    return SkipControlSequence(text, i + 1);
                case ']':
                case 'P':
                case 'X':
                case '^':
                case '_':
                    return SkipString(text, i + 1);
            }
            // nF: intermediate bytes, then one final byte (ESC ( B).
            while (i < text.Length && text[i] >= ' ' && text[i] <= '/') i++;
            // Fp, Fe, Fs: one final byte; anything else ends the escape without being taken.
            return i < text.Length && text[i] >= '0' && text[i] <= '~' ? i + 1 : i;
        }

        /// <summary>CSI: parameter and intermediate bytes up to a final byte (or the end, or a character no sequence holds).</summary>
        private static int SkipControlSequence(string text, int i)
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (c >= '@' && c <= '~') return i + 1;
                if (c < ' ' || c > '?') return i; // not part of a sequence: stop, and let the loop judge it
                i++;
            }
            return i;
        }

        /// <summary>OSC, DCS, SOS, PM, APC: everything up to BEL or the string terminator (ESC \ or C1 ST), or the end.</summary>
        private static int SkipString(string text, int i)
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (c == Bel || c == C1St) return i + 1;
                if (c == Esc) return i + 1 < text.Length && text[i + 1] == '\\' ? i + 2 : i + 1;
                i++;
            }
            return i;
        }
    }
}
