using System.Management.Automation;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>The SMS task cmdlets that wait: <c>-Timeout</c> and <c>-PollInterval</c> on top of the task input.</summary>
    public abstract class SmsTaskWaitingCmdletBase : SmsTaskCmdletBase
    {
        /// <summary><para type="description">Seconds to wait at most; a task still unfinished then is an OperationTimeout error. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">Seconds between two polls while waiting (default 5).</para></summary>
        [Parameter]
        [ValidateRange(0.01, 86400.0)]
        public double PollInterval { get; set; } = 5;

        /// <summary>The clock of this command's waits, started now.</summary>
        internal WaitTiming StartTiming() => WaitTiming.Start(Timeout, PollInterval);
    }
}
