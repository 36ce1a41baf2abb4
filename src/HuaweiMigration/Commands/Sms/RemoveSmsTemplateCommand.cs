using System;
using System.Collections.Generic;
using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Deletes SMS templates.</para>
    /// <para type="description">Deletes each template after confirmation: one with DELETE /v3/vm/templates/{id}, several in batches of 50 with POST /v3/vm/templates/delete once the pipeline has ended. A batch the service refuses is deleted one template at a time, so only the templates really in the way fail (an unknown id is a non-terminating ObjectNotFound error).</para>
    /// </summary>
    /// <example>
    /// <para type="title">Delete the templates of a finished wave</para>
    /// <code>
    /// Get-SmsTemplate -Name 'wave1-*' | Remove-SmsTemplate -Confirm:$false
    /// </code>
    /// <para>Deletes them in one request per 50 templates.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be deleted</para>
    /// <code>
    /// Remove-SmsTemplate -Id $templateId -WhatIf
    /// </code>
    /// <para>Names the template and sends nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "SmsTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmsTemplate))]
    public sealed class RemoveSmsTemplateCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the templates to delete. Ids can be piped in, or objects with an Id or TemplateId property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsTemplateIdCompleter))]
        [Alias("TemplateId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Delete without asking for confirmation (-WhatIf still only shows what would be deleted).</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private readonly List<string> _ids = new List<string>();

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                ForItem(id, "InvalidSmsTemplateId", () =>
                {
                    Client.Sms.SmsClient.TemplateId(id);
                    if (_ids.Contains(id) || !EngineHost.ShouldProcess("SMS template " + id, "Delete", Force)) return;
                    _ids.Add(id);
                });
            }
        }

        protected override void EndProcessing()
        {
            if (_ids.Count > 0)
            {
                ForItem(null, "InvalidSmsTemplateId", () =>
                {
                    foreach (var outcome in Await(Sms.DeleteTemplatesAsync(_ids, CancellationToken)))
                    {
                        if (outcome.Value is null) WriteVerbose("SMS: deleted template " + outcome.Key + ".");
                        else if (outcome.Value.Kind == ApiErrorKind.NotFound) WriteApiError(outcome.Value, outcome.Key, "No SMS template has the id '" + outcome.Key + "'. " + outcome.Value.Message);
                        else WriteApiError(outcome.Value, outcome.Key, "SMS template " + outcome.Key + ": " + outcome.Value.Said);
                    }
                });
            }
            base.EndProcessing();
        }
    }
}
