using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HuaweiMigration.Client.Json;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>
    /// A report as one self-contained HTML page a person reads at a glance: a header (title, when, region, project),
    /// the totals by state as a stacked bar and a coloured legend, then one table row per task, problems first, with
    /// its progress bar. Inline CSS and SVG only: no script, no font, image or style sheet from elsewhere. Every text
    /// that came from the service or the plan has its control characters removed and is HTML-escaped, in content and
    /// in attributes alike, so a task named <c>&lt;script&gt;</c> stays text.
    /// </summary>
    public static class HtmlReportWriter
    {
        private static readonly IReadOnlyDictionary<ReportStateGroup, string> Colours = new Dictionary<ReportStateGroup, string>
        {
            [ReportStateGroup.Failed] = "#d32f2f",
            [ReportStateGroup.Stopped] = "#ef8f00",
            [ReportStateGroup.Running] = "#1e6fd9",
            [ReportStateGroup.Waiting] = "#8a96a3",
            [ReportStateGroup.Other] = "#8e6bbf",
            [ReportStateGroup.Done] = "#2e7d32",
        };

        /// <summary>The colour a group is shown in.</summary>
        public static string Colour(ReportStateGroup group) => Colours[group];

        private const string Style = @"
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#1f2933;background:#f6f7f9;font-size:14px}
header h1{margin:0 0 4px;font-size:22px}
.meta{margin:0 0 18px;color:#52606d}
.meta b{color:#1f2933;font-weight:600}
.totals{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:16px 20px;margin-bottom:18px}
.totals .count{font-size:15px;margin-bottom:10px}
.totals .count b{font-size:26px;margin-right:6px}
.bar{display:block;width:100%;height:22px;border-radius:4px;overflow:hidden}
.legend{list-style:none;margin:12px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:18px}
.legend li{display:flex;align-items:center;gap:6px}
.legend .n{font-weight:700}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #dde2e8;border-radius:8px}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #edf0f3;vertical-align:top}
th{background:#eef1f5;font-weight:600;font-size:13px;color:#3e4c59}
tr.failed td:first-child{border-left:4px solid #d32f2f}
tr.stopped td:first-child{border-left:4px solid #ef8f00}
.state{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
.id{display:block;color:#7b8794;font-size:11px;font-family:ui-monospace,Consolas,monospace}
.name{font-weight:600}
.progress{white-space:nowrap}
.progress svg{vertical-align:middle;margin-right:6px}
.progress .detail{white-space:normal;max-width:200px}
.pct{font-variant-numeric:tabular-nums}
.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.detail{display:block;color:#52606d;font-size:12px}
.error{min-width:220px}
.err{color:#b71c1c}
.code{font-family:ui-monospace,Consolas,monospace;font-weight:700;margin-right:4px}
.advice{display:block;color:#3e4c59;font-size:12px;margin-top:2px}
.plan{font-size:12px;color:#3e4c59;min-width:130px}
.none{color:#9aa5b1}
footer{margin-top:14px;color:#7b8794;font-size:12px}
";

        /// <summary>The page, as text (UTF-8 when written).</summary>
        public static string Write(MigrationReport report)
        {
            var sb = new StringBuilder();
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            sb.Append("<title>").Append(Text(report.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

            sb.Append("<header>\n<h1>").Append(Text(report.Title)).Append("</h1>\n<p class=\"meta\">Made at <time datetime=\"")
                .Append(Text(report.MadeAtText)).Append("\"><b>").Append(Text(report.MadeAtText)).Append("</b></time> (UTC) &middot; Region <b>")
                .Append(Text(report.Region ?? "-")).Append("</b> &middot; Project <b>").Append(Text(report.ProjectId ?? "-")).Append("</b></p>\n</header>\n");

            WriteTotals(sb, report);
            WriteTable(sb, report);

            sb.Append("<footer>Export-HuaweiMigrationReport &middot; progress, speed and time left as the service reported them at ")
                .Append(Text(report.MadeAtText)).Append(".</footer>\n</body>\n</html>\n");
            return sb.ToString();
        }

        private static void WriteTotals(StringBuilder sb, MigrationReport report)
        {
            var total = report.Rows.Count;
            sb.Append("<section class=\"totals\" id=\"totals\">\n<div class=\"count\"><b id=\"total\">").Append(Num(total)).Append("</b> ")
                .Append(total == 1 ? "task" : "tasks").Append("</div>\n");
            var groups = report.Totals.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).ToList();
            var label = string.Join(", ", groups.Select(kv => ReportStates.Label(kv.Key) + " " + Num(kv.Value)));
            sb.Append("<svg class=\"bar\" viewBox=\"0 0 1000 22\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Totals by state: ")
                .Append(Text(total == 0 ? "none" : label)).Append("\">");
            if (total == 0)
            {
                sb.Append("<rect x=\"0\" y=\"0\" width=\"1000\" height=\"22\" fill=\"#e4e7eb\"/>");
            }
            else
            {
                double x = 0;
                foreach (var kv in groups)
                {
                    var w = 1000.0 * kv.Value / total;
                    sb.Append("<rect x=\"").Append(Dec(x)).Append("\" y=\"0\" width=\"").Append(Dec(w)).Append("\" height=\"22\" fill=\"")
                        .Append(Colour(kv.Key)).Append("\"><title>").Append(ReportStates.Label(kv.Key)).Append(": ").Append(Num(kv.Value)).Append("</title></rect>");
                    x += w;
                }
            }
            sb.Append("</svg>\n<ul class=\"legend\">\n");
            foreach (var kv in report.Totals.OrderBy(kv => kv.Key))
            {
                if (kv.Value == 0 && kv.Key == ReportStateGroup.Other) continue;
                var name = ReportStates.Label(kv.Key);
                sb.Append("<li class=\"total\" data-group=\"").Append(name).Append("\"><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" rx=\"2\" fill=\"")
                    .Append(Colour(kv.Key)).Append("\"/></svg>").Append(name).Append(" <span class=\"n\">").Append(Num(kv.Value)).Append("</span></li>\n");
            }
            sb.Append("</ul>\n</section>\n");
        }

        private static void WriteTable(StringBuilder sb, MigrationReport report)
        {
            sb.Append("<table id=\"tasks\">\n<thead><tr><th>State</th><th>Task</th><th>Kind</th><th>Progress</th><th>Speed</th><th>Time left</th><th>Last error and what to do</th><th>Plan</th></tr></thead>\n<tbody>\n");
            if (report.Rows.Count == 0)
            {
                sb.Append("<tr><td colspan=\"8\" class=\"none\">No tasks.</td></tr>\n");
            }
            foreach (var row in report.Rows)
            {
                var group = ReportStates.Label(row.Group);
                sb.Append("<tr class=\"").Append(group.ToLowerInvariant()).Append("\" data-group=\"").Append(group).Append("\" data-id=\"").Append(Text(row.Id)).Append("\">");
                sb.Append("<td><span class=\"state\" style=\"background:").Append(Colour(row.Group)).Append("\" title=\"").Append(group).Append("\">")
                    .Append(Text(row.State ?? group)).Append("</span></td>");
                sb.Append("<td><span class=\"name\">").Append(Text(row.Name ?? "(no name)")).Append("</span>");
                if (!string.IsNullOrEmpty(row.Id)) sb.Append("<span class=\"id\">").Append(Text(row.Id)).Append("</span>");
                sb.Append("</td><td>").Append(Text(row.Kind)).Append("</td>");
                sb.Append("<td class=\"progress\">").Append(ProgressBar(row)).Append(Detail(row.Detail)).Append("</td>");
                sb.Append("<td class=\"num\">").Append(row.SpeedMbitPerSecond is double s ? Dec(s) + " Mbit/s" : None).Append("</td>");
                sb.Append("<td class=\"num\">").Append(row.SecondsLeft is long left ? Text(Duration(left)) : None).Append("</td>");
                sb.Append("<td class=\"error\">").Append(Error(row)).Append("</td>");
                sb.Append("<td class=\"plan\">").Append(Plan(row)).Append("</td>");
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }

        private const string None = "<span class=\"none\">&ndash;</span>";

        private static string ProgressBar(ReportRow row)
        {
            if (row.Progress is not int p) return "<span class=\"none\">unknown</span>";
            p = Math.Max(0, Math.Min(100, p));
            return "<svg width=\"120\" height=\"10\" role=\"img\" aria-label=\"" + p.ToString(CultureInfo.InvariantCulture) + "%\">"
                + "<rect width=\"120\" height=\"10\" rx=\"3\" fill=\"#e4e7eb\"/>"
                + "<rect width=\"" + Dec(1.2 * p) + "\" height=\"10\" rx=\"3\" fill=\"" + Colour(row.Group) + "\"/></svg>"
                + "<span class=\"pct\">" + p.ToString(CultureInfo.InvariantCulture) + "%</span>";
        }

        private static string Detail(string? detail) => string.IsNullOrEmpty(detail) ? string.Empty : "<span class=\"detail\">" + Text(detail) + "</span>";

        private static string Error(ReportRow row)
        {
            if (row.ErrorCode is null && string.IsNullOrEmpty(row.ErrorMessage)) return None;
            var sb = new StringBuilder("<span class=\"err\">");
            if (row.ErrorCode != null) sb.Append("<span class=\"code\">").Append(Text(row.ErrorCode)).Append("</span>");
            sb.Append(Text(row.ErrorMessage)).Append("</span>");
            if (!string.IsNullOrEmpty(row.Advice)) sb.Append("<span class=\"advice\">").Append(Text(row.Advice)).Append("</span>");
            return sb.ToString();
        }

        private static string Plan(ReportRow row)
        {
            if (row.Stage is null && row.Outcome is null && row.Message is null) return None;
            var head = string.Join(" ", new[] { row.Stage, row.Outcome }.Where(s => !string.IsNullOrEmpty(s)));
            return "<b>" + Text(head) + "</b>" + (string.IsNullOrEmpty(row.Message) ? string.Empty : "<span class=\"detail\">" + Text(row.Message) + "</span>");
        }

        /// <summary>"2 h 05 min", "7 min", "under a minute".</summary>
        public static string Duration(long seconds)
        {
            if (seconds < 60) return "under a minute";
            var minutes = (seconds + 59) / 60;
            if (minutes < 60) return minutes.ToString(CultureInfo.InvariantCulture) + " min";
            var hours = minutes / 60;
            if (hours < 48) return hours.ToString(CultureInfo.InvariantCulture) + " h " + (minutes % 60).ToString("00", CultureInfo.InvariantCulture) + " min";
            return (hours / 24).ToString(CultureInfo.InvariantCulture) + " d " + (hours % 24).ToString(CultureInfo.InvariantCulture) + " h";
        }

        private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

        private static string Dec(double d) => Math.Round(d, 2).ToString("0.##", CultureInfo.InvariantCulture);

        /// <summary>
        /// Text for the page, in content or in a quoted attribute: control characters and escape sequences removed,
        /// then &amp; &lt; &gt; &quot; and &#39; escaped.
        /// </summary>
        public static string Text(string? text)
        {
            var clean = ServerText.Clean(text);
            if (string.IsNullOrEmpty(clean)) return string.Empty;
            var sb = new StringBuilder(clean!.Length + 16);
            foreach (var c in clean)
            {
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '"': sb.Append("&quot;"); break;
                    case '\'': sb.Append("&#39;"); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }
    }
}
