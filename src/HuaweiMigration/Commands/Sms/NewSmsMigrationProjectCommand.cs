using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Creates an SMS migration project.</para>
    /// <para type="description">Creates a migration project (POST /v3/migprojects) with the settings given: the target region, the migration type (MIGRATE_BLOCK unless -Type says otherwise), the network and start settings and the bandwidth limit. -Default then makes it the account's default (PUT /v3/migprojects/{id}/default), into which new agents register. Writes the project as read back. Settings the service would refuse (a name with characters other than letters, digits, '_' and '-', an unknown region) are refused before any request.</para>
    /// </summary>
    /// <example>
    /// <para type="title">A project for a wave, as the default</para>
    /// <code>
    /// New-SmsMigrationProject -Name wave-3 -Region ap-southeast-3 -UsePublicIp:$false -Syncing -SpeedLimit 200 -Default
    /// </code>
    /// <para>Creates the project and makes it the default, so the agents started next register into it.</para>
    /// </example>
    /// <example>
    /// <para type="title">A file-level project that migrates onto existing servers</para>
    /// <code>
    /// New-SmsMigrationProject -Name files-1 -Region ap-southeast-1 -Type MIGRATE_FILE -UseExistingServer -Description 'NAS shares'
    /// </code>
    /// <para>Creates the project and writes it; the default project stays as it was.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "SmsMigrationProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsMigrationProject))]
    public sealed class NewSmsMigrationProjectCommand : SmsMigrationProjectCmdlet
    {
        /// <summary><para type="description">The project's name: letters, digits, '_' and '-'; unique in the account.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("migration project name")]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">The region the project's servers migrate to, such as ap-southeast-3.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string Region { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            ForItem(Name, "InvalidSmsMigrationProject", () =>
            {
                var settings = Settings(Name, Region);
                settings.Type ??= "MIGRATE_BLOCK";
                settings.Validate(creating: true);
                if (!ShouldProcess("SMS migration project '" + Name + "' in " + Region, Default ? "Create as the default project" : "Create")) return;
                var id = Await(Sms.CreateMigrationProjectAsync(settings, CancellationToken));
                WriteVerbose("SMS: created migration project '" + Name + "' (" + id + ").");
                if (Default) Await(Sms.SetDefaultMigrationProjectAsync(id, CancellationToken));
                WriteObject(Await(Sms.GetMigrationProjectAsync(id, CancellationToken)));
            });
        }
    }
}
