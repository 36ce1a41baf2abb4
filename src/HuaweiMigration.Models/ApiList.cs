using System.Collections.Generic;
using System.Linq;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// A list of API objects whose string form is a summary, so Export-Csv, string expansion and narrow tables show
    /// something readable ("2 items: a; b") instead of the list's type name.
    /// </summary>
    public class ApiList<T> : List<T>
    {
        public override string ToString()
        {
            if (Count == 0) return string.Empty;
            var text = string.Join("; ", this.Select(i => i?.ToString()));
            return text.Length <= 200 ? text : Count + " items: " + text.Substring(0, 197) + "…";
        }
    }

    /// <summary>A task's sub-tasks: "14 sub-tasks, 100 %" (the average progress), in CSV and string form.</summary>
    public sealed class SmsSubTaskList : ApiList<SmsSubTask>
    {
        public override string ToString() =>
            Count == 0 ? string.Empty : Count + (Count == 1 ? " sub-task, " : " sub-tasks, ") + (int)System.Math.Round(this.Average(s => (double)(s.Progress ?? 0))) + " %";
    }
}
