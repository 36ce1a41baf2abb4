using System;
using System.Collections.Generic;
using System.Security;
using HuaweiMigration.Client.Engine;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>How a plan runs: its stages, waits, concurrency, the target's region and project, and Redis passwords.</summary>
    public sealed class PlanRunOptions
    {
        /// <summary>The stages asked for (any order, any case): they run in <see cref="Models.MigrationPlanStages.All"/>'s order.</summary>
        public IReadOnlyCollection<string> Stages { get; set; } = Array.Empty<string>();

        /// <summary>One time limit for the whole run, and the poll interval.</summary>
        public WaitPlan Wait { get; set; } = new WaitPlan(null, null);

        /// <summary>Requests in flight at once, at most.</summary>
        public int Throttle { get; set; } = 10;

        /// <summary>Cleanup also removes the source servers.</summary>
        public bool RemoveSourceServer { get; set; }

        /// <summary>-WhatIf: nothing is sent; each row is told what it would get.</summary>
        public bool WhatIf { get; set; }

        /// <summary>The new targets' region (id and display name) and project (id and name).</summary>
        public string RegionId { get; set; } = string.Empty;
        public string RegionName { get; set; } = string.Empty;
        public string ProjectId { get; set; } = string.Empty;
        public string ProjectName { get; set; } = string.Empty;

        /// <summary>The password given for a source address, source instance id or target instance id; null when none.</summary>
        public Func<string?, SecureString?> Password { get; set; } = _ => null;
    }
}
