using System.Collections.Generic;
using System.Text;
using HuaweiMigration.Client.Json;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>
    /// How every CSV file the module writes spells a line (the report, -ResultPath): RFC 4180 — fields joined by
    /// commas, a field quoted when it holds a comma, a quote, a line break or edge spaces (quotes doubled), CRLF at the
    /// end. Text fields lose their control characters and get a leading apostrophe when a spreadsheet would run them
    /// as a formula (starting with =, +, -, @, a tab or a carriage return).
    /// </summary>
    public static class CsvLine
    {
        /// <summary>One line, CRLF included.</summary>
        public static string Of(IReadOnlyList<string?> fields)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(Quote(fields[i]));
            }
            return sb.Append("\r\n").ToString();
        }

        /// <summary>A text field: without control characters, and defused when a spreadsheet would read it as a formula.</summary>
        public static string Text(string? text)
        {
            var clean = ServerText.Clean(text) ?? string.Empty;
            return clean.Length > 0 && "=+-@\t\r".IndexOf(clean[0]) >= 0 ? "'" + clean : clean;
        }

        /// <summary>The field as RFC 4180 writes it.</summary>
        public static string Quote(string? field)
        {
            if (string.IsNullOrEmpty(field)) return string.Empty;
            return field!.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || field != field.Trim()
                ? "\"" + field.Replace("\"", "\"\"") + "\""
                : field;
        }
    }
}
