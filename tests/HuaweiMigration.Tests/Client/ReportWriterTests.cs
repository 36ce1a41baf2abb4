using System;
using System.Linq;
using HuaweiMigration.Client.Reports;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>The report's writers and state groups, without HTTP: escaping, quoting, formula defusing, durations.</summary>
    public class ReportWriterTests
    {
        private static MigrationReport Report(params ReportRow[] rows) =>
            new MigrationReport("T", new DateTime(2026, 12, 4, 14, 5, 0, DateTimeKind.Utc), "ap-southeast-1", "p1", rows);

        [Theory]
        [InlineData("<b>", "&lt;b&gt;")]
        [InlineData("a\"b'c&d", "a&quot;b&#39;c&amp;d")]
        [InlineData("x\u001b[2Jy\u0007z", "xyz")]
        [InlineData("line\r\nbreak\ttab", "line  break tab")]
        [InlineData(null, "")]
        public void Html_text_is_cleaned_then_escaped(string? text, string expected) => Assert.Equal(expected, HtmlReportWriter.Text(text));

        [Theory]
        [InlineData("=1+1", "'=1+1")]
        [InlineData("+1", "'+1")]
        [InlineData("-1", "'-1")]
        [InlineData("@SUM(A1)", "'@SUM(A1)")]
        [InlineData("web-01", "web-01")]
        [InlineData("a\u0001b", "ab")]
        public void Csv_text_defuses_formulas_and_drops_control_characters(string text, string expected) => Assert.Equal(expected, CsvReportWriter.Text(text));

        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("a,b", "\"a,b\"")]
        [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
        [InlineData("two\nlines", "\"two\nlines\"")]
        public void Csv_fields_are_quoted_as_RFC_4180_says(string field, string expected) => Assert.Equal(expected, CsvReportWriter.Quote(field));

        [Fact]
        public void Csv_numbers_use_the_invariant_culture_whatever_the_current_one()
        {
            var before = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
                var csv = CsvReportWriter.Write(Report(new ReportRow { Name = "w", SpeedMbitPerSecond = 12.5, Progress = 40, SecondsLeft = 90 }));
                Assert.Contains(",40,12.5,90,", csv);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = before;
            }
        }

        [Theory]
        [InlineData(30, "under a minute")]
        [InlineData(61, "2 min")]
        [InlineData(3600, "1 h 00 min")]
        [InlineData(3900, "1 h 05 min")]
        [InlineData(3 * 86400 + 7200, "3 d 2 h")]
        public void Durations_read_at_a_glance(long seconds, string expected) => Assert.Equal(expected, HtmlReportWriter.Duration(seconds));

        [Fact]
        public void Every_known_state_has_a_group_of_its_own_and_only_Unknown_is_Other()
        {
            foreach (var s in Enum.GetValues(typeof(SmsTaskState)).Cast<SmsTaskState>())
            {
                Assert.True((s == SmsTaskState.Unknown) == (ReportStates.Of(s) == ReportStateGroup.Other), "SMS " + s);
            }
            foreach (var s in Enum.GetValues(typeof(DcsMigrationTaskStatus)).Cast<DcsMigrationTaskStatus>())
            {
                Assert.True((s == DcsMigrationTaskStatus.Unknown) == (ReportStates.Of(s) == ReportStateGroup.Other), "DCS " + s);
            }
            Assert.Equal(ReportStateGroup.Failed, ReportStates.Of(SmsTaskState.MIGRATE_FAIL));
            Assert.Equal(ReportStateGroup.Failed, ReportStates.Of(DcsMigrationTaskStatus.MIGRATION_FAILED));
            Assert.Equal(ReportStateGroup.Running, ReportStates.Of(DcsMigrationTaskStatus.INCRMIGEATING));
            Assert.Equal(ReportStateGroup.Done, ReportStates.Of(SmsTaskState.MIGRATE_SUCCESS));
        }

        [Fact]
        public void Advice_is_the_tables_or_the_generic_one()
        {
            Assert.Contains("port 22", ErrorAdvice.ForSms("SMS.3802"));
            Assert.Equal(ErrorAdvice.ForSms("sms.3802"), ErrorAdvice.ForSms("SMS.3802"));
            Assert.Equal(ErrorAdvice.SmsGeneric, ErrorAdvice.ForSms("SMS.9999"));
            Assert.Equal(ErrorAdvice.SmsGeneric, ErrorAdvice.ForSms(null));
            Assert.Contains("Get-SmsMigrationError", ErrorAdvice.SmsGeneric);
        }

        [Fact]
        public void An_empty_report_says_so_and_totals_zero()
        {
            var html = HtmlReportWriter.Write(Report());
            Assert.Contains("<b id=\"total\">0</b> tasks", html);
            Assert.Contains("No tasks.", html);
            Assert.Equal("Kind,Name,Id,State,StateGroup,Progress,SpeedMbitPerSecond,SecondsLeft,Detail,ErrorCode,ErrorMessage,Advice,Stage,Outcome,Message\r\n", CsvReportWriter.Write(Report()));
        }

        [Fact]
        public void A_progress_outside_0_to_100_is_drawn_within_the_bar()
        {
            var html = HtmlReportWriter.Write(Report(new ReportRow { Id = "a", Progress = 250, Group = ReportStateGroup.Running }));
            Assert.Contains("<rect width=\"120\" height=\"10\" rx=\"3\" fill=\"#1e6fd9\"/>", html);
            Assert.Contains(">100%</span>", html);
        }
    }
}
