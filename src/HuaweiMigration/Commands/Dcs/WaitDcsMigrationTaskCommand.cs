using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Waits until DCS data-migration tasks reach a status.</para>
    /// <para type="description">Waits for every task given (by id or piped from Get-DcsMigrationTask) until it reaches one of the target statuses — by default any settled status: TERMINATED, SUCCESS, FAILED, MIGRATION_SUCCESS, MIGRATION_FAILED, ERROR — and writes each task as it gets there. All tasks are polled together (a few list calls per poll, not one per task). A failed status that is not a target is an error; a time-out is an OperationTimeout error for each unfinished task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Wait for a wave of migrations to settle</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-wave1-*' | Wait-DcsMigrationTask -Timeout 3600
    /// </code>
    /// <para>Writes each task when it settles; a failed one is an error and the others go on.</para>
    /// </example>
    /// <example>
    /// <para type="title">Wait until the incremental phase starts</para>
    /// <code>
    /// Wait-DcsMigrationTask -Id $id -Status INCRMIGEATING -PollInterval 10
    /// </code>
    /// <para>Polls every 10 seconds until the task is INCRMIGEATING (the API's spelling).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "DcsMigrationTask", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class WaitDcsMigrationTaskCommand : TaskCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The statuses to wait for (default: any settled status).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        // Every member but Unknown; ModuleSurfaceTests holds this list to the enum.
        [ValidateSet("CREATING", "RUNNING", "MIGRATING", "FULLMIGRATING", "INCRMIGEATING", "TERMINATING", "TERMINATED", "SUCCESS", "FAILED",
            "MIGRATION_SUCCESS", "MIGRATION_FAILED", "ERROR", "DELETED", "RELEASED")]
        public DcsMigrationTaskStatus[]? Status { get; set; }

        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        private protected override string? ProjectIdParameter => ProjectId;

        internal override CmdletJob CreateJob()
        {
            var targets = Status is { Length: > 0 } ? Status : DcsMigrationTaskStatuses.Settled.ToArray();
            return WaitUntil(DcsWaitRules.Statuses(targets), new WaitWords("Waiting for DCS migration tasks", "settled", "did not reach " + string.Join(" or ", targets.Select(s => s.ToString()))));
        }
    }
}
