using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Launches the target servers of SMS tasks for a test.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"test"} for each task whose replication has finished (MIGRATE_SUCCESS, SYNC_SUCCESS or SYNCING), and writes each task afterwards. A task in another state is a non-terminating InvalidOperation error with the service's code (SMS.1040). With -Wait, follows each launch to its end through the task's source server (its migration cycle tested), all tasks polled together; a source server in error is an error for that task, and the others go on.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Launch the targets of finished tasks for testing</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_SUCCESS | Start-SmsTest
    /// </code>
    /// <para>Launches each target server; the tasks' sub-tasks show the launch.</para>
    /// </example>
    /// <example>
    /// <para type="title">Launch the test servers of a wave and wait until they are up</para>
    /// <code>
    /// Get-SmsTask -Name 'wave1-*' -State SYNCING | Start-SmsTest -Wait -Timeout 1800
    /// </code>
    /// <para>Writes each task once its test launch has finished. A task that is still replicating is refused with SMS.1040 (InvalidOperation); a launch that fails is an error for its task; the others go on.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "SmsTest", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class StartSmsTestCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until each test launch has finished: the source server's migration cycle is tested (a source server in error is an error).</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.Test, Wait);
    }
}
