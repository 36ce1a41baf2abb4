using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Gets the SMS source servers whose migration failed, with their errors.</para>
    /// <para type="description">Lists GET /v3/errors page by page, writing each failing source server as it arrives: Name, Id (the source server's), HostName, SourceIp, TargetIp, and the error the service recorded, read into ErrorCode, ErrorMessage and ErrorParameters with the text as sent in ErrorJson. An error text that is not JSON is kept in ErrorJson and leaves the other three empty. -EnterpriseProjectId filters; -First, -Skip and -IncludeTotalCount page. The Id pipes into Get-SmsSourceServer.</para>
    /// </summary>
    /// <example>
    /// <para type="title">What failed, and why</para>
    /// <code>
    /// Get-SmsMigrationError | Format-Table Name, SourceIp, ErrorCode, ErrorMessage
    /// </code>
    /// <para>One row per failing source server.</para>
    /// </example>
    /// <example>
    /// <para type="title">Group the failures by error</para>
    /// <code>
    /// Get-SmsMigrationError | Group-Object ErrorCode | Sort-Object Count -Descending | Select-Object Count, Name
    /// </code>
    /// <para>Shows which errors are the most common in a wave.</para>
    /// </example>
    /// <example>
    /// <para type="title">The failing servers in full</para>
    /// <code>
    /// Get-SmsMigrationError | Get-SmsSourceServer
    /// </code>
    /// <para>Pipes each failing source server's id into Get-SmsSourceServer.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsMigrationError", SupportsPaging = true)]
    [OutputType(typeof(SmsMigrationError))]
    public sealed class GetSmsMigrationErrorCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Only servers of this enterprise project.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("enterprise project id")]
        public string? EnterpriseProjectId { get; set; }

        protected override void ProcessRecord()
        {
            var paging = Paging();
            WriteListing(() => Sms.EnumerateMigrationErrors(EnterpriseProjectId, paging, CancellationToken), "InvalidSmsMigrationErrorFilter");
        }
    }
}
