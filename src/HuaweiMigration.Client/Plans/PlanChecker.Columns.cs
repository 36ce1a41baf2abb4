using System;
using System.Linq;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    public static partial class PlanChecker
    {
        /// <summary>Secret-like and misspelt columns this row has a value in, and the Name and Kind every row needs.</summary>
        private static void Columns(PlanCheck check)
        {
            var row = check.Row;
            foreach (var column in row.Columns.Where(c => !PlanColumns.IsKnown(c)))
            {
                if (PlanColumns.IsSecretLike(column))
                {
                    // A row with a value in it (a blank one holds no secret); the value is never quoted.
                    if (row.Has(column)) check.Problem(PlanText.Shown(column), "looks like a password or another secret, and secrets are never kept in a plan: remove the column"
                        + " (its values are not shown) and give Redis passwords to Invoke-HuaweiMigrationPlan with -RedisPassword @{ '<source address or instance id>' = $secureString }.");
                    continue;
                }
                if (PlanColumns.Closest(column) is string closest && row.Has(column))
                {
                    check.Problem(PlanText.Shown(column), "is not a plan column, so this row's value in it would be ignored: rename the column to " + closest + ".");
                }
            }
            if (row.Name is null)
            {
                check.Problem(PlanColumns.Name, row.HasColumn(PlanColumns.Name)
                    ? "is empty: give the row a task name, unique in the plan."
                    : "the plan has no Name column: add it and give each row a task name, unique in the plan.");
            }
            if (row.Kind is null) check.Problem(PlanColumns.Kind, "is " + PlanText.Quote(row.KindText) + ": write Server (or leave it empty) or Redis.");
        }

        /// <summary>The task name, by the rules New-SmsTask (server rows) or New-DcsMigrationTask (Redis rows) enforce.</summary>
        private static void TaskName(PlanCheck check)
        {
            var name = check.Row.Name;
            if (name is null) return;
            try
            {
                if (check.Row.IsRedis) DcsNewMigrationChecks.Name(name);
                else SmsClient.ValidateTaskName(name);
            }
            catch (ArgumentException ex)
            {
                // The rule's own sentence, without the " (Parameter 'name')" .NET adds and its final full stop.
                var said = ex.Message;
                var parameter = " (Parameter '" + ex.ParamName + "')";
                if (ex.ParamName != null && said.EndsWith(parameter, StringComparison.Ordinal)) said = said.Substring(0, said.Length - parameter.Length);
                if (said.EndsWith(".", StringComparison.Ordinal)) said = said.Substring(0, said.Length - 1);
                check.Problem(PlanColumns.Name, said + "; rename the row.");
            }
        }

        /// <summary>A cell that must be one of <paramref name="allowed"/> (any case).</summary>
        private static void OneOf(PlanCheck check, string column, params string[] allowed)
        {
            var text = check.Row[column];
            if (text is null || allowed.Contains(text, StringComparer.OrdinalIgnoreCase)) return;
            check.Problem(column, "is " + PlanText.Quote(text) + ": write " + string.Join(", ", allowed.Take(allowed.Length - 1)) + " or " + allowed[allowed.Length - 1] + " (or leave it empty).");
        }

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
        private static void Between(PlanCheck check, string column, int min, int max, string unit)
        {
            var text = check.Row[column];
            if (text is null) return;
            int? value;
            try
            {
                value = check.Row.Number(column);
            }
            catch (FormatException)
            {
                value = null;
            }
            if (value is int n && n >= min && n <= max) return;
            check.Problem(column, "is " + PlanText.Quote(text) + ": write a whole number from " + min + " to " + max + " (" + unit + "), or leave it empty.");
        }

        /// <summary>True or False.</summary>
        private static void Flag(PlanCheck check, string column)
        {
            var text = check.Row[column];
            if (text is null) return;
            try
            {
                check.Row.Flag(column);
            }
            catch (FormatException)
            {
                check.Problem(column, "is " + PlanText.Quote(text) + ": write True or False (or leave it empty).");
            }
        }
    }
}
