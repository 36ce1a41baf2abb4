using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Starts SMS migration tasks: resumes paused ones and restarts failed ones.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"start"} for each task, several at a time (-ThrottleLimit), and writes each task as it is afterwards. -SwitchHce adds "switch_hce": true and -ConsistencyCheck adds "is_need_consistency_check": true to the body. With -Wait, waits until every task is RUNNING, SYNCING or finished successfully, polling all of them together; a task that fails (MIGRATE_FAIL, SYNC_FAIL) is an error and the others go on.</para>
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
    /// <para type="title">Start with a consistency check</para>
    /// <code>
    /// Start-SmsTask -Id 0b1c2d3e-0000-4000-8000-000000000001 -ConsistencyCheck
    /// </code>
    /// <para>Sends {"operation":"start","is_need_consistency_check":true}.</para>
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
    public sealed class StartSmsTaskCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Switch the target to Huawei Cloud EulerOS (HCE) while migrating: adds "switch_hce": true to the body.</para></summary>
        [Parameter]
        public SwitchParameter SwitchHce { get; set; }

        /// <summary><para type="description">Check the data's consistency after the migration: adds "is_need_consistency_check": true to the body.</para></summary>
        [Parameter]
        public SwitchParameter ConsistencyCheck { get; set; }

        /// <summary><para type="description">Wait until every task is RUNNING, SYNCING or finished successfully, with progress; a task that fails is an error. Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.Start, Wait, new SmsActionOptions { SwitchHce = SwitchHce, ConsistencyCheck = ConsistencyCheck });
    }
}
