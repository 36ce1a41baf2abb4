using HuaweiMigration.Client.Json;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// Text from a plan as a sentence quotes it: control characters and terminal escapes removed (as server text is,
    /// <see cref="ServerText.Clean"/>) and cut to <see cref="MaxQuoted"/> characters, so a cell of 10,000 characters or
    /// one holding an escape sequence cannot flood or rewrite the screen. Values of secret-like columns are never
    /// quoted at all (<see cref="PlanColumns.IsSecretLike"/>).
    /// </summary>
    internal static class PlanText
    {
        /// <summary>The most characters of a plan's text a sentence quotes.</summary>
        public const int MaxQuoted = 60;

        /// <summary>The text cleaned and cut, between single quotes.</summary>
        public static string Quote(string? text) => "'" + Shown(text) + "'";

        /// <summary>The text cleaned and cut, without quotes (for column names and lists).</summary>
        public static string Shown(string? text)
        {
            var clean = ServerText.Clean(text) ?? string.Empty;
            return clean.Length <= MaxQuoted ? clean : clean.Substring(0, MaxQuoted) + "…";
        }

        /// <summary>True when the text holds a control character (a line break, an escape): such text is no name, id or address.</summary>
        public static bool HasControl(string text) => ServerText.HasControl(text);
    }
}
