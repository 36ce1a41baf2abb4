using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Cuts SMS tasks over to their target servers.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"cutover"} for each task whose replication has finished, and writes each task afterwards. High impact: asks for confirmation unless -Confirm:$false. A task in another state is a non-terminating InvalidOperation error with the service's code. With -Wait, follows each cutover to its end: the task's source server finished (migration cycle cutovered); a source server in error is an error for that task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Cut over a tested wave</para>
    /// <code>
    /// Get-SmsTask -Name 'wave1-*' -State SYNCING | Start-SmsCutover
    /// </code>
    /// <para>Asks once per task (or not at all with -Confirm:$false), then sends the cutover.</para>
    /// </example>
    /// <example>
    /// <para type="title">Cut over and wait until it is done</para>
    /// <code>
    /// Get-SmsTask -Name 'wave1-*' -State SYNCING | Start-SmsCutover -Confirm:$false -Wait -Timeout 3600
    /// </code>
    /// <para>Writes each task when its cutover has finished; a failed cutover is an error for that task and the others go on.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be cut over</para>
    /// <code>
    /// Get-SmsTask -State SYNC_SUCCESS | Start-SmsCutover -WhatIf
    /// </code>
    /// <para>Nothing is sent.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "SmsCutover", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmsTask))]
    public sealed class StartSmsCutoverCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until each cutover has finished: the source server is finished (cutovered); a source server in error is an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.Cutover, Wait);
    }
}
