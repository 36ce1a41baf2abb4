using System;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Renames SMS source servers or moves them to another migration project.</para>
    /// <para type="description">Sends PUT /v3/sources/{id} with the new name (-Name) and/or the migration project (-MigrationProjectId; the API's key is migprojectid) for each server. A task takes its settings from its server's project, so moving servers between projects is how a wave is put together. One of the two must be given; a name that is empty, longer than 255 characters or holds control characters is refused before any request. An unknown id is a non-terminating ObjectNotFound error and the other servers go on. -PassThru writes each server as read back.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Give a server a clearer name</para>
    /// <code>
    /// Set-SmsSourceServer -Id 2f6b0000000040008000000000000001 -Name 'wave1-db-07' -PassThru
    /// </code>
    /// <para>Renames the server and writes it as read back; its task, if it has one, shows the new name too.</para>
    /// </example>
    /// <example>
    /// <para type="title">Move a wave's servers into its migration project</para>
    /// <code>
    /// Get-SmsSourceServer -Name 'wave2-*' | Set-SmsSourceServer -MigrationProjectId 6f1e0000000040008000000000000002
    /// </code>
    /// <para>Every server whose name starts with wave2- moves to the project; tasks created for them later take that project's settings.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SmsSourceServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsSourceServer))]
    public sealed class SetSmsSourceServerCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the source servers. Ids can be piped in, or objects with an Id or SourceServerId property (such as Get-SmsSourceServer's).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsSourceServerIdCompleter))]
        [Alias("SourceServerId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">The server's new name (1 to 255 characters).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">The id of the migration project to move the server to.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateApiId("migration project id", 64)]
        [ArgumentCompleter(typeof(Completion.SmsMigrationProjectIdCompleter))]
        public string? MigrationProjectId { get; set; }

        /// <summary><para type="description">Write each server as read back after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private SmsClient? _client;

        private SmsClient Client => _client ??= new SmsClient(CurrentContext, Log);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Name is null && MigrationProjectId is null)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("Give -Name, -MigrationProjectId or both: there is nothing to change.", nameof(Name), "NothingToChange", null));
            }
            if (Name != null)
            {
                try
                {
                    SmsClient.ValidateSourceServerName(Name, nameof(Name));
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidSmsSourceServerName", Name));
                }
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                ForItem(id, "InvalidSmsSourceServerId", () =>
                {
                    InputValidation.SmsSourceServerId(id);
                    if (!ShouldProcess("SMS source server " + id, What())) return;
                    try
                    {
                        Await(Client.UpdateSourceServerAsync(id, Name, MigrationProjectId, CancellationToken));
                        if (PassThru) WriteObject(Await(Client.GetSourceServerAsync(id, CancellationToken)));
                    }
                    catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                    {
                        WriteApiError(ex, id, "No SMS source server has the id '" + id + "'. " + ex.Message);
                    }
                    catch (HuaweiCloudApiException ex)
                    {
                        WriteApiError(ex, id, "SMS source server " + id + ": " + ex.Said);
                    }
                });
            }
        }

        private string What() =>
            Name != null && MigrationProjectId != null ? "Rename to '" + Name + "' and move to migration project " + MigrationProjectId
            : Name != null ? "Rename to '" + Name + "'"
            : "Move to migration project " + MigrationProjectId;
    }
}
