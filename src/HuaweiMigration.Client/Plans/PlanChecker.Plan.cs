using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    public static partial class PlanChecker
    {
        /// <summary>Two rows of the same name (any case: web-01 and WEB-01 look alike to a person).</summary>
        private static void DuplicateNames(List<PlanCheck> checks)
        {
            foreach (var group in checks.Where(c => c.Row.Name != null).GroupBy(c => c.Row.Name!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                var rows = string.Join(", ", group.Select(c => c.Row.Row));
                foreach (var check in group) check.Problem(PlanColumns.Name, PlanText.Quote(check.Row.Name) + " is used by rows " + rows + ": give each row its own name.");
            }
        }

        /// <summary>Two server rows whose SourceServer resolved to the same server (a server has one task).</summary>
        private static void SharedSourceServers(List<PlanCheck> checks)
        {
            foreach (var group in checks.Where(c => c.SourceServer?.Id != null).GroupBy(c => c.SourceServer!.Id!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                var rows = string.Join(", ", group.Select(c => c.Row.Row));
                foreach (var check in group)
                {
                    check.Problem(PlanColumns.SourceServer, PlanText.Quote(check.Row[PlanColumns.SourceServer]) + " is the source server " + group.Key + ", which rows " + rows
                        + " all name: a source server has one task; keep one of these rows.");
                }
            }
        }

        private static readonly SmsTaskState[] Migrating = { SmsTaskState.RUNNING, SmsTaskState.SYNCING };
        private static readonly SmsTaskState[] Migrated = { SmsTaskState.MIGRATE_SUCCESS, SmsTaskState.SYNC_SUCCESS };

        /// <summary>
        /// The account's quotas (<see cref="PlanQuotas"/>), as warnings: more server rows than source servers an account
        /// may have, and more migrations at once than it may run (the rows that would start — new ones, and those whose
        /// task is neither migrating nor migrated — with the tasks already migrating in the account).
        /// </summary>
        private static void Quotas(List<PlanCheck> checks, PlanInventory inventory, List<string> warnings)
        {
            var servers = checks.Where(c => c.Row.Kind == MigrationPlanKinds.Server).ToList();
            if (servers.Count > PlanQuotas.MaxSourceServers)
            {
                warnings.Add("The plan has " + servers.Count + " server rows, more than the " + PlanQuotas.MaxSourceServers
                    + " source servers an account may have: split it into waves, or ask for a higher SMS quota first.");
            }
            var running = inventory.SmsTasks.Count(t => Migrating.Contains(t.State));
            var starting = servers.Count(c => c.Problems.Count == 0 && (c.SmsTask is null || !(Migrating.Contains(c.SmsTask.State) || Migrated.Contains(c.SmsTask.State))));
            if (running + starting > PlanQuotas.MaxConcurrentMigrations)
            {
                warnings.Add("The plan would start " + starting + (starting == 1 ? " migration while " : " migrations while ") + running + " already run in the account: " + (running + starting)
                    + " at once is more than the " + PlanQuotas.MaxConcurrentMigrations + " SMS runs at a time; run the plan in smaller waves, or ask for a higher quota.");
            }
        }
    }
}
