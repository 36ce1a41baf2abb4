using System;
using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Deletes SMS migration projects.</para>
    /// <para type="description">Deletes each project (DELETE /v3/migprojects/{id}) after confirmation. The account's default project cannot be deleted: a project piped in whose IsDefault is true is refused before any request, and a project given by id is read first and, if it is the default, refused before it is deleted or asked about (InvalidOperation). Make another project the default first (Set-SmsMigrationProject -Default). An unknown id is a non-terminating ObjectNotFound error; the other projects go on.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Delete the projects of a finished wave</para>
    /// <code>
    /// Get-SmsMigrationProject -Name 'wave-1*' | Remove-SmsMigrationProject
    /// </code>
    /// <para>Asks about each project, then deletes it; the default project is refused without a prompt.</para>
    /// </example>
    /// <example>
    /// <para type="title">Delete one project without a prompt</para>
    /// <code>
    /// Remove-SmsMigrationProject -Id $project.Id -Confirm:$false
    /// </code>
    /// <para>Deletes the project unless it is the default one.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "SmsMigrationProject", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmsMigrationProject))]
    public sealed class RemoveSmsMigrationProjectCommand : HuaweiCloudApiCmdlet
    {
        public const string ByIdSet = "ById";
        public const string InputObjectSet = "InputObject";

        /// <summary><para type="description">Ids of the projects to delete. Ids can be piped in, or objects with an Id or MigrationProjectId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsMigrationProjectIdCompleter))]
        [Alias("MigrationProjectId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Projects as Get-SmsMigrationProject writes them; one marked IsDefault is refused without a request.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public SmsMigrationProject[] InputObject { get; set; } = Array.Empty<SmsMigrationProject>();

        /// <summary><para type="description">Delete without asking for confirmation (-WhatIf still only shows what would be deleted). The default project is refused all the same.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (var project in InputObject) Remove(project.Id ?? string.Empty, project);
                return;
            }
            foreach (var id in Id) Remove(id, null);
        }

        private void Remove(string id, SmsMigrationProject? given)
        {
            ForItem(id, "InvalidSmsMigrationProjectId", () =>
            {
                Client.Sms.SmsClient.MigrationProjectId(id);
                try
                {
                    var project = given?.IsDefault == true ? given : given ?? Await(Sms.GetMigrationProjectAsync(id, CancellationToken));
                    var named = "SMS migration project " + (string.IsNullOrEmpty(project.Name) ? id : "'" + project.Name + "' (" + id + ")");
                    if (project.IsDefault == true)
                    {
                        var message = named + " is the account's default project, which cannot be deleted. Make another project the default first (Set-SmsMigrationProject -Default).";
                        WriteError(new ErrorRecord(new HuaweiCloudApiException(message, ApiErrorKind.InvalidOperation, service: "SMS"), "DefaultSmsMigrationProjectNotRemovable", ErrorCategory.InvalidOperation, id)
                        {
                            ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Set-SmsMigrationProject -Id <another project> -Default" },
                        });
                        return;
                    }
                    if (!EngineHost.ShouldProcess(named, "Delete", Force)) return;
                    Await(Sms.DeleteMigrationProjectAsync(id, CancellationToken));
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
}
