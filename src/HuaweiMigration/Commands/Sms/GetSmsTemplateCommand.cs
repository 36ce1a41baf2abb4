using System;
using System.Management.Automation;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Gets SMS templates, the settings new target servers are created with.</para>
    /// <para type="description">Lists templates page by page (GET /v3/vm/templates), writing each as it arrives, or gets them by -Id (GET /v3/vm/templates/{id}). Filters: -Name (wildcards, any of several), -Region, -AvailabilityZone; -First, -Skip and -IncludeTotalCount page. The target server password the service returns with a template is never kept on the object. An unknown id is a non-terminating ObjectNotFound error.</para>
    /// </summary>
    /// <example>
    /// <para type="title">The templates of a zone</para>
    /// <code>
    /// Get-SmsTemplate -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a
    /// </code>
    /// <para>Lists the templates whose servers are created in that zone.</para>
    /// </example>
    /// <example>
    /// <para type="title">One template in full</para>
    /// <code>
    /// Get-SmsTemplate -Id $templateId | Format-List *
    /// </code>
    /// <para>Shows the template with its VPC, subnets, security groups, public IP and disks.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsTemplate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(SmsTemplate))]
    public sealed class GetSmsTemplateCommand : HuaweiCloudApiCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        /// <summary><para type="description">Ids of the templates to get. Ids can be piped in, or objects with an Id or TemplateId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTemplateIdCompleter))]
        [Alias("TemplateId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Only templates with one of these names; wildcards are allowed. Not case-sensitive.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Validation.ValidateNamePattern]
        [ArgumentCompleter(typeof(Completion.SmsTemplateNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary><para type="description">Only templates of this region.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("region")]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary><para type="description">Only templates of this availability zone.</para></summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("availability zone")]
        public string? AvailabilityZone { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                WriteEachById(Id, "InvalidSmsTemplateId", "SMS template", id => Sms.GetTemplateAsync(id, CancellationToken));
                return;
            }
            var (query, match) = NameFilter.Resolve(Name);
            var filter = new SmsTemplateFilter { NameQuery = query, NameMatch = match, Region = Region, AvailabilityZone = AvailabilityZone };
            var paging = Paging();
            WriteListing(() => Sms.EnumerateTemplates(filter, paging, CancellationToken), "InvalidSmsTemplateFilter");
        }
    }
}
