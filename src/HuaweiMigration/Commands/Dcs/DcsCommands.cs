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
    }
}
