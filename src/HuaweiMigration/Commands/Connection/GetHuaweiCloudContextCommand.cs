using System;
using System.Management.Automation;
using System.Security;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Connection
{
    /// <summary>
    /// <para type="synopsis">Gets the session's current Huawei Cloud connection.</para>
    /// <para type="description">Returns the context set by Connect-HuaweiCloud, or nothing when the session is not connected.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Show the current connection</para>
    /// <code>
    /// Get-HuaweiCloudContext
    /// </code>
    /// <para>Shows the region, project id, authentication type, endpoints and token expiry of the session's connection. No secret is ever shown.</para>
    /// </example>
    /// <example>
    /// <para type="title">Connect only when not connected yet</para>
    /// <code>
    /// if (-not (Get-HuaweiCloudContext)) {
    ///     Connect-HuaweiCloud -Region ap-southeast-1
    /// }
    /// </code>
    /// <para>Get-HuaweiCloudContext writes nothing when the session is not connected; here the access key then comes from the HUAWEICLOUD_SDK_* environment variables.</para>
    /// </example>
    /// <example>
    /// <para type="title">See which endpoints are used</para>
    /// <code>
    /// Get-HuaweiCloudContext | Format-List Region, ProjectId, AuthType, IamEndpoint, SmsEndpoint, DcsEndpoint, ExpiresAt
    /// </code>
    /// <para>Lists the endpoints the cmdlets send their requests to, and when the token expires.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "HuaweiCloudContext")]
    [OutputType(typeof(HuaweiCloudContext))]
    public sealed class GetHuaweiCloudContextCommand : HuaweiCloudCmdlet
    {
        protected override void EndProcessing()
        {
            var context = SessionContext.Get();
            if (context != null) WriteObject(context);
        }
    }
}
