using System;
using System.IO;
using HuaweiMigration.Client.Plans;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>-ResultPath's file: RFC 4180 quoting, the header once, every line on disk as soon as it is written.</summary>
    public class PlanResultCsvTests
    {
        [Theory]
        [InlineData("plain", "plain")]
        [InlineData("a, b", "\"a, b\"")]
        [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
        [InlineData("two\nlines", "\"two\nlines\"")]
        [InlineData(" padded", "\" padded\"")]
        [InlineData("", "")]
        [InlineData(null, "")]
        public void Fields_are_quoted_as_RFC_4180_has_it(string? field, string expected) => Assert.Equal(expected, PlanResultCsv.Quote(field));

        [Fact]
        public void The_header_is_written_when_the_file_is_new_or_empty_and_each_line_is_on_disk_at_once()
        {
            var path = Path.Combine(Path.GetTempPath(), "plan-results-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(path, string.Empty);
            try
            {
                var result = new MigrationPlanResult { Row = 3, Name = "web-03", Kind = "Server", Stage = "Test", Outcome = "Failed", TaskId = "t1", State = "SYNCING", Message = "SMS.1234: it failed, \"badly\"." };
                using (var csv = new PlanResultCsv(path))
                {
                    csv.Write(result);
                    // Read while the file is still open: the line is there.
                    using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                    Assert.Equal("Row,Name,Kind,Stage,Outcome,TaskId,State,Message\r\n3,web-03,Server,Test,Failed,t1,SYNCING,\"SMS.1234: it failed, \"\"badly\"\".\"\r\n", reader.ReadToEnd());
                }
                using (var csv = new PlanResultCsv(path)) csv.Write(result);
                var lines = File.ReadAllLines(path);
                Assert.Equal(3, lines.Length);
                Assert.StartsWith("3,web-03", lines[2], StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
