namespace HuaweiMigration.Models
{
    /// <summary>
    /// One rule of a task's bandwidth schedule: from <see cref="Start"/> to <see cref="End"/> (times of day,
    /// "HH:MM") the migration may use at most <see cref="Speed"/> Mbit/s. A hashtable such as
    /// <c>@{ Start = '08:00'; End = '18:00'; Speed = 100 }</c> converts to one.
    /// </summary>
    public class SmsSpeedLimitRule : ApiObject
    {
        /// <summary>Time of day the rule starts, "HH:MM".</summary>
        public string? Start { get; set; }

        /// <summary>Time of day the rule ends, "HH:MM".</summary>
        public string? End { get; set; }

        /// <summary>The bandwidth limit, 0 to 1000 Mbit/s.</summary>
        public int? Speed { get; set; }

        /// <summary>Percent over the limit at which the service stops the task (optional).</summary>
        public double? OverSpeedThreshold { get; set; }

        /// <summary>The task the rule belongs to (set by Get-SmsTaskSpeedLimit; not an API field).</summary>
        public string? TaskId { get; set; }

        public override string ToString() => Start + "-" + End + " " + Speed + " Mbit/s";
    }
}
