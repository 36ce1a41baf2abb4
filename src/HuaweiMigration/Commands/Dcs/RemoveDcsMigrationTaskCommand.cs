using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Deletes DCS data-migration tasks.</para>
    /// <para type="description">Reads each task's status first, then deletes the tasks that are not migrating with DELETE /v2/{project_id}/migration-tasks/delete {"task_id_list": [...]}, 50 ids a request; each task gets its own outcome. A task that is still migrating is refused (a non-terminating InvalidOperation error naming its status; nothing is sent for it) unless -Force, which stops it, waits until it is no longer migrating (TERMINATED), then deletes it — the deletion is never sent while the task migrates. -Force also skips the confirmation prompt. With -Wait, waits until the tasks are gone. Writes nothing unless -PassThru (the tasks as they were before removal).</para>
    /// </summary>
    /// <example>
    /// <para type="title">Clean up finished migrations</para>
    /// <code>
    /// Get-DcsMigrationTask -Status SUCCESS, TERMINATED | Remove-DcsMigrationTask -Confirm:$false
    /// </code>
    /// <para>Deletes them in batches of 50.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove a migration that is still running</para>
    /// <code>
    /// Remove-DcsMigrationTask -Id $id -Force -PassThru
    /// </code>
    /// <para>Stops it, waits for TERMINATED, deletes it, and writes the task as it was.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "DcsMigrationTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class RemoveDcsMigrationTaskCommand : TaskCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Stop tasks that are still migrating, wait until they are TERMINATED, then delete them; also skips the confirmation prompt.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">Write each removed task (as it was before removal).</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary><para type="description">Wait until the tasks no longer exist.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        private protected override string? ProjectIdParameter => ProjectId;

        internal override CmdletJob CreateJob() => Remove(DcsRemoval.Rules, Force, Wait, PassThru);
    }
}
