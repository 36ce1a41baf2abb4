using System;
using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Sends any operation of the SMS task action API to tasks.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":...} with the options given (-TemplateId, -SwitchHce, -ConsistencyCheck) for each task, and writes each task afterwards. For operations without a cmdlet of their own (skip) and for ones the API adds later: -Operation completes the known values and takes any word of 1 to 64 lowercase letters and underscores; anything else is refused before any request. An operation this version does not know is never sent twice: when its answer is lost, its outcome is reported as unknown. With -Wait, waits by the rule of the operation's own cmdlet (start, stop, restart, the launches, network_check, clear), and for any other operation until the task settles.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Skip a task's current step</para>
    /// <code>
    /// Invoke-SmsTaskAction -Id $id -Operation skip
    /// </code>
    /// <para>Sends {"operation":"skip"}.</para>
    /// </example>
    /// <example>
    /// <para type="title">Use an operation a newer API release added</para>
    /// <code>
    /// Get-SmsTask -Name 'lab-*' | Invoke-SmsTaskAction -Operation some_new_operation -Wait -Timeout 600
    /// </code>
    /// <para>Sends the operation to each task and waits until each one settles.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "SmsTaskAction", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class InvokeSmsTaskActionCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">The operation: one this module knows (Tab completes them, from the same list the module acts on), or any word of lowercase letters and underscores the API accepts.</para></summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(Completion.SmsOperationCompleter))]
        public string Operation { get; set; } = string.Empty;

        /// <summary><para type="description">Adds "template_id" to the body (clone_test needs it).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("template id", 36)]
        public string? TemplateId { get; set; }

        /// <summary><para type="description">Adds "switch_hce": true to the body.</para></summary>
        [Parameter]
        public SwitchParameter SwitchHce { get; set; }

        /// <summary><para type="description">Adds "is_need_consistency_check": true to the body.</para></summary>
        [Parameter]
        public SwitchParameter ConsistencyCheck { get; set; }

        /// <summary><para type="description">Wait until the operation has taken effect: for an operation with a cmdlet of its own, that cmdlet's rule; for any other, until the task settles.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob()
        {
            TaskAction<SmsTask>? action = null;
            try
            {
                action = SmsActions.For(Operation);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidSmsTaskOperation", Operation));
            }
            return Act(action!, Wait, new SmsActionOptions { TemplateId = TemplateId, SwitchHce = SwitchHce, ConsistencyCheck = ConsistencyCheck });
        }
    }
}
