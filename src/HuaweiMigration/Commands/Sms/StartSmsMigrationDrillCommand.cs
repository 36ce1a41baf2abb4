using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Runs migration drills for SMS tasks.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"migration_test"} for each task whose replication has finished, and writes each task afterwards. A task in another state is a non-terminating InvalidOperation error with the service's code. With -Wait, follows each drill to its end: the source server premiged; premigfailed is an error for that task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Drill every finished task of a wave</para>
    /// <code>
    /// Get-SmsTask -Name 'wave2-*' -State MIGRATE_SUCCESS | Start-SmsMigrationDrill -Wait
    /// </code>
    /// <para>Sends the drill for each task and waits until every drill has ended; a failed drill is an error for its task.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be drilled</para>
    /// <code>
    /// Get-SmsTask -State SYNCING | Start-SmsMigrationDrill -WhatIf
    /// </code>
    /// <para>Nothing is sent.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "SmsMigrationDrill", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class StartSmsMigrationDrillCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until each drill has finished: the source server is premiged; premigfailed is an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.MigrationDrill, Wait);
    }
}
