using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// One row of a wave plan as read: its number, its kind, its name and every column it had (names matched
    /// case-insensitively; blank cells are absent). Nothing is checked here: <see cref="PlanChecker"/> does that.
    /// </summary>
    public sealed class PlanRow
    {
        private readonly Dictionary<string, string> _cells;

        /// <param name="row">The row's number, from 1.</param>
        /// <param name="cells">Column → value as read; blank values are dropped, others trimmed.</param>
        public PlanRow(int row, IEnumerable<KeyValuePair<string, string?>> cells)
        {
            Row = row;
            _cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            Columns = new List<string>();
            foreach (var cell in cells)
            {
                var name = (cell.Key ?? string.Empty).Trim();
                if (name.Length == 0) continue;
                if (!Columns.Any(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))) Columns.Add(name);
                var text = cell.Value?.Trim();
                if (!string.IsNullOrEmpty(text)) _cells[name] = text!;
            }
        }

        /// <summary>The row's number in the plan, from 1.</summary>
        public int Row { get; }

        /// <summary>Every column the row came with (blank ones too), as spelt in the plan.</summary>
        public List<string> Columns { get; }

        /// <summary>A cell's value, or null when the column is missing or blank.</summary>
        public string? this[string column] => _cells.TryGetValue(column, out var value) ? value : null;

        /// <summary>True when the row came with the column (blank or not).</summary>
        public bool HasColumn(string column) => Columns.Any(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));

        /// <summary>True when the column has a value.</summary>
        public bool Has(string column) => _cells.ContainsKey(column);

        /// <summary>The row's kind as written: Server when the Kind column is blank.</summary>
        public string KindText => this[PlanColumns.Kind] ?? MigrationPlanKinds.Server;

        /// <summary>Server or Redis (any case), else null (an unknown kind: a problem).</summary>
        public string? Kind =>
            string.Equals(KindText, MigrationPlanKinds.Server, StringComparison.OrdinalIgnoreCase) ? MigrationPlanKinds.Server
            : string.Equals(KindText, MigrationPlanKinds.Redis, StringComparison.OrdinalIgnoreCase) ? MigrationPlanKinds.Redis
            : null;

        /// <summary>True for a Redis row.</summary>
        public bool IsRedis => Kind == MigrationPlanKinds.Redis;

        /// <summary>The task name.</summary>
        public string? Name => this[PlanColumns.Name];

        /// <summary>A yes/no cell (true/false, yes/no, 1/0, any case), null when blank; throws <see cref="FormatException"/> otherwise.</summary>
        public bool? Flag(string column)
        {
            var text = this[column];
            if (text is null) return null;
            switch (text.ToUpperInvariant())
            {
                case "TRUE": case "YES": case "Y": case "1": return true;
                case "FALSE": case "NO": case "N": case "0": return false;
                default: throw new FormatException("Column " + column + " is " + PlanText.Quote(text) + ": write True or False.");
            }
        }

        /// <summary>A whole-number cell, null when blank; throws <see cref="FormatException"/> otherwise.</summary>
        public int? Number(string column)
        {
            var text = this[column];
            if (text is null) return null;
            if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
            throw new FormatException("Column " + column + " is " + PlanText.Quote(text) + ": write a whole number.");
        }

        public override string ToString() => "row " + Row + (Name is null ? string.Empty : " " + PlanText.Quote(Name));
    }
}
