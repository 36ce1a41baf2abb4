using System;
using System.Collections.Generic;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// What <c>Test-HuaweiMigrationPlan</c> found for one row of a wave plan: whether it is ready to be made, already
    /// made (its task will be reused), or has problems — each a sentence that names the column and how to fix it.
    /// Not an API object: the module writes it.
    /// </summary>
    public class MigrationPlanCheck
    {
        /// <summary>The row's number in the plan, from 1 (the header line of a CSV file is not counted).</summary>
        public int Row { get; set; }

        /// <summary>The row's Name (the task name).</summary>
        public string? Name { get; set; }

        /// <summary>Server or Redis.</summary>
        public string Kind { get; set; } = MigrationPlanKinds.Server;

        /// <summary>Ready, Exists or Problem (<see cref="MigrationPlanStatuses"/>).</summary>
        public string Status { get; set; } = MigrationPlanStatuses.Ready;

        /// <summary>Each problem as a sentence that names its column and how to fix it; empty when there is none.</summary>
        public string[] Problems { get; set; } = Array.Empty<string>();

        /// <summary>The id of the row's task when it already exists (Status Exists).</summary>
        public string? TaskId { get; set; }

        /// <summary>The id the row's SourceServer resolved to (server rows), when exactly one matched.</summary>
        public string? SourceServerId { get; set; }

        public override string ToString() => Row + " " + Name + ": " + Status + (Problems.Length == 0 ? string.Empty : " (" + string.Join(" ", Problems) + ")");
    }

    /// <summary>
    /// What <c>Invoke-HuaweiMigrationPlan</c> did for one row in one stage. Not an API object: the module writes it,
    /// and appends it to -ResultPath.
    /// </summary>
    public class MigrationPlanResult
    {
        /// <summary>The row's number in the plan, from 1.</summary>
        public int Row { get; set; }

        /// <summary>The row's Name (the task name).</summary>
        public string? Name { get; set; }

        /// <summary>Server or Redis.</summary>
        public string Kind { get; set; } = MigrationPlanKinds.Server;

        /// <summary>Create, Replicate, Test, Cutover or Cleanup (<see cref="MigrationPlanStages"/>).</summary>
        public string Stage { get; set; } = MigrationPlanStages.Create;

        /// <summary>Done, AlreadyDone, Failed, Skipped or WhatIf (<see cref="MigrationPlanOutcomes"/>).</summary>
        public string Outcome { get; set; } = MigrationPlanOutcomes.Done;

        /// <summary>The row's task id, when it has one.</summary>
        public string? TaskId { get; set; }

        /// <summary>The task's state as last seen (SMS state or DCS status).</summary>
        public string? State { get; set; }

        /// <summary>What happened, in a sentence: for a failure, the error and what to do.</summary>
        public string? Message { get; set; }

        public override string ToString() => Row + " " + Name + " " + Stage + ": " + Outcome + (State is null ? string.Empty : " (" + State + ")");
    }

    /// <summary>The kinds of plan row.</summary>
    public static class MigrationPlanKinds
    {
        public const string Server = "Server";
        public const string Redis = "Redis";
    }

    /// <summary>A row's status after the check.</summary>
    public static class MigrationPlanStatuses
    {
        public const string Ready = "Ready";
        public const string Exists = "Exists";
        public const string Problem = "Problem";
    }

    /// <summary>The stages of a plan, in the order they run.</summary>
    public static class MigrationPlanStages
    {
        public const string Create = "Create";
        public const string Replicate = "Replicate";
        public const string Test = "Test";
        public const string Cutover = "Cutover";
        public const string Cleanup = "Cleanup";

        /// <summary>Every stage, in order.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { Create, Replicate, Test, Cutover, Cleanup };
    }

    /// <summary>What a stage did for a row.</summary>
    public static class MigrationPlanOutcomes
    {
        public const string Done = "Done";
        public const string AlreadyDone = "AlreadyDone";
        public const string Failed = "Failed";
        public const string Skipped = "Skipped";
        public const string WhatIf = "WhatIf";
    }
}
