using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Stops DCS data-migration tasks.</para>
    /// <para type="description">Stops each task (POST /v2/{project_id}/migration-task/{task_id}/stop) and writes the task the API returns, usually TERMINATING. Many piped tasks are stopped with the batch-stop API, 50 at a time, and still give one output or one error per task. A task that has already finished or failed is reported clearly (DCS.4957, InvalidOperation) instead of being stopped; an unknown task is ObjectNotFound (DCS.4133). With -Wait, waits until every task is TERMINATED, with progress; a task that fails instead is an error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Stop migrating tasks and wait</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-move-*' | Where-Object Status -eq MIGRATING | Stop-DcsMigrationTask -Wait -Timeout 900
    /// </code>
    /// <para>Stops the tasks that are migrating and waits, with progress, until each one is TERMINATED. A task not terminated after 15 minutes is an OperationTimeout error.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be stopped</para>
    /// <code>
    /// Stop-DcsMigrationTask -Id 4f5a6b7c-0000-4000-8000-000000000001 -WhatIf
    /// </code>
    /// <para>Names the task that would be stopped; no request is sent.</para>
    /// </example>
    /// <example>
    /// <para type="title">Stop a task without a prompt</para>
    /// <code>
    /// Stop-DcsMigrationTask -Id 4f5a6b7c-0000-4000-8000-000000000001 -Confirm:$false
    /// </code>
    /// <para>Writes the task the API returns, usually TERMINATING. A task that has already finished is refused with an InvalidOperation error (DCS.4957).</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "DcsMigrationTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class StopDcsMigrationTaskCommand : TaskCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Wait until every task is TERMINATED, with progress; a task that fails or finishes instead is an error. Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        private protected override string? ProjectIdParameter => ProjectId;

        internal override CmdletJob CreateJob() => Act(DcsActions.Stop, Wait);
    }
}
