using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Counts the account's SMS source servers by state.</para>
    /// <para type="description">Reads GET /v3/sources/overview and writes one object with a count per source server state (Unavailable, Waiting, Initialize, Replicate, Syncing, Stopping, Stopped, Skipping, Deleting, Cloning, Cutovering, Finished, Error, Unconfigured) and their Total. An account holds at most 1,000 source servers: the total shows how much room a next wave has.</para>
    /// </summary>
    /// <example>
    /// <para type="title">How a wave stands</para>
    /// <code>
    /// Get-SmsOverview
    /// </code>
    /// <para>One line: how many servers wait, replicate, are finished or in error, and the total.</para>
    /// </example>
    /// <example>
    /// <para type="title">Look at the failures when there are any</para>
    /// <code>
    /// if ((Get-SmsOverview).Error -gt 0) { Get-SmsMigrationError | Format-Table Name, ErrorCode, ErrorMessage }
    /// </code>
    /// <para>Lists the servers in error only when the overview counts some.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "SmsOverview")]
    [OutputType(typeof(SmsOverview))]
    public sealed class GetSmsOverviewCommand : HuaweiCloudApiCmdlet
    {
        protected override void ProcessRecord() =>
            ForItem(null, "InvalidSmsOverviewRequest", () => WriteObject(Await(Sms.GetOverviewAsync(CancellationToken))));
    }
}
