using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Deletes SMS migration tasks.</para>
    /// <para type="description">Reads each task's state first and deletes it (DELETE /v3/tasks/{id}) only when it is not running: never started (READY), paused (ABORT) or finished. A running, syncing or pausing task is refused with an InvalidOperation error that names its state, and no DELETE is sent — unless -Force, which pauses it, waits for ABORT, then deletes it (and skips the confirmation prompt; -WhatIf still wins). With -Wait, waits until the tasks are gone. Writes nothing unless -PassThru.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Remove a paused or finished task</para>
    /// <code>
    /// Remove-SmsTask -Id 0b1c2d3e-0000-4000-8000-000000000001
    /// </code>
    /// <para>Asks for confirmation (ConfirmImpact is High), then deletes the task. A task that is running is refused with an InvalidOperation error that names its state.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove a wave of tasks, running or not</para>
    /// <code>
    /// Get-SmsTask -Name 'wave1-*' | Remove-SmsTask -Force -Wait
    /// </code>
    /// <para>-Force pauses the tasks that run, waits until they are ABORT, deletes them without asking, and -Wait waits until they are gone.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove finished tasks and list them</para>
    /// <code>
    /// Get-SmsTask -State MIGRATE_SUCCESS | Remove-SmsTask -Confirm:$false -PassThru | Select-Object Name, Id
    /// </code>
    /// <para>-PassThru writes each removed task as it was before removal.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "SmsTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmsTask))]
    public sealed class RemoveSmsTaskCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Pause running tasks first (waiting for ABORT), and do not ask for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">Wait until the tasks no longer exist.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">Write each removed task (as it was before removal).</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override CmdletJob CreateJob() => Remove(SmsRemoval.Rules, Force, Wait, PassThru);
    }
}
