using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Launches the target servers of SMS tasks for a test.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"test"} for each task whose replication has finished (MIGRATE_SUCCESS, SYNC_SUCCESS or SYNCING), and writes each task afterwards. A task in another state is a non-terminating InvalidOperation error with the service's code (SMS.1040). Wait-SmsTask -State waits for the state you need next.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Launch the targets of finished tasks for testing</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_SUCCESS | Start-SmsTest
    /// </code>
    /// <para>Launches each target server; the tasks' sub-tasks show the launch.</para>
    /// </example>
    /// <example>
    /// <para type="title">Launch, then wait for the state you need</para>
    /// <code>
    /// Start-SmsTest -Id $id; Wait-SmsTask -Id $id -State SYNCING, MIGRATE_SUCCESS -Timeout 600
    /// </code>
    /// <para>A task that is still replicating is refused with SMS.1040 (InvalidOperation); the others go on.</para>
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
