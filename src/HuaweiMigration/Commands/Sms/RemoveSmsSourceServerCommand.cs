using System;
using System.Collections.Generic;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Deletes SMS source server records.</para>
    /// <para type="description">Reads the servers first (in one go), then deletes them: one with DELETE /v3/sources/{id}, several with POST /v3/sources/delete in batches of at most 50. A server that still has a task is refused with an InvalidOperation error that names the task — before any confirmation prompt and before any write — unless -Force, which removes the task first exactly as Remove-SmsTask -Force does (pausing it if it runs, deleting it, waiting until it is gone), then the server, and skips the confirmation prompt (-WhatIf still wins; with -WhatIf nothing is sent, not even a read). An account holds at most 1,000 source servers, so removing a finished wave's servers makes room for the next. A deleted server comes back only when its agent is restarted. Writes nothing unless -PassThru.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Clean up the servers that went offline</para>
    /// <code>
    /// Get-SmsSourceServer -Connected $false | Remove-SmsSourceServer
    /// </code>
    /// <para>Asks for confirmation (ConfirmImpact is High) and deletes the disconnected servers, in batches of 50. A server that still has a task is refused, naming the task.</para>
    /// </example>
    /// <example>
    /// <para type="title">Remove a finished wave, tasks and all</para>
    /// <code>
    /// Get-SmsSourceServer -Name 'wave1-*' | Remove-SmsSourceServer -Force -PassThru | Select-Object Name, Id
    /// </code>
    /// <para>-Force removes each server's task first (as Remove-SmsTask -Force), then the servers, without asking; -PassThru lists the servers removed.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would go</para>
    /// <code>
    /// Get-SmsSourceServer -State finished | Remove-SmsSourceServer -WhatIf
    /// </code>
    /// <para>Names each server that would be removed and sends nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "SmsSourceServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SmsSourceServer))]
    public sealed class RemoveSmsSourceServerCommand : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Ids of the source servers. Ids can be piped in, or objects with an Id or SourceServerId property (such as Get-SmsSourceServer's); an id given twice is handled once.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.SmsSourceServerIdCompleter))]
        [Alias("SourceServerId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Remove a server's task first (as Remove-SmsTask -Force does: paused if it runs, deleted, waited for until gone), and do not ask for confirmation.</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">With -Force, seconds to wait at most for the tasks to go; a task still there then is an OperationTimeout error and its server stays. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">Write each removed server (as it was before removal).</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private CmdletJob? _job;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _job = CreateJob();
        }

        // Client types stay inside this method's body: see CmdletJob.
        private CmdletJob CreateJob() =>
            CmdletJob.Of(new SourceServerRemovalJob(EngineHost, Sms, new SmsTaskService(Sms),
                new WaitPlan(Timeout > 0 ? Timeout : (int?)null, null, CurrentContext.Closed), 10, Force, PassThru));

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                try
                {
                    InputValidation.SmsSourceServerId(id);
                }
                catch (ArgumentException ex)
                {
                    WriteError(ErrorRecords.InvalidArgument(ex, "InvalidSmsSourceServerId", id));
                    continue;
                }
                if (!_seen.Add(id))
                {
                    WriteVerbose("SMS source server " + id + " was given more than once; it is handled once.");
                    continue;
                }
                _job!.Add(id, null);
            }
        }

        protected override void EndProcessing()
        {
            _job!.End();
            base.EndProcessing();
        }
    }
}
