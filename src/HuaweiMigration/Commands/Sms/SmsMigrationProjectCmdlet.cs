using System.Management.Automation;
using HuaweiMigration.Client.Sms;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// The settings New-SmsMigrationProject and Set-SmsMigrationProject share. A setting not given is left as it is
    /// (Set) or to the service's default (New); a switch given as <c>-Syncing:$false</c> turns the setting off.
    /// </summary>
    public abstract class SmsMigrationProjectCmdlet : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">The migration type: MIGRATE_BLOCK (block level, the default of a new project) or MIGRATE_FILE (file level).</para></summary>
        [Parameter]
        [ValidateSet("MIGRATE_BLOCK", "MIGRATE_FILE")]
        public string? Type { get; set; }

        /// <summary><para type="description">A description of the project.</para></summary>
        [Parameter]
        [ValidateNotNull]
        [AllowEmptyString]
        [Validation.ValidatePlainText("description")]
        public string? Description { get; set; }

        /// <summary><para type="description">The enterprise project the project's target servers go into (its name or id, as the console shows it).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("enterprise project")]
        public string? EnterpriseProject { get; set; }

        /// <summary><para type="description">Migrate onto existing target servers instead of creating them (-UseExistingServer:$false creates them).</para></summary>
        [Parameter]
        public SwitchParameter UseExistingServer { get; set; }

        /// <summary><para type="description">Migrate over the target servers' public IP addresses (-UsePublicIp:$false uses private ones).</para></summary>
        [Parameter]
        public SwitchParameter UsePublicIp { get; set; }

        /// <summary><para type="description">Keep synchronizing the source and target after the full copy.</para></summary>
        [Parameter]
        public SwitchParameter Syncing { get; set; }

        /// <summary><para type="description">Start the target servers once the migration has finished.</para></summary>
        [Parameter]
        public SwitchParameter StartTargetServer { get; set; }

        /// <summary><para type="description">Check the network between source and target before migrating.</para></summary>
        [Parameter]
        public SwitchParameter StartNetworkCheck { get; set; }

        /// <summary><para type="description">The bandwidth limit of the project's migrations in Mbit/s; 0 is no limit.</para></summary>
        [Parameter]
        [ValidateRange(0, 100000)]
        public int SpeedLimit { get; set; }

        /// <summary><para type="description">Make the project the account's default, into which newly started agents register their source servers (PUT /v3/migprojects/{id}/default).</para></summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        private protected bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        /// <summary>The settings given on the command line (name and region from the caller).</summary>
        internal SmsMigrationProjectSettings Settings(string? name, string? region) => new SmsMigrationProjectSettings
        {
            Name = name,
            Region = region,
            Type = Type?.ToUpperInvariant(),
            Description = Description,
            EnterpriseProject = EnterpriseProject,
            UseExistingServer = Given(nameof(UseExistingServer)) ? UseExistingServer.IsPresent : (bool?)null,
            UsePublicIp = Given(nameof(UsePublicIp)) ? UsePublicIp.IsPresent : (bool?)null,
            Syncing = Given(nameof(Syncing)) ? Syncing.IsPresent : (bool?)null,
            StartTargetServer = Given(nameof(StartTargetServer)) ? StartTargetServer.IsPresent : (bool?)null,
            StartNetworkCheck = Given(nameof(StartNetworkCheck)) ? StartNetworkCheck.IsPresent : (bool?)null,
            SpeedLimit = Given(nameof(SpeedLimit)) ? SpeedLimit : (int?)null,
        };
    }
}
