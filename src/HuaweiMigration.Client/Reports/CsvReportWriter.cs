using System.Collections.Generic;
using System.Globalization;
using System.Text;
using HuaweiMigration.Client.Json;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>
    /// A report's rows as CSV (RFC 4180): a header line, then one line per row, CRLF line ends, a field quoted when it
    /// holds a comma, a quote or a line break (quotes doubled). Control characters are removed, and a text field that
    /// a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading
    /// apostrophe. Numbers are written in the invariant culture.
    /// </summary>
    public static class CsvReportWriter
    {
        /// <summary>The columns, in order.</summary>
        public static IReadOnlyList<string> Columns { get; } = new[]
        {
            "Kind", "Name", "Id", "State", "StateGroup", "Progress", "SpeedMbitPerSecond", "SecondsLeft", "Detail",
            "ErrorCode", "ErrorMessage", "Advice", "Stage", "Outcome", "Message",
        };

        public static string Write(MigrationReport report)
        {
            var sb = new StringBuilder();
            Line(sb, Columns);
            foreach (var r in report.Rows)
            {
                Line(sb, new[]
                {
                    Text(r.Kind), Text(r.Name), Text(r.Id), Text(r.State), ReportStates.Label(r.Group),
                    r.Progress?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    r.SpeedMbitPerSecond?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty,
                    r.SecondsLeft?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    Text(r.Detail), Text(r.ErrorCode), Text(r.ErrorMessage), Text(r.Advice), Text(r.Stage), Text(r.Outcome), Text(r.Message),
                });
            }
            return sb.ToString();
        }

        private static void Line(StringBuilder sb, IReadOnlyList<string> fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(Quote(fields[i]));
            }
            sb.Append("\r\n");
        }

        /// <summary>A text field: without control characters, and defused when a spreadsheet would read it as a formula.</summary>
        public static string Text(string? text)
        {
            var clean = ServerText.Clean(text) ?? string.Empty;
            return clean.Length > 0 && "=+-@\t\r".IndexOf(clean[0]) >= 0 ? "'" + clean : clean;
        }

        /// <summary>The field as RFC 4180 writes it.</summary>
        public static string Quote(string field) =>
            field.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
