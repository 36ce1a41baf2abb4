using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>What the check of a whole plan found: a check per row, and warnings about the plan as a whole (quotas, unknown columns).</summary>
    public sealed class PlanCheckResult
    {
        public PlanCheckResult(IReadOnlyList<PlanCheck> rows, IReadOnlyList<string> warnings)
        {
            Rows = rows;
            Warnings = warnings;
        }

        public IReadOnlyList<PlanCheck> Rows { get; }
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>True when any row has a problem.</summary>
        public bool HasProblems => Rows.Any(r => r.Problems.Count > 0);
    }

    /// <summary>
    /// Checks a plan's rows against the account as read (<see cref="PlanInventory"/>): reads nothing itself. Every
    /// problem is a sentence that names its column and the fix, so a person can mend the file from the output alone;
    /// text quoted from the plan is cleaned and cut (<see cref="PlanText"/>), and a secret-like column's value is
    /// never quoted. Rules by subject: columns and values (PlanChecker.Columns.cs), server rows (PlanChecker.Server.cs),
    /// Redis rows (PlanChecker.Redis.cs), rows against each other and the quotas (PlanChecker.Plan.cs).
    /// </summary>
    public static partial class PlanChecker
    {
        public static PlanCheckResult Check(IReadOnlyList<PlanRow> rows, PlanInventory inventory)
        {
            var shape = PlanShape.Of(rows);
            var checks = rows.Select(r => new PlanCheck(r)).ToList();
            var warnings = new List<string>();
            if (shape.Warning() is string unknown) warnings.Add(unknown);
            foreach (var check in checks)
            {
                Columns(check);
                if (check.Row.Kind is null) continue;
                if (check.Row.IsRedis) Redis(check, inventory, shape);
                else Server(check, inventory, shape);
            }
            DuplicateNames(checks);
            SharedSourceServers(checks);
            Quotas(checks, inventory, warnings);
            return new PlanCheckResult(checks, warnings);
        }

        /// <summary>
        /// A column the row's kind needs: its value, else null with a problem — the plan has no such column (with the
        /// plan's misspelt column when there is one), or the row's cell is empty. <paramref name="give"/> says what to write.
        /// </summary>
        private static string? Required(PlanCheck check, PlanShape shape, string column, string give)
        {
            var row = check.Row;
            var value = row[column];
            if (value != null) return value;
            if (row.HasColumn(column))
            {
                check.Problem(column, "is empty: " + give + ".");
                return null;
            }
            var misspelt = shape.MisspellingOf(column);
            if (misspelt != null && row.Has(misspelt)) return null; // the misspelt column's own problem says it (Columns)
            check.Problem(column, misspelt != null
                ? "the plan has no " + column + " column, but has " + PlanText.Quote(misspelt) + ": rename that column to " + column + " and " + give + "."
                : "the plan has no " + column + " column: add it and " + give + ".");
            return null;
        }

        /// <summary>One of two columns the row's kind needs (Template or TargetServerId; SourceAddress or SourceInstanceId): false, with a problem, when neither has a value.</summary>
        private static bool EitherOf(PlanCheck check, string first, string second, string give)
        {
            var row = check.Row;
            if (row.Has(first) || row.Has(second)) return true;
            if (!row.HasColumn(first) && !row.HasColumn(second)) check.Problem(first, "the plan has neither a " + first + " nor a " + second + " column: add one and " + give + ".");
            else check.Problem(first, "is empty and so is " + second + ": " + give + ".");
            return false;
        }

        /// <summary>A name, id or IP to match against the account: false, with a problem, when it holds a control character.</summary>
        private static bool Plain(PlanCheck check, string column, string text)
        {
            if (!PlanText.HasControl(text)) return true;
            check.Problem(column, PlanText.Quote(text) + " holds a control character (a line break, a tab or an escape): retype the value without it.");
            return false;
        }

        /// <summary>An API id (1 to 64 ASCII letters, digits and hyphens; <see cref="InputValidation.Id"/>): false, with a problem, when it is not one.</summary>
        private static bool ApiId(PlanCheck check, string column, string text, string what)
        {
            try
            {
                InputValidation.Id(text, 64, what);
                return true;
            }
            catch (ArgumentException)
            {
                var why = PlanText.HasControl(text) ? " holds a control character (a line break, a tab or an escape)" : " is not an id";
                check.Problem(column, PlanText.Quote(text) + why + ": a " + what + " is 1 to 64 letters, digits and hyphens; copy it again.");
                return false;
            }
        }
    }
}
