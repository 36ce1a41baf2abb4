using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Deletes the snapshot resources of SMS tasks.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"clear"} for each task and writes each task afterwards (its TargetSnapshotId empty). High impact: asks for confirmation unless -Confirm:$false. With -Wait, waits until the source server is cleared; clearfailed is an error for that task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Clear the snapshots of a finished wave</para>
    /// <code>
    /// Get-SmsTask -Name 'wave1-*' -State MIGRATE_SUCCESS | Clear-SmsTaskSnapshot -Confirm:$false -Wait
    /// </code>
    /// <para>Deletes each task's snapshot resources without asking, and waits until each is cleared.</para>
    /// </example>
    /// <example>
    /// <para type="title">See which snapshots would be deleted</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_SUCCESS | Clear-SmsTaskSnapshot -WhatIf
    /// </code>
    /// <para>Nothing is sent.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Clear, "SmsTaskSnapshot", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmsTask))]
    public sealed class ClearSmsTaskSnapshotCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until each task's snapshot resources are deleted: the source server is cleared; clearfailed is an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.Clear, Wait);
    }
}
