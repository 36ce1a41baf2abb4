using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Changes the settings of SMS migration projects.</para>
    /// <para type="description">Changes the settings given and keeps the others: the project is read, and PUT /v3/migprojects/{id} sends its whole settings with the changes over them (the service takes the whole project). -Default makes the project the account's default (PUT /v3/migprojects/{id}/default). A switch given as -Syncing:$false turns the setting off. -PassThru writes each project as read back. Settings the service would refuse are refused before any request.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Slow every project down at once</para>
    /// <code>
    /// Get-SmsMigrationProject | Set-SmsMigrationProject -SpeedLimit 100 -PassThru
    /// </code>
    /// <para>Sets a 100 Mbit/s limit on every project, keeping their other settings, and writes them as read back.</para>
    /// </example>
    /// <example>
    /// <para type="title">Switch the default project</para>
    /// <code>
    /// Set-SmsMigrationProject -Id $wave4.Id -Default
    /// </code>
    /// <para>New agents register into wave-4's project from now on.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SmsMigrationProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsMigrationProject))]
    public sealed class SetSmsMigrationProjectCommand : SmsMigrationProjectCmdlet
    {
        /// <summary><para type="description">Ids of the projects. Ids can be piped in, or objects with an Id or MigrationProjectId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsMigrationProjectIdCompleter))]
        [Alias("MigrationProjectId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">A new name: letters, digits, '_' and '-'; unique in the account.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("migration project name")]
        public string? Name { get; set; }

        /// <summary><para type="description">A new target region, such as ap-southeast-3.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary><para type="description">Write each project as read back after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool _checked;

        protected override void ProcessRecord()
        {
            var settings = Settings(Name, Region);
            if (!_checked)
            {
                // The same settings for every project: refused once, before any request.
                try
                {
                    settings.Validate(creating: false);
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(Internal.ErrorRecords.InvalidArgument(ex, "InvalidSmsMigrationProject", Name));
                }
                _checked = true;
            }
            var changes = Changes();
            foreach (var id in Id)
            {
                ForItem(id, "InvalidSmsMigrationProjectId", () =>
                {
                    Client.Sms.SmsClient.MigrationProjectId(id);
                    var what = changes.Count == 0 ? "Read" : "Set " + string.Join(", ", changes);
                    if (!ShouldProcess("SMS migration project " + id, what)) return;
                    try
                    {
                        var current = Await(Sms.GetMigrationProjectAsync(id, CancellationToken));
                        if (HasSettings) Await(Sms.UpdateMigrationProjectAsync(id, settings, CancellationToken, current));
                        if (Default && current.IsDefault != true) Await(Sms.SetDefaultMigrationProjectAsync(id, CancellationToken));
                        if (PassThru) WriteObject(Await(Sms.GetMigrationProjectAsync(id, CancellationToken)));
                    }
                    catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                    {
                        WriteApiError(ex, id, "No SMS migration project has the id '" + id + "'. " + ex.Message);
                    }
                    catch (HuaweiCloudApiException ex)
                    {
                        WriteApiError(ex, id, "SMS migration project " + id + ": " + ex.Said);
                    }
                });
            }
        }

        private static readonly string[] SettingNames =
        {
            nameof(Name), nameof(Region), nameof(Type), nameof(Description), nameof(EnterpriseProject), nameof(UseExistingServer), nameof(UsePublicIp),
            nameof(Syncing), nameof(StartTargetServer), nameof(StartNetworkCheck), nameof(SpeedLimit),
        };

        private bool HasSettings => SettingNames.Any(Given);

        private List<string> Changes()
        {
            var changes = new List<string>();
            foreach (var name in SettingNames)
            {
                if (MyInvocation.BoundParameters.TryGetValue(name, out var value)) changes.Add(name + " = " + (value is SwitchParameter s ? s.IsPresent.ToString() : value));
            }
            if (Default) changes.Add("make it the default project");
            return changes;
        }
    }
}
