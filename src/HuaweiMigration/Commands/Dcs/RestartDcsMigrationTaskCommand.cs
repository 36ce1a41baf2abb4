using System;
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
    /// <para type="synopsis">Restarts DCS online data-migration tasks.</para>
    /// <para type="description">Restarts stopped, failed or finished online migration tasks with POST /v2/{project_id}/migration-tasks/batch-restart, 50 ids a request, several requests at a time; each task gets its own outcome. A task that cannot be restarted (a backup import, or one still migrating) is a non-terminating InvalidOperation error naming its status, and the others go on. With -Wait, waits until each task migrates again (MIGRATING, FULLMIGRATING, INCRMIGEATING) or finishes successfully.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Restart the stopped migrations of a wave and wait</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-wave1-*' -Status TERMINATED | Restart-DcsMigrationTask -Wait -Timeout 600
    /// </code>
    /// <para>Writes each task once it migrates again.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be restarted</para>
    /// <code>
    /// Get-DcsMigrationTask -Status FAILED | Restart-DcsMigrationTask -WhatIf
    /// </code>
    /// <para>Nothing is sent.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Restart, "DcsMigrationTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class RestartDcsMigrationTaskCommand : TaskCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Wait until each task migrates again (MIGRATING, FULLMIGRATING, INCRMIGEATING) or finishes successfully, with progress; a task that fails is an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        private protected override string? ProjectIdParameter => ProjectId;

        internal override CmdletJob CreateJob() => Act(DcsActions.Restart, Wait);
    }
}
