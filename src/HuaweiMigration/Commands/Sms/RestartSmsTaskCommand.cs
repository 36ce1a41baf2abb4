using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Restarts SMS migration tasks from the beginning.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"restart"} for each task (paused, failed or not started), several at a time, and writes each task afterwards. A task in another state is a non-terminating InvalidOperation error with the service's code. With -Wait, waits until every task is RUNNING, SYNCING or finished successfully; a failed state is an error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Restart the failed tasks of a wave and wait</para>
    /// <code>
    /// Get-SmsTask -Name 'wave1-*' -State MIGRATE_FAIL | Restart-SmsTask -Wait -Timeout 1800
    /// </code>
    /// <para>Restarts each failed task and waits, with progress, until it runs again. A task that fails again is an error; the others go on.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be restarted</para>
    /// <code>
    /// Get-SmsTask -State ABORT | Restart-SmsTask -WhatIf
    /// </code>
    /// <para>Nothing is sent.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Restart, "SmsTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class RestartSmsTaskCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until every task is RUNNING, SYNCING or finished successfully, with progress; a task that fails is an error. Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.Restart, Wait);
    }
}
