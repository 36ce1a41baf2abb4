using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// One row of a plan after the check: its problems, and what its cells resolved to in the account (the source
    /// server, template and project; its task when it exists). The plan runner works from these.
    /// </summary>
    public sealed class PlanCheck
    {
        public PlanCheck(PlanRow row)
        {
            Row = row ?? throw new ArgumentNullException(nameof(row));
        }

        public PlanRow Row { get; }

        /// <summary>Each problem as a sentence naming its column and the fix.</summary>
        public List<string> Problems { get; } = new List<string>();

        /// <summary>Server or Redis (Server when the row's kind is unknown: that is one of its problems).</summary>
        public string Kind => Row.Kind ?? MigrationPlanKinds.Server;

        /// <summary>The source server the row's SourceServer names (server rows), when exactly one matched.</summary>
        public SmsSourceServer? SourceServer { get; set; }

        /// <summary>The template the row's Template names, when it exists.</summary>
        public SmsTemplate? Template { get; set; }

        /// <summary>The migration project the row's MigrationProject names, when it exists.</summary>
        public SmsMigrationProject? Project { get; set; }

        /// <summary>The row's SMS task when one of its name exists (it is reused).</summary>
        public SmsTask? SmsTask { get; set; }

        /// <summary>The row's DCS migration task when one of its name exists (it is reused).</summary>
        public DcsMigrationTask? DcsTask { get; set; }

        /// <summary>
        /// A server row whose source server and SMS task are both gone (after Cleanup -RemoveSourceServer): still a
        /// problem for the other stages; a plan run for Cleanup only reports it AlreadyDone instead.
        /// </summary>
        public bool Gone { get; set; }

        /// <summary>The id of the row's task, when it exists.</summary>
        public string? TaskId => Row.IsRedis ? DcsTask?.TaskId : SmsTask?.Id;

        /// <summary>Problem when the row has one; else Exists when its task is there; else Ready.</summary>
        public string Status => Problems.Count > 0 ? MigrationPlanStatuses.Problem
            : TaskId != null ? MigrationPlanStatuses.Exists
            : MigrationPlanStatuses.Ready;

        /// <summary>Adds a problem: a sentence that names <paramref name="column"/> and says how to fix it.</summary>
        public void Problem(string column, string sentence) => Problems.Add(column + ": " + sentence);

        /// <summary>The check as the module writes it.</summary>
        public MigrationPlanCheck ToResult() => new MigrationPlanCheck
        {
            Row = Row.Row,
            Name = Row.Name,
            Kind = Kind,
            Status = Status,
            Problems = Problems.ToArray(),
            TaskId = TaskId,
            SourceServerId = SourceServer?.Id,
        };
    }
}
