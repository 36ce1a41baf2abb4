using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Waits until SMS tasks reach a state.</para>
    /// <para type="description">Waits for every task given (by id or piped from Get-SmsTask) until it reaches one of the target states — by default any settled state: ABORT, MIGRATE_SUCCESS, MIGRATE_FAIL, SYNC_SUCCESS, SYNC_FAIL, SYNC_F_ROLLBACK_SUCCESS — and writes each task as it gets there. All tasks are polled together (a few list calls per poll, not one call per task). A task that fails when failing is not a target is an error; a timeout is an OperationTimeout error for each unfinished task.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "SmsTask", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(SmsTask))]
    public sealed class WaitSmsTaskCommand : SmsTaskCmdletBase
    {
        /// <summary><para type="description">The states to wait for (default: any settled state).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public SmsTaskState[]? State { get; set; }

        private TaskWaiter<SmsTask>? _waiter;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var targets = State is { Length: > 0 } ? State.ToList() : SmsTaskStates.Settled.ToList();
            _waiter = new TaskWaiter<SmsTask>(Sms.CreateRefresher(), SmsWaitRules.States(targets), t => t.RawState);
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs())
            {
                _waiter!.Add(id, task);
            }
        }

        protected override void EndProcessing()
        {
            var timing = new WaitTiming(Timeout, PollInterval);
            var goal = "reach " + string.Join(" or ", (State is { Length: > 0 } ? State : SmsTaskStates.Settled.ToArray()).Select(s => s.ToString()));
            RunWait(_waiter!, timing, "Waiting for SMS tasks", "settled", Slowest, r => WriteWaitResult(r, true, timing, goal));
        }
    }
}
