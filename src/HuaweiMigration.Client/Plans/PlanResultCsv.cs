using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
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
            _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n" };
            if (stream.Length == 0) WriteLine(Columns);
        }

        public void Write(MigrationPlanResult result) => WriteLine(new[]
        {
            result.Row.ToString(CultureInfo.InvariantCulture), result.Name, result.Kind, result.Stage, result.Outcome, result.TaskId, result.State, result.Message,
        });

        private void WriteLine(string?[] fields)
        {
            _writer.WriteLine(string.Join(",", fields.Select(Quote)));
            _writer.Flush();
        }

        /// <summary>A field as RFC 4180 has it: quoted (inner quotes doubled) when it holds a comma, a quote or a line break.</summary>
        public static string Quote(string? field)
        {
            if (string.IsNullOrEmpty(field)) return string.Empty;
            return field!.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || field != field.Trim()
                ? "\"" + field.Replace("\"", "\"\"") + "\""
                : field;
        }

        public void Dispose() => _writer.Dispose();
    }
}
