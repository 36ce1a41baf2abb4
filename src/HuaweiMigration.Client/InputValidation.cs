using System;
using System.Text.RegularExpressions;

namespace HuaweiMigration.Client
{
    /// <summary>Checks done before any request is sent, so bad input never reaches the wire.</summary>
    public static class InputValidation
    {
        private static readonly Regex RegionPattern = new Regex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,3}$", RegexOptions.CultureInvariant);

        /// <summary>Throws unless <paramref name="region"/> looks like a region name (<c>ap-southeast-1</c>, <c>cn-north-4</c>).</summary>
        public static string Region(string? region)
        {
            if (string.IsNullOrWhiteSpace(region) || !RegionPattern.IsMatch(region!))
            {
                throw new ArgumentException("'" + region + "' is not a region name. Use a name such as ap-southeast-1 or cn-north-4.", nameof(region));
            }
            return region!;
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
            if (endpoint.Scheme == Uri.UriSchemeHttps) return endpoint;
            if (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback) return endpoint;
            throw new ArgumentException(
                "The endpoint '" + endpoint.GetLeftPart(UriPartial.Authority) + "' is refused: use https://, or http:// only on a loopback address (127.0.0.1, localhost) such as the simulator.",
                parameterName);
        }

        /// <summary>Throws unless the id is a usable SMS task id: 1–36 ASCII letters, digits and hyphens.</summary>
        public static string SmsTaskId(string? id) => TaskId(id, 36, "SMS task id");

        /// <summary>Throws unless the id is a usable DCS migration task id (1–64 characters, none that would change the path).</summary>
        public static string DcsTaskId(string? id) => TaskId(id, 64, "DCS migration task id");

        /// <summary>Throws unless the project id is usable in a path.</summary>
        public static string ProjectId(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("No project id: the context has none. Pass -ProjectId, or connect with -ProjectId.", "projectId");
            }
            return TaskId(id, 64, "project id");
        }

        internal static string TaskId(string? id, int maxLength, string what)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException("The " + what + " is empty.", "id");
            }
            if (id!.Length > maxLength)
            {
                throw new ArgumentException("The " + what + " '" + id.Substring(0, Math.Min(id.Length, 40)) + "…' is " + id.Length + " characters long; at most " + maxLength + " are allowed.", "id");
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

        private static string Describe(char c) =>
            char.IsControl(c) || char.IsWhiteSpace(c) || c > '~'
                ? "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + (char.IsWhiteSpace(c) ? " (white space)" : c > '~' && !char.IsControl(c) ? " ('" + c + "')" : " (a control character)")
                : "'" + c + "'";

        private static string Printable(string s)
        {
            var chars = s.ToCharArray();
            for (var i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = '?';
            return new string(chars);
        }
    }
}
