using System;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Starts SMS migration tasks: resumes paused ones and restarts failed ones.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"start"} for each task, several at a time (-ThrottleLimit), and writes each task as it is afterwards. With -Wait, waits until every task is RUNNING, SYNCING or finished successfully, polling all of them together; a task that fails (MIGRATE_FAIL, SYNC_FAIL) is an error and the others go on.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "SmsTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class StartSmsTaskCommand : SmsTaskActionCmdletBase
    {
        protected override string Operation => "start";
        protected override string ActionName => "Start";
        protected override string Goal => "start";
        protected override string Activity => "Starting SMS tasks";
        // A restart can take a moment to show: a failed state is believed after two polls' time (at least 2 s).
        internal override Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Rule => SmsWaitRules.Start(TimeSpan.FromSeconds(Math.Max(2, 2 * PollInterval)));
    }

    /// <summary>
    /// <para type="synopsis">Pauses SMS migration tasks.</para>
    /// <para type="description">Sends POST /v3/tasks/{id}/action {"operation":"stop"} for each task, several at a time (-ThrottleLimit), and writes each task as it is afterwards (usually ABORTING). With -Wait, waits until every task is ABORT (paused), polling all of them together.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "SmsTask", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTask))]
    public sealed class SuspendSmsTaskCommand : SmsTaskActionCmdletBase
    {
        protected override string Operation => "stop";
        protected override string ActionName => "Suspend (pause)";
        protected override string Goal => "pause";
        protected override string Activity => "Pausing SMS tasks";
        internal override Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Rule => SmsWaitRules.Suspend;
    }
}
