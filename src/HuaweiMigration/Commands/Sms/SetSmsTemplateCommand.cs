using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Changes SMS templates.</para>
    /// <para type="description">Sends the settings given (PUT /v3/vm/templates/{id}, wrapped in template as the service wants it); the others stay as they are. The service needs the name in every change, so the template's current name is read and sent when -Name is not given. Parts take hashtables as New-SmsTemplate does, checked key by key before any request. -TargetPassword is a SecureString, never shown. -PassThru writes each template as read back.</para>
    /// </summary>
    /// <example>
    /// <para type="title">A bigger flavor for every template of a zone</para>
    /// <code>
    /// Get-SmsTemplate -AvailabilityZone ap-southeast-1a | Set-SmsTemplate -Flavor s6.xlarge.2 -PassThru
    /// </code>
    /// <para>Changes the flavor of each template and writes them as read back.</para>
    /// </example>
    /// <example>
    /// <para type="title">Another subnet</para>
    /// <code>
    /// Set-SmsTemplate -Id $templateId -Nic @{ Id = $subnetId; Name = 'subnet-db'; Cidr = '192.168.2.0/24' }
    /// </code>
    /// <para>Replaces the template's subnets.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "SmsTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTemplate))]
    public sealed class SetSmsTemplateCommand : SmsTemplateCmdlet
    {
        /// <summary><para type="description">Ids of the templates. Ids can be piped in, or objects with an Id or TemplateId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTemplateIdCompleter))]
        [Alias("TemplateId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">A new name: letters, digits, '_' and '-'.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("template name")]
        public string? Name { get; set; }

        /// <summary><para type="description">A new region.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string? Region { get; set; }

        /// <summary><para type="description">A new availability zone.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AvailabilityZone { get; set; }

        /// <summary><para type="description">A new flavor.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Flavor { get; set; }

        /// <summary><para type="description">A new VPC: @{ Id = …; Name = …; Cidr = … }, or an object with those properties.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public object? Vpc { get; set; }

        /// <summary><para type="description">New subnets: @{ Id = …; Name = …; Cidr = … } each, optionally Ip.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Hashtable[]? Nic { get; set; }

        /// <summary><para type="description">New security groups: @{ Id = …; Name = … } each.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Hashtable[]? SecurityGroup { get; set; }

        /// <summary><para type="description">Write each template as read back after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private static readonly string[] NotSettings = { nameof(Id), nameof(PassThru), nameof(Context) };

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!MyInvocation.BoundParameters.Keys.Any(k => !NotSettings.Contains(k) && !CommonParameters.Contains(k) && !OptionalCommonParameters.Contains(k)))
            {
                ThrowTerminatingError(Internal.ErrorRecords.InvalidArgument("Nothing to change: give at least one setting (-Name, -Flavor, -Vpc, -Nic, …).", null, "NoSmsTemplateChange", null));
            }
            // The same settings for every template: refused once, before any request.
            try
            {
                Settings(Name, Region, AvailabilityZone, Flavor, Vpc, Nic, SecurityGroup).Validate(creating: false);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(Internal.ErrorRecords.InvalidArgument(ex, "InvalidSmsTemplate", Name));
            }
        }

        protected override void ProcessRecord()
        {
            var settings = Settings(Name, Region, AvailabilityZone, Flavor, Vpc, Nic, SecurityGroup);
            var given = MyInvocation.BoundParameters.Keys.Where(k => !NotSettings.Contains(k) && !CommonParameters.Contains(k) && !OptionalCommonParameters.Contains(k)).ToList();
            foreach (var id in Id)
            {
                ForItem(id, "InvalidSmsTemplateId", () =>
                {
                    Client.Sms.SmsClient.TemplateId(id);
                    if (!ShouldProcess("SMS template " + id, "Set " + Described(given))) return;
                    try
                    {
                        Await(Sms.UpdateTemplateAsync(id, settings, CancellationToken));
                        if (PassThru) WriteObject(Await(Sms.GetTemplateAsync(id, CancellationToken)));
                    }
                    catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                    {
                        WriteApiError(ex, id, "No SMS template has the id '" + id + "'. " + ex.Message);
                    }
                    catch (HuaweiCloudApiException ex)
                    {
                        WriteApiError(ex, id, "SMS template " + id + ": " + ex.Said);
                    }
                });
            }
        }
    }
}
