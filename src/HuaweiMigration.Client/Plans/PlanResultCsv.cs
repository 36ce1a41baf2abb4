using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using HuaweiMigration.Client.Reports;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// -ResultPath: plan results appended to a CSV file as they come — the header once, when the file is new or
    /// empty; each line flushed as it is written (a run stopped by Ctrl+C keeps every line it wrote); RFC 4180
    /// quoting.
    /// </summary>
    public sealed class PlanResultCsv : IDisposable
    {
        /// <summary>The columns, in order.</summary>
        public static readonly string[] Columns = { "Row", "Name", "Kind", "Stage", "Outcome", "TaskId", "State", "Message" };

        private readonly StreamWriter _writer;

        /// <summary>Opens <paramref name="path"/> to append (created when missing); throws IOException and the like.</summary>
        public PlanResultCsv(string path)
        {
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            _writer = new StreamWriter(stream, new UTF8Encoding(false));
            if (stream.Length == 0) WriteLine(Columns);
        }

        /// <summary>Appends one result; its texts (names and messages from the plan and the service) cleaned and defused as every CSV of the module (<see cref="CsvLine"/>).</summary>
        public void Write(MigrationPlanResult result) => WriteLine(new[]
        {
            result.Row.ToString(CultureInfo.InvariantCulture), CsvLine.Text(result.Name), result.Kind, result.Stage, result.Outcome,
            CsvLine.Text(result.TaskId), CsvLine.Text(result.State), CsvLine.Text(result.Message),
        });

        private void WriteLine(string?[] fields)
        {
            _writer.Write(CsvLine.Of(fields));
            _writer.Flush();
        }

        public void Dispose() => _writer.Dispose();
    }
}
