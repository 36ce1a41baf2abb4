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
    /// <para type="synopsis">Forgets the session's Huawei Cloud connection.</para>
    /// <para type="description">After it, API cmdlets need Connect-HuaweiCloud again (or -Context).</para>
    /// </summary>
    /// <example>
    /// <para type="title">Forget the connection</para>
    /// <code>
    /// Disconnect-HuaweiCloud
    /// Get-HuaweiCloudContext
    /// </code>
    /// <para>After Disconnect-HuaweiCloud, Get-HuaweiCloudContext writes nothing and Get-SmsTask says to run Connect-HuaweiCloud.</para>
    /// </example>
    /// <example>
    /// <para type="title">Disconnect at the end of a runbook</para>
    /// <code>
    /// try {
    ///     Connect-HuaweiCloud -Region ap-southeast-1
    ///     Get-SmsTask -State MIGRATE_FAIL
    /// }
    /// finally {
    ///     Disconnect-HuaweiCloud -Verbose
    /// }
    /// </code>
    /// <para>The session's connection is forgotten even when the work fails; -Verbose names the region that was disconnected.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "HuaweiCloud")]
    [OutputType(typeof(void))]
    public sealed class DisconnectHuaweiCloudCommand : HuaweiCloudCmdlet
    {
        /// <summary><para type="description">Process (default): forget the connection everywhere and dispose its secrets, so a context kept in a variable or used by another runspace fails clearly. Runspace: only this runspace forgets it; nothing is disposed.</para></summary>
        [Parameter]
        public HuaweiCloudContextScope Scope { get; set; } = HuaweiCloudContextScope.Process;

        protected override void EndProcessing()
        {
            if (Scope == HuaweiCloudContextScope.Runspace)
            {
                SessionContext.ForgetHere();
                WriteVerbose("This runspace has no Huawei Cloud connection now; the process's is unchanged.");
                return;
            }
            if (SessionContext.Get() is { } context)
            {
                // Forgotten here and by the process, and its secrets disposed: a copy kept in a variable or used
                // by another runspace fails clearly from now on.
                SessionContext.Forget(context);
                HuaweiCloudConnector.Disconnect(context);
                WriteVerbose("Disconnected from " + context.Region + ".");
            }
        }
    }
}
