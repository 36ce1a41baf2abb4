using System;
using System.Text.RegularExpressions;

namespace HuaweiMigration.Client
{
    /// <summary>Checks done before any request is sent, so bad input never reaches the wire.</summary>
    internal static class InputValidation
    {
        // \z, not $: $ also matches before a final newline, which would let "ap-southeast-1\n" through.
        private static readonly Regex RegionPattern = new Regex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,3}\\z", RegexOptions.CultureInvariant);

        /// <summary>Throws unless <paramref name="region"/> looks like a region name (<c>ap-southeast-1</c>, <c>cn-north-4</c>).</summary>
        public static string Region(string? region)
        {
            if (string.IsNullOrWhiteSpace(region) || !RegionPattern.IsMatch(region!))
            {
                throw new ArgumentException("'" + Printable(region ?? string.Empty) + "' is not a region name. Use a name such as ap-southeast-1 or cn-north-4.", nameof(region));
            }
            return region!;
        }

        /// <summary>
        /// Throws unless a credential's text can go into a header as it is: printable ASCII without white space at
        /// either end. The message names <paramref name="source"/> (the parameter or environment variable) and where
        /// the bad character is, never the value.
        /// </summary>
        public static void CredentialText(string? value, string source, string what)
        {
            if (value is null) return;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c >= ' ' && c <= '~') continue;
                var newline = c == '\n' || c == '\r';
                throw new ArgumentException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "The {0} in {1} holds {2} at character {3} of {4}, which cannot be sent in a header; the value is not shown.{5}",
                    what, source, DescribeHidden(c), i + 1, value.Length,
                    newline && i >= value.Length - 2
                        ? " A file read with Get-Content -Raw ends with a newline: trim it, e.g. (Get-Content token.txt -Raw).Trim()."
                        : string.Empty),
                    source.TrimStart('-'));
            }
            if (value.Length > 0 && (value[0] == ' ' || value[value.Length - 1] == ' '))
            {
                throw new ArgumentException("The " + what + " in " + source + " begins or ends with a space, which a header cannot keep; the value is not shown. Trim it.", source.TrimStart('-'));
            }
        }

        /// <summary>Throws unless a user-info-free endpoint: <c>http://user:pass@host</c> would send credentials the module does not manage.</summary>
        private static void NoUserInfo(Uri endpoint, string parameterName)
        {
            if (!string.IsNullOrEmpty(endpoint.UserInfo))
            {
                throw new ArgumentException(
                    "The endpoint " + endpoint.Scheme + "://" + endpoint.Host + (endpoint.IsDefaultPort ? string.Empty : ":" + endpoint.Port)
                        + " is refused: it holds a user name or password (user:pass@). Connect-HuaweiCloud takes credentials by -Credential, -AccessKey or -Token; give the endpoint without them.",
                    parameterName);
            }
        }

        /// <summary>
        /// Throws unless the endpoint is an absolute HTTPS URL, or HTTP on a loopback address (the simulator).
        /// Credentials are never sent in clear text to another machine.
        /// </summary>
        public static Uri Endpoint(Uri? endpoint, string parameterName)
        {
            if (endpoint is null || !endpoint.IsAbsoluteUri)
            {
                throw new ArgumentException("The endpoint must be an absolute URL such as https://sms.ap-southeast-3.myhuaweicloud.com.", parameterName);
            }
            NoUserInfo(endpoint, parameterName);
            if (endpoint.Scheme == Uri.UriSchemeHttps) return endpoint;
            if (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback) return endpoint;
            throw new ArgumentException(
                "The endpoint '" + endpoint.GetLeftPart(UriPartial.Authority) + "' is refused: use https://, or http:// only on a loopback address (127.0.0.1, localhost) such as the simulator.",
                parameterName);
        }

        /// <summary>Throws unless the id is a usable SMS task id: 1–36 ASCII letters, digits and hyphens.</summary>
        public static string SmsTaskId(string? id) => Id(id, 36, "SMS task id");

        /// <summary>Throws unless <paramref name="id"/> is an SMS source server id (1 to 64 ASCII letters, digits and hyphens).</summary>
        public static string SmsSourceServerId(string? id) => Id(id, 64, "SMS source server id");

        /// <summary>Throws unless <paramref name="id"/> is an SMS migration project id (1 to 64 ASCII letters, digits and hyphens).</summary>
        public static string SmsMigrationProjectId(string? id) => Id(id, 64, "SMS migration project id");

        /// <summary>Throws unless the id is a usable DCS migration task id (1–64 characters, none that would change the path).</summary>
        public static string DcsTaskId(string? id) => Id(id, 64, "DCS migration task id");

        /// <summary>Throws unless the project id is usable in a path.</summary>
        public static string ProjectId(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("No project id: the context has none. Pass -ProjectId, or connect with -ProjectId.", "projectId");
            }
            return Id(id, 64, "project id");
        }

        /// <summary>Throws when <paramref name="text"/> holds a control character (a trailing newline, an escape), naming <paramref name="what"/>.</summary>
        public static string NoControlCharacters(string text, string what)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsControl(text[i])) continue;
                throw new ArgumentException(
                    "The " + what + " '" + Printable(text) + "' holds " + Describe(text[i]) + " at character " + (i + 1) + " of " + text.Length + "; control characters (a trailing newline included) are not allowed.",
                    what);
            }
            return text;
        }

        /// <summary>Throws unless <paramref name="id"/> is 1 to <paramref name="maxLength"/> ASCII letters, digits and hyphens; <paramref name="what"/> names it in the message.</summary>
        public static string Id(string? id, int maxLength, string what)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("The " + what + " is empty.", "id");
            }
            if (id!.Length > maxLength)
            {
                throw new ArgumentException("The " + what + " '" + Printable(id.Substring(0, Math.Min(id.Length, 40))) + "…' is " + id.Length + " characters long; at most " + maxLength + " are allowed.", "id");
            }
            foreach (var c in id)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') continue;
                var hint = id.StartsWith("System.", StringComparison.Ordinal) || id.StartsWith("@{", StringComparison.Ordinal)
                    ? " It looks like an object was given where an id was expected; pass the object's id (or an object with an Id property)."
                    : string.Empty;
                throw new ArgumentException(
                    "The " + what + " '" + Printable(id) + "' contains " + Describe(c) + ", which is not allowed in an id: ids are ASCII letters, digits and hyphens." + hint, "id");
            }
            return id;
        }

        /// <summary>A secret's bad character, told without showing it: its code for a control character, else only its kind.</summary>
        private static string DescribeHidden(char c) => char.IsControl(c) ? Describe(c) : "a character that is not printable ASCII";

        private static string Describe(char c) =>
            char.IsControl(c) || char.IsWhiteSpace(c) || c > '~'
                ? "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + c switch
                {
                    '\n' => " (a line feed)",
                    '\r' => " (a carriage return)",
                    '\t' => " (a tab, white space)",
                    _ when char.IsWhiteSpace(c) => " (white space)",
                    _ when char.IsControl(c) => " (a control character)",
                    _ => " ('" + c + "')",
                }
                : "'" + c + "'";

        private static string Printable(string s)
        {
            var chars = s.ToCharArray();
            for (var i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = '?';
            return new string(chars);
        }
    }
}
