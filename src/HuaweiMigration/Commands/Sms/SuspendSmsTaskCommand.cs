using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Pauses SMS migration tasks.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"stop"} for each task, several at a time (-ThrottleLimit), and writes each task as it is afterwards (usually ABORTING). With -Wait, waits until every task is ABORT (paused), polling all of them together.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Pause every running task and wait</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Suspend-SmsTask -Wait -Timeout 600
    /// </code>
    /// <para>Sends the stop action to every running task, then waits until each one is ABORT (paused). A task still not paused after 10 minutes is an OperationTimeout error.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be paused</para>
    /// <code>
    /// Get-SmsTask -State RUNNING, SYNCING | Suspend-SmsTask -WhatIf
    /// </code>
    /// <para>Lists the tasks that would be paused; nothing is sent.</para>
    /// </example>
    /// <example>
    /// <para type="title">Pause tasks by id without a prompt</para>
    /// <code>
    /// Suspend-SmsTask -Id $id1, $id2 -Confirm:$false -ThrottleLimit 2
    /// </code>
    /// <para>Writes each task as it is right after the action, usually ABORTING.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Suspend, "SmsTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class SuspendSmsTaskCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until every task is ABORT (paused), with progress; Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.Stop, Wait);
    }
}
