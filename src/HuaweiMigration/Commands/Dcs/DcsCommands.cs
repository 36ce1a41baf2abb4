using System;
using System.Management.Automation;
using System.Security;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>What New-DcsMigrationTask -Online and Set-DcsMigrationTask -Configure share: the configuration from their parameters, and their wait plan.</summary>
    internal static class DcsCommands
    {
        public static DcsOnlineConfiguration Configuration(string? sourceAddress, string? sourceInstanceId, SecureString? sourcePassword,
            string targetInstanceId, SecureString? targetPassword, string method, string resumeMode, int? bandwidthLimitMb) => new DcsOnlineConfiguration
            {
                SourceAddress = sourceAddress,
                SourceInstanceId = sourceInstanceId,
                SourcePassword = sourcePassword,
                TargetInstanceId = targetInstanceId,
                TargetPassword = targetPassword,
                Incremental = string.Equals(method, "Incremental", StringComparison.OrdinalIgnoreCase),
                ResumeMode = string.Equals(resumeMode, "Manual", StringComparison.OrdinalIgnoreCase) ? "manual" : "auto",
                BandwidthLimitMb = bandwidthLimitMb,
            };

        /// <summary>-Timeout (0: none) and -PollInterval when given (else the growing schedule).</summary>
        public static WaitPlan Plan(HuaweiCloudApiCmdlet cmdlet, int timeout, double pollInterval) =>
            new WaitPlan(timeout > 0 ? timeout : (int?)null,
                cmdlet.MyInvocation.BoundParameters.ContainsKey("PollInterval") ? TimeSpan.FromSeconds(pollInterval) : (TimeSpan?)null,
                cmdlet.CurrentContext.Closed);
    }
}
