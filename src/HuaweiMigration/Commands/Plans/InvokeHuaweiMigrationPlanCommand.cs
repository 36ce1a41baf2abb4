using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Plans;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Plans
{
    /// <summary>
    /// <para type="synopsis">Runs a wave plan's stages — Create, Replicate, Test, Cutover, Cleanup — for server and Redis rows together, and is safe to run again.</para>
    /// <para type="description">Checks the plan first as Test-HuaweiMigrationPlan does (reads only) and refuses the whole plan, sending nothing, when a row has a problem — unless -SkipInvalid, which runs the other rows and writes Skipped for those. Then runs the stages asked for in their order (whatever order they are given in), many rows at a time: Create makes each row's SMS task (New-SmsTask) or DCS online migration (New-DcsMigrationTask, with the passwords of -RedisPassword); Replicate starts what is not running and waits until the full replication is done (MIGRATE_SUCCESS, or SYNCING with continuous sync) or the Redis migration is steady (INCRMIGEATING) or finished (SUCCESS); Test launches each server's target for a test and waits; Cutover cuts servers over and switches Redis IP addresses, waiting; Cleanup clears the snapshots and removes the tasks (with -RemoveSourceServer, the source servers too) and the Redis migration tasks.</para>
    /// <para type="description">Writes one result per row and stage as it comes: Row, Name, Kind, Stage, Outcome (Done; AlreadyDone — the row was already past the stage and nothing was sent for it; Failed, with the error, its code and what to do; Skipped — a row that failed an earlier stage of this run, or an invalid row with -SkipInvalid; WhatIf), TaskId, State and Message. -ResultPath appends them to a CSV file as they come. A failed row never stops the others. Each stage asks once for confirmation (ConfirmImpact High; -Force skips it). -WhatIf sends no change: it still reads the account for the check, then says what each row would get. Ctrl+C stops at once; run the same command again and it carries on where the account stands, with no task or action sent twice. Waits poll all rows together with list calls, not a call per row. A Redis row is told cut over when its target instance holds the host of the row's SourceAddress (the switch swaps the IP addresses, not the ports); a row given by SourceInstanceId cannot show whether it was switched, so Cutover never switches it: it is Failed with the Switch-DcsMigrationIp command to run by hand. A launch still running (a run stopped meanwhile) is waited for, never sent again. Cleanup leaves a migration that is still running and not cut over (Failed, nothing sent); with -RemoveSourceServer it removes the source server of a row without a task only when the server shows a finished migration.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Create and replicate a wave, keeping a result file</para>
    /// <code>
    /// Invoke-HuaweiMigrationPlan -Path ./wave1.csv -Stage Create, Replicate -ResultPath ./wave1-results.csv -RedisPassword @{ '10.0.0.12:6379' = $sourcePassword; $targetId = $targetPassword } -Force
    /// </code>
    /// <para>Makes every row's task (a task already there is reused), starts them and waits until each is replicated; the results go to the screen and to wave1-results.csv as they come.</para>
    /// </example>
    /// <example>
    /// <para type="title">See what the cutover would do, then do it</para>
    /// <code>
    /// Invoke-HuaweiMigrationPlan -Path ./wave1.csv -Stage Test, Cutover -WhatIf
    /// Invoke-HuaweiMigrationPlan -Path ./wave1.csv -Stage Test, Cutover -Timeout 7200 | Where-Object Outcome -eq Failed
    /// </code>
    /// <para>The first command sends no change and writes a WhatIf or AlreadyDone result per row; the second asks once per stage, then tests and cuts over every row, showing the failures.</para>
    /// </example>
    /// <example>
    /// <para type="title">Run the rows that are ready, leaving the others</para>
    /// <code>
    /// Import-Csv ./wave1.csv | Invoke-HuaweiMigrationPlan -Stage Create -SkipInvalid -Force
    /// </code>
    /// <para>Rows with a problem are Skipped, with the problem as their message; the others are created.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "HuaweiMigrationPlan", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MigrationPlanResult))]
    public sealed class InvokeHuaweiMigrationPlanCommand : MigrationPlanCmdlet
    {
        /// <summary><para type="description">The stages to run: Create, Replicate, Test, Cutover, Cleanup. They run in that order, whatever order they are given in.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateSet(MigrationPlanStages.Create, MigrationPlanStages.Replicate, MigrationPlanStages.Test, MigrationPlanStages.Cutover, MigrationPlanStages.Cleanup)]
        public string[] Stage { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">A CSV file the results are appended to as they come (created when missing; the header is written when the file is new or empty).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResultPath { get; set; }

        /// <summary><para type="description">Run the rows without problems and write Skipped (with the problem) for the others, instead of refusing the whole plan.</para></summary>
        [Parameter]
        public SwitchParameter SkipInvalid { get; set; }

        /// <summary><para type="description">The Redis passwords, never in the plan: a hashtable whose keys are source addresses ('host:port'), source instance ids or target instance ids, and whose values are SecureStrings (ConvertTo-SecureString, Read-Host -AsSecureString). A plain string value is refused before any request.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? RedisPassword { get; set; }

        /// <summary><para type="description">Cleanup also removes each row's source server.</para></summary>
        [Parameter]
        public SwitchParameter RemoveSourceServer { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        /// <summary><para type="description">Seconds the whole run may wait at most; a row still waiting then is Failed with the time-out. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">Seconds between two polls while waiting. By default the pause grows from about 1 to at most 10 seconds.</para></summary>
        [Parameter]
        [ValidateRange(0.01, 86400.0)]
        [PSDefaultValue(Help = "1, growing to 10")]
        public double PollInterval { get; set; }

        /// <summary><para type="description">Run each stage without asking for confirmation (-WhatIf still wins).</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private Dictionary<string, SecureString>? _passwords;

        protected override void BeginProcessing()
        {
            _passwords = Passwords();
            base.BeginProcessing();
        }

        protected override void EndProcessing()
        {
            if (Rows.Count == 0)
            {
                base.EndProcessing(); // no rows piped: nothing to check, run or write
                return;
            }
            var check = CheckPlan();
            foreach (var warning in check.Warnings) WriteWarning(warning);
            // Cleanup only: a row whose task and source server are both gone was cleaned up (Cleanup reports it AlreadyDone).
            if (Stage.All(s => string.Equals(s, MigrationPlanStages.Cleanup, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var row in check.Rows.Where(r => r.Gone)) row.Problems.Clear();
            }
            var problems = check.Rows.Where(r => r.Problems.Count > 0).ToList();
            if (problems.Count > 0 && !SkipInvalid)
            {
                var rows = string.Join(" ", problems.Select(r => "Row " + r.Row.Row + (r.Row.Name is null ? string.Empty : " '" + r.Row.Name + "'") + ": " + r.Problems[0]));
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("The plan was not run: " + problems.Count + " row" + (problems.Count == 1 ? " has" : "s have") + " a problem. " + rows),
                    "MigrationPlanHasProblems", ErrorCategory.InvalidData, Path)
                {
                    ErrorDetails = new ErrorDetails("The plan was not run, and nothing was sent: " + problems.Count + " row" + (problems.Count == 1 ? " has" : "s have") + " a problem. " + rows
                        + " Fix the plan (Test-HuaweiMigrationPlan shows every problem), or give -SkipInvalid to run the other rows."),
                });
            }
            PlanResultCsv? csv = null;
            try
            {
                if (ResultPath != null && !WhatIfRequested) csv = OpenResults();
                var runner = new PlanRunner(EngineHost, Sms, check.Rows.Any(r => r.Row.IsRedis) ? CreateDcsClient(null) : null, Options(), result =>
                {
                    csv?.Write(result);
                    EngineHost.WriteObject(result);
                });
                runner.Run(check.Rows, (stage, count) =>
                    EngineHost.ShouldProcess("wave plan" + (ParameterSetName == PathSet ? " " + Path : string.Empty), "Run stage " + stage + " for " + count + " row" + (count == 1 ? string.Empty : "s"), Force));
            }
            finally
            {
                csv?.Dispose();
            }
            base.EndProcessing();
        }

        private bool WhatIfRequested => EngineHost.WhatIf;

        private PlanRunOptions Options()
        {
            var context = CurrentContext;
            return new PlanRunOptions
            {
                Stages = Stage,
                Wait = WaitPlanOf(Timeout, PollInterval),
                Throttle = ThrottleLimit,
                RemoveSourceServer = RemoveSourceServer,
                WhatIf = WhatIfRequested,
                RegionId = context.Region,
                RegionName = SmsRegionNames.DisplayName(context.Region),
                ProjectId = context.ProjectId ?? string.Empty,
                // A Huawei Cloud project is named after its region.
                ProjectName = context.Region,
                Password = key => key != null && _passwords != null && _passwords.TryGetValue(key, out var password) ? password : null,
            };
        }

        private PlanResultCsv OpenResults()
        {
            string path;
            try
            {
                path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ResultPath);
                return new PlanResultCsv(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException
                || ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "MigrationPlanResultPathInvalid", ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, ResultPath)
                {
                    ErrorDetails = new ErrorDetails("The result file '" + ResultPath + "' cannot be written: " + ex.Message),
                });
                throw;
            }
        }

        /// <summary>-RedisPassword: every value a SecureString; a plain string is refused naming its key, never its value.</summary>
        private Dictionary<string, SecureString>? Passwords()
        {
            if (RedisPassword is null) return null;
            var passwords = new Dictionary<string, SecureString>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in RedisPassword)
            {
                var key = LanguagePrimitives.ConvertTo<string>(entry.Key is PSObject k ? k.BaseObject : entry.Key) ?? string.Empty;
                var value = entry.Value is PSObject v ? v.BaseObject : entry.Value;
                if (value is SecureString secure)
                {
                    passwords[key.Trim()] = secure;
                    continue;
                }
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "-RedisPassword: the value for '" + key + "' is " + (value is string ? "a plain string" : value is null ? "empty" : "a " + value.GetType().Name)
                    + ", not a SecureString. Give it as a SecureString (Read-Host -AsSecureString, or ConvertTo-SecureString); a password is never taken as plain text.",
                    nameof(RedisPassword), "RedisPasswordNotSecure", key));
            }
            return passwords;
        }
    }
}
