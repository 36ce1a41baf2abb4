namespace HuaweiMigration.Models
{
    /// <summary>The result of an SMS task's network check (the network_check action).</summary>
    public class SmsNetworkCheckInfo : ApiObject
    {
        /// <summary>Whether the source can resolve and reach the service's domain names.</summary>
        public bool? DomainConnectivity { get; set; }
        /// <summary>Whether the source can reach the target server.</summary>
        public bool? DestinationConnectivity { get; set; }
        /// <summary>Round-trip delay, ms.</summary>
        public double? NetworkDelay { get; set; }
        /// <summary>Jitter, ms.</summary>
        public double? NetworkJitter { get; set; }
        /// <summary>Measured speed, Mbit/s.</summary>
        public double? MigrationSpeed { get; set; }
        /// <summary>Packet loss, %.</summary>
        public double? LossPercentage { get; set; }
        /// <summary>Source CPU usage during the check, %.</summary>
        public double? CpuUsage { get; set; }
        /// <summary>Source memory usage during the check, %.</summary>
        public double? MemUsage { get; set; }
        /// <summary>The service's verdict.</summary>
        public string? EvaluationResult { get; set; }

        public override string ToString() =>
            (EvaluationResult ?? "not evaluated") + (NetworkDelay is null ? string.Empty : ", " + NetworkDelay + " ms") +
            (MigrationSpeed is null ? string.Empty : ", " + MigrationSpeed + " Mbit/s");
    }

    /// <summary>One advanced setting of an SMS task (special_config).</summary>
    public class SmsConfigItem : ApiObject
    {
        public string? ConfigKey { get; set; }
        public string? ConfigValue { get; set; }
        public string? ConfigStatus { get; set; }

        public override string ToString() => ConfigKey + "=" + ConfigValue;
    }
}
