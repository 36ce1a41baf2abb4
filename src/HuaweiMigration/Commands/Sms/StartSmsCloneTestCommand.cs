using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Clones the target servers of SMS tasks from a template, for a test.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"clone_test","template_id":...} for each task whose replication has finished, and writes each task afterwards. A task in another state is a non-terminating InvalidOperation error with the service's code. With -Wait, follows each clone to its end: the source server leaves cloning and the task has its clone server; a source server in error is an error for that task.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Clone a finished task's target for a test</para>
    /// <code>
    /// Start-SmsCloneTest -Id $id -TemplateId 3f2a0000-0000-4000-8000-000000000001 -Wait
    /// </code>
    /// <para>Waits until the service has cloned the target, and writes the task with its clone server.</para>
    /// </example>
    /// <example>
    /// <para type="title">Clone several targets from one template without a prompt</para>
    /// <code>
    /// Get-SmsTask -Name 'wave3-*' -State MIGRATE_SUCCESS | Start-SmsCloneTest -TemplateId $templateId -Confirm:$false
    /// </code>
    /// <para>Sends {"operation":"clone_test","template_id":...} for each task.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "SmsCloneTest", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class StartSmsCloneTestCommand : TaskCmdlet<SmsTask>
    {
        /// <summary><para type="description">The id of the target server template to clone from.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("template id", 36)]
        public string TemplateId { get; set; } = string.Empty;

        /// <summary><para type="description">Wait until each clone has finished: the source server has left cloning and the task has a clone server; a source server in error is an error.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        internal override CmdletJob CreateJob() => Act(SmsActions.CloneTest, Wait, new SmsActionOptions { TemplateId = TemplateId });
    }
}
