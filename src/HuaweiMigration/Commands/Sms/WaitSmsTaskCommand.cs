using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Waits until SMS tasks reach a state.</para>
    /// <para type="description">Waits for every task given (by id or piped from Get-SmsTask) until it reaches one of the target states — by default any settled state: ABORT, MIGRATE_SUCCESS, MIGRATE_FAIL, SYNC_SUCCESS, SYNC_FAIL, SYNC_F_ROLLBACK_SUCCESS — and writes each task as it gets there. All tasks are polled together (a few list calls per poll, not one call per task). A task that fails when failing is not a target is an error; a timeout is an OperationTimeout error for each unfinished task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Wait until a wave of tasks settles</para>
    /// <code>
    /// Get-SmsTask -Name 'wave2-*' | Wait-SmsTask -Timeout 3600
    /// </code>
    /// <para>Writes each task when it reaches a settled state (ABORT, MIGRATE_SUCCESS, MIGRATE_FAIL, SYNC_SUCCESS, SYNC_FAIL or SYNC_F_ROLLBACK_SUCCESS). A task not settled after an hour is an OperationTimeout error.</para>
    /// </example>
    /// <example>
    /// <para type="title">Wait for a task to start syncing</para>
    /// <code>
    /// Wait-SmsTask -Id 0b1c2d3e-0000-4000-8000-000000000001 -State SYNCING, SYNC_SUCCESS -PollInterval 30
    /// </code>
    /// <para>Polls every 30 seconds until the task is SYNCING or SYNC_SUCCESS. Ctrl+C stops the wait at once.</para>
    /// </example>
    /// <example>
    /// <para type="title">Report the tasks that failed</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Wait-SmsTask | Where-Object State -eq MIGRATE_FAIL | Select-Object Name, Id, State
    /// </code>
    /// <para>Waits for every running task to settle and keeps the ones that failed.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "SmsTask", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(SmsTask))]
    public sealed class WaitSmsTaskCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">The states to wait for (default: any settled state).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        // Every member but Unknown (how the module reports a state it does not know): refused at binding and not
        // offered by Tab (PowerShell completes an enum parameter from its ValidateSet, never from a completer).
        // ModuleSurfaceTests holds this list to the enum.
        [ValidateSet("READY", "RUNNING", "SYNCING", "MIGRATE_SUCCESS", "SYNC_SUCCESS", "MIGRATE_FAIL", "SYNC_FAIL", "ABORTING", "ABORT",
            "SKIPPING", "DELETING", "RESETING", "SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS")]
        public SmsTaskState[]? State { get; set; }

        internal override CmdletJob CreateJob()
        {
            var targets = State is { Length: > 0 } ? State : SmsTaskStates.Settled.ToArray();
            return WaitUntil(SmsWaitRules.States(targets), new WaitWords("Waiting for SMS tasks", "settled", "did not reach " + string.Join(" or ", targets.Select(s => s.ToString()))));
        }
    }
}
