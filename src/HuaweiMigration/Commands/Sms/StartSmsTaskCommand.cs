using System;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Starts SMS migration tasks: resumes paused ones and restarts failed ones.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"start"} for each task, several at a time (-ThrottleLimit), and writes each task as it is afterwards. With -Wait, waits until every task is RUNNING, SYNCING or finished successfully, polling all of them together; a task that fails (MIGRATE_FAIL, SYNC_FAIL) is an error and the others go on.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Resume paused tasks and wait</para>
    /// <code>
    /// Get-SmsTask -State ABORT | Start-SmsTask -Wait
    /// </code>
    /// <para>Starts every paused task and waits until each one is RUNNING, SYNCING or finished successfully, with progress. A task that fails is a non-terminating error and the others go on.</para>
    /// </example>
    /// <example>
    /// <para type="title">Restart failed tasks, with a time limit</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_FAIL | Start-SmsTask -Wait -Timeout 1800 -PollInterval 10
    /// </code>
    /// <para>Restarts the failed tasks and polls all of them together every 10 seconds. A task not started within 30 minutes is an OperationTimeout error.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be started</para>
    /// <code>
    /// Start-SmsTask -Id 0b1c2d3e-0000-4000-8000-000000000001 -WhatIf
    /// </code>
    /// <para>Shows the task that would be started; no request that changes anything is sent.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "SmsTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class StartSmsTaskCommand : SmsTaskActionCmdletBase
    {
        protected override string Operation => "start";
        protected override string ActionName => "Start";
        protected override string Goal => "start";
        protected override string Activity => "Starting SMS tasks";
        // A restart can take a moment to show: a failed state is believed after two polls' time (at least 2 s).
        internal override Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Rule => SmsWaitRules.Start(TimeSpan.FromSeconds(Math.Max(2, 2 * PollInterval)));
    }

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
    public sealed class SuspendSmsTaskCommand : SmsTaskActionCmdletBase
    {
        protected override string Operation => "stop";
        protected override string ActionName => "Suspend (pause)";
        protected override string Goal => "pause";
        protected override string Activity => "Pausing SMS tasks";
        internal override Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Rule => SmsWaitRules.Suspend;
    }
}
