using System;
using System.Collections.Generic;
using System.Linq;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// What a plan's columns say about the plan as a whole: the columns that are not plan columns (each with the plan
    /// column it is likely a misspelling of), said once for the plan rather than on every row. Secret-like columns are
    /// not among them: they are a problem of each row that has one (<see cref="PlanColumns.IsSecretLike"/>).
    /// </summary>
    internal sealed class PlanShape
    {
        private readonly List<(string Column, string? Closest)> _unknown;

        private PlanShape(List<(string Column, string? Closest)> unknown)
        {
            _unknown = unknown;
        }

        public static PlanShape Of(IEnumerable<PlanRow> rows) => new PlanShape(rows
            .SelectMany(r => r.Columns)
            .Where(c => !PlanColumns.IsKnown(c) && !PlanColumns.IsSecretLike(c))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (c, PlanColumns.Closest(c)))
            .ToList());

        /// <summary>The plan's column that looks like a misspelling of <paramref name="column"/>, or null.</summary>
        public string? MisspellingOf(string column) =>
            _unknown.Where(u => string.Equals(u.Closest, column, StringComparison.Ordinal)).Select(u => u.Column).FirstOrDefault();

        /// <summary>One warning naming every unknown column (and what it may be a misspelling of), or null when there is none.</summary>
        public string? Warning()
        {
            if (_unknown.Count == 0) return null;
            var named = _unknown.Select(u => PlanText.Quote(u.Column) + (u.Closest is null ? string.Empty : " (did you mean " + u.Closest + "?)"));
            return "The plan's " + (_unknown.Count == 1 ? "column " : "columns ") + string.Join(", ", named)
                + (_unknown.Count == 1 ? " is not a plan column" : " are not plan columns") + " and " + (_unknown.Count == 1 ? "is" : "are")
                + " ignored: rename or remove " + (_unknown.Count == 1 ? "it" : "them") + ". The plan columns are " + string.Join(", ", PlanColumns.All) + ".";
        }
    }
}
