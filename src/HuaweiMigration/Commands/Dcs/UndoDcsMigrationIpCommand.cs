using System.Management.Automation;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Rolls back the IP switch of DCS migrations.</para>
    /// <para type="description">For each task, reads it, then sends POST /v2/{project_id}/migration-task/{task_id}/rollback-ip, which switches the source and target instances' IP addresses back. A task that is switching now (task_status EXCHANGING) is refused before anything is sent (InvalidOperation); one whose IPs were never switched is refused by the service, and the error says so. Without -Wait, writes each task as read after the request; with -Wait, waits until no task is EXCHANGING any more. ConfirmImpact is High.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Roll a cutover back and wait</para>
    /// <code>
    /// Undo-DcsMigrationIp -Id 4f5a6b7c-0000-4000-8000-000000000001 -Wait -Confirm:$false
    /// </code>
    /// <para>Switches the IPs back and writes the task once it is no longer EXCHANGING.</para>
    /// </example>
    /// <example>
    /// <para type="title">Roll back a wave</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-wave1-*' | Undo-DcsMigrationIp -Wait
    /// </code>
    /// <para>Asks for each task, rolls them back together and waits for all of them.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Undo, "DcsMigrationIp", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class UndoDcsMigrationIpCommand : TaskCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Wait until no task is EXCHANGING any more, with progress. Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        private protected override string? ProjectIdParameter => ProjectId;

        internal override CmdletJob CreateJob() => Act(DcsActions.RollbackIp, Wait);
    }
}
