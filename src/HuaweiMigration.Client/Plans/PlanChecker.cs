using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>What the check of a whole plan found: a check per row, and warnings about the plan as a whole (quotas).</summary>
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
    /// problem is a sentence that names its column and the fix, so a person can mend the file from the output alone.
    /// Each rule is one method; a new rule is one more.
    /// </summary>
    public static class PlanChecker
    {
        public static PlanCheckResult Check(IReadOnlyList<PlanRow> rows, PlanInventory inventory)
        {
            var checks = rows.Select(r => new PlanCheck(r)).ToList();
            var warnings = new List<string>();
            foreach (var check in checks)
            {
                Columns(check);
                if (check.Row.Kind is null) continue;
                if (check.Row.IsRedis) Redis(check, inventory);
                else Server(check, inventory);
            }
            DuplicateNames(checks);
            return new PlanCheckResult(checks, warnings);
        }

        /// <summary>Columns a plan does not have, and the Name and Kind every row needs.</summary>
        private static void Columns(PlanCheck check)
        {
            var row = check.Row;
            foreach (var column in row.Columns.Where(c => !PlanColumns.IsKnown(c)))
            {
                check.Problem(column, "is not a plan column: rename it to one of " + string.Join(", ", PlanColumns.All) + ", or remove it.");
            }
            if (row.Name is null) check.Problem(PlanColumns.Name, "is empty: give the row a task name, unique in the plan.");
            if (row.Kind is null) check.Problem(PlanColumns.Kind, "is '" + row.KindText + "': write Server (or leave it empty) or Redis.");
        }

        private static void DuplicateNames(List<PlanCheck> checks)
        {
            foreach (var group in checks.Where(c => c.Row.Name != null).GroupBy(c => c.Row.Name!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                var rows = string.Join(", ", group.Select(c => c.Row.Row));
                foreach (var check in group) check.Problem(PlanColumns.Name, "'" + check.Row.Name + "' is used by rows " + rows + ": give each row its own name.");
            }
        }

        private static void Server(PlanCheck check, PlanInventory inventory)
        {
            var row = check.Row;
            if (row.Name != null)
            {
                var tasks = inventory.SmsTasksNamed(row.Name);
                if (tasks.Count > 1) check.Problem(PlanColumns.Name, "'" + row.Name + "' names " + tasks.Count + " SMS tasks (" + string.Join(", ", tasks.Select(t => t.Id)) + "): remove the extra tasks or rename the row.");
                else if (tasks.Count == 1) check.SmsTask = tasks[0];
            }
            SourceServer(check, inventory);
            Target(check, inventory);
            Project(check, inventory);
        }

        private static void SourceServer(PlanCheck check, PlanInventory inventory)
        {
            var text = check.Row[PlanColumns.SourceServer];
            if (text is null)
            {
                check.Problem(PlanColumns.SourceServer, "is empty: give the source server's name, id or IP (Get-SmsSourceServer lists them).");
                return;
            }
            var matches = inventory.MatchSourceServers(text);
            if (matches.Count == 0)
            {
                check.Problem(PlanColumns.SourceServer, "'" + text + "' matches no source server: check the name, id or IP against Get-SmsSourceServer, and that its agent has registered.");
                return;
            }
            if (matches.Count > 1)
            {
                check.Problem(PlanColumns.SourceServer, "'" + text + "' matches " + matches.Count + " source servers (" + string.Join(", ", matches.Select(s => s.Id)) + "): give the id instead.");
                return;
            }
            check.SourceServer = matches[0];
        }

        private static void Target(PlanCheck check, PlanInventory inventory)
        {
            var row = check.Row;
            var targetId = row[PlanColumns.TargetServerId];
            var template = row[PlanColumns.Template];
            if (targetId is null && template is null)
            {
                check.Problem(PlanColumns.Template, "is empty and so is TargetServerId: give a template (name or id) for a new target server, or the ECS id of an existing one in TargetServerId.");
                return;
            }
            if (targetId != null && template != null)
            {
                check.Problem(PlanColumns.Template, "and TargetServerId are both given: keep one (a template makes a new target server; TargetServerId migrates onto an existing ECS).");
                return;
            }
            if (template is null) return;
            var templates = inventory.MatchTemplates(template);
            if (templates.Count == 0) check.Problem(PlanColumns.Template, "'" + template + "' matches no template: create it (New-SmsTemplate) or fix the name (Get-SmsTemplate lists them).");
            else if (templates.Count > 1) check.Problem(PlanColumns.Template, "'" + template + "' matches " + templates.Count + " templates: give the id instead.");
            else check.Template = templates[0];
        }

        private static void Project(PlanCheck check, PlanInventory inventory)
        {
            var text = check.Row[PlanColumns.MigrationProject];
            if (text is null) return;
            var projects = inventory.MatchProjects(text);
            if (projects.Count == 0) check.Problem(PlanColumns.MigrationProject, "'" + text + "' matches no migration project: create it (New-SmsMigrationProject) or fix the name (Get-SmsMigrationProject lists them).");
            else if (projects.Count > 1) check.Problem(PlanColumns.MigrationProject, "'" + text + "' matches " + projects.Count + " migration projects: give the id instead.");
            else check.Project = projects[0];
        }

        private static void Redis(PlanCheck check, PlanInventory inventory)
        {
            var row = check.Row;
            if (row.Name != null)
            {
                var tasks = inventory.DcsTasksNamed(row.Name);
                if (tasks.Count > 1) check.Problem(PlanColumns.Name, "'" + row.Name + "' names " + tasks.Count + " DCS migration tasks (" + string.Join(", ", tasks.Select(t => t.TaskId)) + "): remove the extra tasks or rename the row.");
                else if (tasks.Count == 1) check.DcsTask = tasks[0];
            }
            if (row[PlanColumns.SourceAddress] is null && row[PlanColumns.SourceInstanceId] is null)
            {
                check.Problem(PlanColumns.SourceAddress, "is empty and so is SourceInstanceId: give the source Redis as host:port, or the id of a DCS instance.");
            }
            if (row[PlanColumns.TargetInstanceId] is null) check.Problem(PlanColumns.TargetInstanceId, "is empty: give the id of the DCS instance to migrate into.");
        }
    }
}
