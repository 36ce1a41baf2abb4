using System;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>An SMS action without a wait of its own (Wait-SmsTask -State … waits for its effect).</summary>
    public abstract class SmsTaskActionCmdletBase : TaskInputCmdlet<SmsTask>
    {
        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary>The operation this cmdlet sends.</summary>
        internal abstract SmsTaskAction Action { get; }

        /// <summary>The body's options (none by default).</summary>
        internal virtual SmsActionOptions? Options => null;

        private SmsActionEngine? _engine;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _engine = new SmsActionEngine(this, Action, Options, ThrottleLimit, wait: false, TimeSpan.Zero);
        }

        protected override void ProcessRecord() => _engine!.Process();

        protected override void EndProcessing() => _engine!.End(() => WaitTiming.Start(0, 5));
    }

    /// <summary>An SMS action with <c>-Wait</c>: the descriptor's rule, polled for every task together.</summary>
    public abstract class SmsTaskWaitableActionCmdletBase : WaitingTaskInputCmdlet<SmsTask>
    {
        /// <summary><para type="description">Wait until the change has taken effect, with progress; Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary>The operation this cmdlet sends.</summary>
        internal abstract SmsTaskAction Action { get; }

        /// <summary>The body's options (none by default).</summary>
        internal virtual SmsActionOptions? Options => null;

        private SmsActionEngine? _engine;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // A restart can take a moment to show: a failed state is believed after two polls' time (at least 2 s).
            _engine = new SmsActionEngine(this, Action, Options, ThrottleLimit, Wait, TimeSpan.FromSeconds(Math.Max(2, 2 * PollInterval)));
        }

        protected override void ProcessRecord() => _engine!.Process();

        protected override void EndProcessing() => _engine!.End(StartTiming);
    }
}
