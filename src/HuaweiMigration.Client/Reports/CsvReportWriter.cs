using System.Collections.Generic;
using System.Globalization;
using System.Text;

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
                    CsvLine.Text(r.Kind), CsvLine.Text(r.Name), CsvLine.Text(r.Id), CsvLine.Text(r.State), ReportStates.Label(r.Group),
                    r.Progress?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    r.SpeedMbitPerSecond?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty,
                    r.SecondsLeft?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    CsvLine.Text(r.Detail), CsvLine.Text(r.ErrorCode), CsvLine.Text(r.ErrorMessage), CsvLine.Text(r.Advice), CsvLine.Text(r.Stage), CsvLine.Text(r.Outcome), CsvLine.Text(r.Message),
                });
            }
            return sb.ToString();
        }

        private static void Line(StringBuilder sb, IReadOnlyList<string> fields) => sb.Append(CsvLine.Of(fields));
    }
}
