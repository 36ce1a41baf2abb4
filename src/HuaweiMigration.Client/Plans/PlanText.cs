using HuaweiMigration.Client.Json;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// Text from a plan as a sentence quotes it: control characters and terminal escapes removed (as server text is,
    /// <see cref="ServerText.Clean"/>) and cut to <see cref="MaxQuoted"/> characters, so a cell of 10,000 characters or
    /// one holding an escape sequence cannot flood or rewrite the screen, and redacted as server text is
    /// (<see cref="ServerText.Excerpt"/>: the values of secret-like JSON keys and of <c>password=…</c> assignments are
    /// hidden), so a value such as <c>10.0.0.1:6379 password=x</c> is quoted without its password. Values of
    /// secret-like columns are never quoted at all (<see cref="PlanColumns.IsSecretLike"/>), nor are cells that are
    /// not a single value (<see cref="PlanRow.NotSingle"/>).
    /// </summary>
    internal static class PlanText
    {
        /// <summary>The most characters of a plan's text a sentence quotes.</summary>
        public const int MaxQuoted = 60;

        /// <summary>The text cleaned and cut, between single quotes.</summary>
        public static string Quote(string? text) => "'" + Shown(text) + "'";

        /// <summary>The text cleaned, redacted and cut, without quotes (for column names and lists).</summary>
        public static string Shown(string? text) => ServerText.Excerpt(text, MaxQuoted) ?? string.Empty;

        /// <summary>True when the text holds a control character (a line break, an escape): such text is no name, id or address.</summary>
        public static bool HasControl(string text) => ServerText.HasControl(text);
    }
}
