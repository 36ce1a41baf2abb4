using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    public static partial class PlanChecker
    {
        private static void Server(PlanCheck check, PlanInventory inventory, PlanShape shape)
        {
            var row = check.Row;
            TaskName(check);
            if (row.Name != null)
            {
                var tasks = inventory.SmsTasksNamed(row.Name);
                if (tasks.Count > 1) check.Problem(PlanColumns.Name, PlanText.Quote(row.Name) + " names " + tasks.Count + " SMS tasks (" + string.Join(", ", tasks.Select(t => t.Id)) + "): remove the extra tasks or rename the row.");
                else if (tasks.Count == 1) check.SmsTask = tasks[0];
            }
            SourceServer(check, inventory, shape);
            Target(check, inventory);
            Project(check, inventory);
            OneOf(check, PlanColumns.Type, "MIGRATE_BLOCK", "MIGRATE_FILE");
            OneOf(check, PlanColumns.Priority, "Low", "Standard", "High");
            Between(check, PlanColumns.SpeedLimit, 0, 1000, "Mbit/s; 0 for no limit");
            Flag(check, PlanColumns.Syncing);
            Flag(check, PlanColumns.StartTargetServer);
        }

        private static void SourceServer(PlanCheck check, PlanInventory inventory, PlanShape shape)
        {
            var text = Required(check, shape, PlanColumns.SourceServer, "give the source server's name, id or IP (Get-SmsSourceServer lists them)");
            if (text is null || !Plain(check, PlanColumns.SourceServer, text)) return;
            var matches = inventory.MatchSourceServers(text);
            if (matches.Count == 0)
            {
                check.Problem(PlanColumns.SourceServer, PlanText.Quote(text) + " matches no source server: check the name, id or IP against Get-SmsSourceServer, and that its agent has registered.");
                return;
            }
            if (matches.Count > 1)
            {
                check.Problem(PlanColumns.SourceServer, PlanText.Quote(text) + " matches " + matches.Count + " source servers (" + string.Join(", ", matches.Select(s => s.Id)) + "): give the id instead.");
                return;
            }
            var source = matches[0];
            check.SourceServer = source;
            if (source.Connected == false || string.Equals(source.State, "unavailable", StringComparison.OrdinalIgnoreCase))
            {
                check.Problem(PlanColumns.SourceServer, PlanText.Quote(text) + " is not connected (state " + PlanText.Shown(source.State ?? "unknown") + "): start the SMS agent on the server and wait until Get-SmsSourceServer shows it Connected.");
            }
            OtherTask(check, inventory, text, source);
        }

        /// <summary>
        /// The source server's task when it is not the row's (another name): from the listing's current_task, else the
        /// account's SMS tasks. The row's own task (same name) is reused; a task of the row's name on another source
        /// server is a problem too.
        /// </summary>
        private static void OtherTask(PlanCheck check, PlanInventory inventory, string text, SmsSourceServer source)
        {
            var name = check.Row.Name;
            if (name is null) return;
            var current = source.CurrentTask;
            var (otherId, otherName) = current != null && (current.Id != null || current.Name != null)
                ? (current.Id, current.Name)
                : inventory.SmsTaskOfSourceServer(source.Id ?? string.Empty) is SmsTask task ? (task.Id, task.Name) : (null, null);
            if ((otherId != null || otherName != null) && !string.Equals(otherName, name, StringComparison.Ordinal))
            {
                check.Problem(PlanColumns.SourceServer, PlanText.Quote(text) + " already has another task, " + PlanText.Quote(otherName ?? "?") + " (" + otherId + "): name the row "
                    + PlanText.Quote(otherName ?? "?") + " to reuse that task, or remove it (Remove-SmsTask) first.");
            }
            if (check.SmsTask?.SourceServer?.Id is string taskSource && !string.Equals(taskSource, source.Id, StringComparison.OrdinalIgnoreCase))
            {
                check.Problem(PlanColumns.Name, "the SMS task " + PlanText.Quote(name) + " (" + check.SmsTask.Id + ") migrates another source server (" + taskSource
                    + "), not " + PlanText.Quote(text) + ": give the row another name, or remove that task.");
            }
        }

        private static void Target(PlanCheck check, PlanInventory inventory)
        {
            var row = check.Row;
            if (!EitherOf(check, PlanColumns.Template, PlanColumns.TargetServerId,
                "give a template (name or id) for a new target server, or the ECS id of an existing one in TargetServerId")) return;
            var targetId = row[PlanColumns.TargetServerId];
            var template = row[PlanColumns.Template];
            if (targetId != null && template != null)
            {
                check.Problem(PlanColumns.Template, "and TargetServerId are both given: keep one (a template makes a new target server; TargetServerId migrates onto an existing ECS).");
                return;
            }
            if (targetId != null)
            {
                if (!Guid.TryParseExact(targetId, "D", out _))
                {
                    check.Problem(PlanColumns.TargetServerId, PlanText.Quote(targetId) + " is not an ECS id: ECS ids are UUIDs (8-4-4-4-12 hexadecimal digits); copy the server's id from the ECS console.");
                }
                return;
            }
            if (!Plain(check, PlanColumns.Template, template!)) return;
            var templates = inventory.MatchTemplates(template!);
            if (templates.Count == 0) check.Problem(PlanColumns.Template, PlanText.Quote(template) + " matches no template: create it (New-SmsTemplate) or fix the name (Get-SmsTemplate lists them).");
            else if (templates.Count > 1) check.Problem(PlanColumns.Template, PlanText.Quote(template) + " matches " + templates.Count + " templates: give the id instead.");
            else
            {
                check.Template = templates[0];
                TemplateComplete(check, template!, templates[0]);
            }
        }

        /// <summary>What a new target server needs from its template: a VPC, a NIC (subnet), a security group, a flavor and an availability zone.</summary>
        private static void TemplateComplete(PlanCheck check, string text, SmsTemplate template)
        {
            var missing = new List<string>();
            if (string.IsNullOrEmpty(template.Vpc?.Id)) missing.Add("no VPC");
            if (!template.Nics.Any(n => !string.IsNullOrEmpty(n.Id))) missing.Add("no NIC (subnet)");
            if (!template.SecurityGroups.Any(g => !string.IsNullOrEmpty(g.Id))) missing.Add("no security group");
            if (string.IsNullOrEmpty(template.Flavor)) missing.Add("no flavor");
            if (string.IsNullOrEmpty(template.AvailabilityZone)) missing.Add("no availability zone");
            if (missing.Count == 0) return;
            var list = missing.Count == 1 ? missing[0] : string.Join(", ", missing.Take(missing.Count - 1)) + " and " + missing[missing.Count - 1];
            check.Problem(PlanColumns.Template, PlanText.Quote(text) + " has " + list + ", which a new target server needs: set "
                + (missing.Count == 1 ? "it" : "them") + " (Set-SmsTemplate) or choose another template.");
        }

        private static void Project(PlanCheck check, PlanInventory inventory)
        {
            var text = check.Row[PlanColumns.MigrationProject];
            if (text is null || !Plain(check, PlanColumns.MigrationProject, text)) return;
            var projects = inventory.MatchProjects(text);
            if (projects.Count == 0) check.Problem(PlanColumns.MigrationProject, PlanText.Quote(text) + " matches no migration project: create it (New-SmsMigrationProject) or fix the name (Get-SmsMigrationProject lists them).");
            else if (projects.Count > 1) check.Problem(PlanColumns.MigrationProject, PlanText.Quote(text) + " matches " + projects.Count + " migration projects: give the id instead.");
            else check.Project = projects[0];
        }
    }
}
