using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Checks the network between SMS tasks' source and target servers.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"network_check"} for each task and writes each task afterwards. With -Wait, waits until each task's NetworkCheckInfo has an EvaluationResult and writes the task with it, shown in a table of the check's result (type name HuaweiMigration.Models.SmsTask#NetworkCheck: state, evaluation result, speed in Mbit/s, name and id; Format-List shows the whole check).</para>
    /// </summary>
    /// <example>
    /// <para type="title">Check the network of every running task</para>
    /// <code>
    /// Get-SmsTask -State RUNNING | Test-SmsTaskNetwork -Wait
    /// </code>
    /// <para>Starts a check for each task, waits for all results together, and shows them: each task's state, the check's evaluation and speed, its name and id (Format-List shows delay, jitter and loss too).</para>
    /// </example>
    /// <example>
    /// <para type="title">Start a check without waiting</para>
    /// <code>
    /// Test-SmsTaskNetwork -Id $id; Get-SmsTask -Id $id | Select-Object -ExpandProperty NetworkCheckInfo
    /// </code>
    /// <para>The result is empty until the check has finished.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "SmsTaskNetwork", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SmsTask))]
    public sealed class TestSmsTaskNetworkCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until each task's NetworkCheckInfo has an EvaluationResult, and write the task with it.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>The view of a task written after its check: the result beside the task.</summary>
        internal const string NetworkCheckTypeName = "HuaweiMigration.Models.SmsTask#NetworkCheck";

        internal override CmdletJob CreateJob() => Act(SmsActions.NetworkCheck, Wait);

        // With -Wait each task is written with its result, so its default view is the result's. Without it the task
        // is written as it was when the check started (an old result, if any): the normal view.
        private protected override object? Shown(object? item)
        {
            if (!Wait || item is not SmsTask) return item;
            var shown = PSObject.AsPSObject(item);
            shown.TypeNames.Insert(0, NetworkCheckTypeName);
            return shown;
        }
    }
}
