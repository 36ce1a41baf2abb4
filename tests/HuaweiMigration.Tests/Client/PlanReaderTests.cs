using System;
using System.Linq;
using HuaweiMigration.Client.Plans;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>PlanReader's CSV and JSON edge cases, and the column rules a plan is held to (no account needed).</summary>
    public class PlanReaderTests
    {
        [Fact]
        public void CSV_quotes_hold_commas_line_breaks_and_doubled_quotes()
        {
            var rows = PlanReader.FromCsv("\uFEFFName,SourceServer,Template\r\n\"web,01\",\"line one\nline two\",\"say \"\"hi\"\"\"\r\n\r\nweb-02,src-02,\r\n");

            Assert.Equal(2, rows.Count);
            Assert.Equal("web,01", rows[0].Name);
            Assert.Equal("line one\nline two", rows[0][PlanColumns.SourceServer]);
            Assert.Equal("say \"hi\"", rows[0][PlanColumns.Template]);
            Assert.Equal(2, rows[1].Row);
            Assert.Null(rows[1][PlanColumns.Template]);
            Assert.True(rows[1].HasColumn("template"));
        }

        [Fact]
        public void CSV_rows_shorter_than_the_header_have_blank_cells_and_longer_ones_are_refused()
        {
            var rows = PlanReader.FromCsv("Name,SourceServer,Template\nweb-01\n");
            Assert.Null(Assert.Single(rows)[PlanColumns.SourceServer]);

            var ex = Assert.Throws<FormatException>(() => PlanReader.FromCsv("Name,SourceServer\nweb-01,src,extra\n"));
            Assert.Contains("Line 2", ex.Message);
        }

        [Theory]
        [InlineData("Name,SourceServer\n\"web-01,src-01\n", "never closed")]
        [InlineData("host;ip\nweb;10.0.0.1\n", "names none of the plan columns")]
        public void CSV_that_is_not_a_plan_is_refused(string text, string says)
        {
            Assert.Contains(says, Assert.Throws<FormatException>(() => PlanReader.FromCsv(text)).Message);
        }

        [Fact]
        public void JSON_cells_are_text_and_a_bad_document_names_its_line()
        {
            var rows = PlanReader.FromJson("[{\"Name\":\"web-01\",\"SpeedLimit\":100,\"Syncing\":true,\"Template\":null}]");
            var row = Assert.Single(rows);
            Assert.Equal(100, row.Number(PlanColumns.SpeedLimit));
            Assert.True(row.Flag(PlanColumns.Syncing));
            Assert.Null(row[PlanColumns.Template]);

            Assert.Contains("line 2", Assert.Throws<FormatException>(() => PlanReader.FromJson("[\n{\"Name\": }]")).Message);
            Assert.Contains("Item 2", Assert.Throws<FormatException>(() => PlanReader.FromJson("[{\"Name\":\"a\"}, 5]")).Message);
        }

        [Theory]
        [InlineData("SourceSever", "SourceServer")]
        [InlineData("source server", "SourceServer")]
        [InlineData("Priorty", "Priority")]
        [InlineData("TargetServerID", "TargetServerId")]
        [InlineData("Notes", null)]
        [InlineData("Owner", null)]
        public void A_misspelt_column_is_matched_to_the_closest_plan_column(string column, string? closest)
        {
            Assert.Equal(closest, PlanColumns.Closest(column));
        }

        [Theory]
        [InlineData("Password", true)]
        [InlineData("SourcePwd", true)]
        [InlineData("redis token", true)]
        [InlineData("Api-Key", true)]
        [InlineData("p\u0430ssword", true)] // a Cyrillic a
        [InlineData("Notes", false)]
        [InlineData("Bandwidth (MB)", false)]
        [InlineData("SourceAddress", false)]
        public void Secret_like_columns_are_known_by_their_name(string column, bool secret)
        {
            Assert.Equal(secret, PlanColumns.IsSecretLike(column));
        }

        [Fact]
        public void Quoted_plan_text_is_cleaned_and_cut()
        {
            var quoted = PlanText.Quote("web\u001b]0;pwned\u0007-01\n" + new string('x', 200));
            Assert.StartsWith("'web-01 xxx", quoted);
            Assert.DoesNotContain(quoted, c => char.IsControl(c));
            Assert.Equal(PlanText.MaxQuoted + 3, quoted.Length); // quotes and the ellipsis
        }
    }
}
