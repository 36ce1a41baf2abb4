using System.Management.Automation;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Dcs
{
    /// <summary>
    /// <para type="synopsis">Switches the IP addresses of the source and target Redis instances of DCS migrations: the cutover.</para>
    /// <para type="description">For each task, reads it, then sends POST /v2/{project_id}/migration-task/{task_id}/exchange-ip with exchanged_ip (the IP addresses of the task's source and target instances) and is_exchange_domain (-ExchangeDomain). Clients of the source then reach the target. A task in no state to switch is refused before anything is sent, with a non-terminating InvalidOperation error naming its status: IPs are switched during an incremental online migration (INCRMIGEATING) or after a successful one, and not while a switch runs (task_status EXCHANGING); a refusal of the service (DCS.4957) is reported with its code and the task's status. Many piped tasks are switched several at a time. Without -Wait, writes each task as read after the request; with -Wait, waits until no task's task_status is EXCHANGING any more and writes each one (each switching task is read with its own request, as only the single-task answer carries task_status). ConfirmImpact is High: the instances are read-only for about a minute and clients are disconnected for a few seconds.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Cut a migration over and wait</para>
    /// <code>
    /// Switch-DcsMigrationIp -Id 4f5a6b7c-0000-4000-8000-000000000001 -Wait -Confirm:$false
    /// </code>
    /// <para>Switches the IPs and writes the task once it is no longer EXCHANGING.</para>
    /// </example>
    /// <example>
    /// <para type="title">Cut over every steady migration of a wave</para>
    /// <code>
    /// Get-DcsMigrationTask -Name 'redis-wave1-*' -Status INCRMIGEATING | Switch-DcsMigrationIp -ExchangeDomain -Wait -Timeout 900
    /// </code>
    /// <para>Switches IPs and domain names of all of them at once, asking first, and waits for them together.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what would be switched</para>
    /// <code>
    /// Get-DcsMigrationTask -Status INCRMIGEATING | Switch-DcsMigrationIp -WhatIf
    /// </code>
    /// <para>Names each task; nothing is sent.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Switch, "DcsMigrationIp", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DcsMigrationTask))]
    public sealed class SwitchDcsMigrationIpCommand : TaskCmdlet<DcsMigrationTask>
    {
        /// <summary><para type="description">Switch the instances' domain names too (is_exchange_domain).</para></summary>
        [Parameter]
        public SwitchParameter ExchangeDomain { get; set; }

        /// <summary><para type="description">The project of the tasks (default: the context's).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">Wait until no task is EXCHANGING any more, with progress; a task that fails meanwhile is an error. Ctrl+C stops the wait at once.</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        private protected override string? ProjectIdParameter => ProjectId;

        internal override CmdletJob CreateJob() => Act(ExchangeDomain ? DcsActions.SwitchIpAndDomain : DcsActions.SwitchIp, Wait);
    }
}
