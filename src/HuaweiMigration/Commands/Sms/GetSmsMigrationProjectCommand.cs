using System;
using System.Management.Automation;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Gets SMS migration projects, the defaults of a wave's tasks.</para>
    /// <para type="description">Lists the account's migration projects page by page (GET /v3/migprojects), writing each as it arrives, or gets them by -Id (GET /v3/migprojects/{id}); every project carries its Id, even though the service's answer by id does not. -Name filters by name (wildcards, any of several); -First, -Skip and -IncludeTotalCount page. IsDefault marks the project new agents register into. An unknown id is a non-terminating ObjectNotFound error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">The default project</para>
    /// <code>
    /// Get-SmsMigrationProject | Where-Object IsDefault
    /// </code>
    /// <para>Shows the project into which newly started agents register their source servers.</para>
    /// </example>
    /// <example>
    /// <para type="title">Projects by name</para>
    /// <code>
    /// Get-SmsMigrationProject -Name 'wave-*' | Format-List *
    /// </code>
    /// <para>Shows every setting of the projects whose names start with wave-.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsMigrationProject", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(SmsMigrationProject))]
    public sealed class GetSmsMigrationProjectCommand : HuaweiCloudApiCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        /// <summary><para type="description">Ids of the projects to get. Ids can be piped in, or objects with an Id or MigrationProjectId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsMigrationProjectIdCompleter))]
        [Alias("MigrationProjectId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Only projects with one of these names; wildcards are allowed. Not case-sensitive.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateNamePattern]
        [ArgumentCompleter(typeof(Completion.SmsMigrationProjectNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                WriteEachById(Id, "InvalidSmsMigrationProjectId", "SMS migration project", id => Sms.GetMigrationProjectAsync(id, CancellationToken));
                return;
            }
            var (_, match) = NameFilter.Resolve(Name);
            var paging = Paging();
            WriteListing(() => Sms.EnumerateMigrationProjects(match, paging, CancellationToken), "InvalidSmsMigrationProjectFilter");
        }
    }
}
