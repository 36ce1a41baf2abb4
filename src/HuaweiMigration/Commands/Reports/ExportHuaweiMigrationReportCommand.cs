using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using HuaweiMigration.Client.Reports;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Reports
{
    /// <summary>
    /// <para type="synopsis">Writes a wave's migration report: one HTML page a person reads at a glance, or the same rows as CSV.</para>
    /// <para type="description">Takes SMS tasks (Get-SmsTask), DCS migration tasks (Get-DcsMigrationTask) and the results of Invoke-HuaweiMigrationPlan from the pipeline, in any mix, or the rows of a plan file with -Plan (each row's task found by its Name), and writes one row per task: its state, a progress bar, the speed (Mbit/s), the time left the service expects, the last error with its code and what to do, the Redis migration's figures, and for a plan result its stage, outcome and message (merged into its task's row when both are piped; a result whose task is not piped is read with the others in one batched read). The HTML page has a header with the title, when it was made (UTC) and for which region and project, the totals by state as a stacked bar with a coloured legend, and the table, problems first. It is self-contained: inline CSS and SVG, no script, no font, image or style sheet from elsewhere, and every text from the service or the plan is escaped. The format follows the extension of -Path (.html, .htm or .csv) unless -Format says. An existing file is refused before anything is read or written unless -Force; -WhatIf says what would be written and reads nothing. -PassThru writes the file's FileInfo.</para>
    /// </summary>
    /// <example>
    /// <para type="title">A report of the wave's servers and caches</para>
    /// <code>
    /// @(Get-SmsTask -Name 'wave1-*') + @(Get-DcsMigrationTask -Name 'wave1-*') | Export-HuaweiMigrationReport -Path ./wave1.html
    /// </code>
    /// <para>Writes wave1.html: totals by state, then one row per task, failures first.</para>
    /// </example>
    /// <example>
    /// <para type="title">The report of a plan run</para>
    /// <code>
    /// Invoke-HuaweiMigrationPlan -Path ./wave1.csv -Stage Create, Replicate | Export-HuaweiMigrationReport -Path ./wave1.html -Force -PassThru
    /// </code>
    /// <para>Each row's last stage, outcome and message beside its task's live state; overwrites the previous report and writes its FileInfo.</para>
    /// </example>
    /// <example>
    /// <para type="title">The live state of a plan's tasks</para>
    /// <code>
    /// Export-HuaweiMigrationReport -Plan ./wave1.csv -Path ./wave1.html -Force
    /// </code>
    /// <para>A row per plan row: its task's state and progress now, or NOT_CREATED for a row whose task does not exist yet.</para>
    /// </example>
    /// <example>
    /// <para type="title">The same rows for a spreadsheet</para>
    /// <code>
    /// Get-SmsTask | Export-HuaweiMigrationReport -Path ./tasks.csv -Title 'All SMS tasks'
    /// </code>
    /// <para>One CSV line per task, with a header line; text a spreadsheet would run as a formula is defused.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "HuaweiMigrationReport", DefaultParameterSetName = InputSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportHuaweiMigrationReportCommand : HuaweiCloudApiCmdlet
    {
        private const string InputSet = "Input";
        private const string PlanSet = "Plan";

        /// <summary><para type="description">The file to write: .html (or .htm) for the page, .csv for the rows. Relative paths are from the current location.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary><para type="description">SMS tasks, DCS migration tasks and plan results (MigrationPlanResult), from the pipeline, in any mix.</para></summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = InputSet)]
        [AllowNull]
        public PSObject[]? InputObject { get; set; }

        /// <summary><para type="description">A wave plan (CSV or JSON, as Test-HuaweiMigrationPlan and Invoke-HuaweiMigrationPlan read it): the report has a row per plan row, its task found by Name (an SMS task for a Server row, a DCS migration task for a Redis row) in one listing per service; a row whose task does not exist yet is shown as NOT_CREATED.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = PlanSet)]
        [ValidateNotNullOrEmpty]
        public string? Plan { get; set; }

        /// <summary><para type="description">Html or Csv, whatever the extension of -Path.</para></summary>
        [Parameter]
        [ValidateSet("Html", "Csv")]
        public string? Format { get; set; }

        /// <summary><para type="description">The page's title (default: "Migration report").</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 200)]
        [Validation.ValidatePlainText("report title")]
        public string? Title { get; set; }

        /// <summary><para type="description">Overwrite the file when it exists (without it, an existing file is refused before anything is read).</para></summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary><para type="description">Write the FileInfo of the file written.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly List<object> _inputs = new List<object>();
        private readonly List<PlannedTask> _planned = new List<PlannedTask>();
        private string _file = string.Empty;
        private bool _html;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _file = GetUnresolvedProviderPathFromPSPath(Path);
            var extension = System.IO.Path.GetExtension(_file).ToLowerInvariant();
            if (Format != null) _html = string.Equals(Format, "Html", StringComparison.OrdinalIgnoreCase);
            else if (extension == ".html" || extension == ".htm") _html = true;
            else if (extension == ".csv") _html = false;
            else
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "The report format cannot be told from '" + Path + "': name the file .html, .htm or .csv, or give -Format Html or -Format Csv.", nameof(Path), "InvalidReportFormat", Path));
            }
            if (Directory.Exists(_file))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("'" + _file + "' is a folder: give -Path a file name.", nameof(Path), "InvalidReportPath", Path));
            }
            var folder = System.IO.Path.GetDirectoryName(_file);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new DirectoryNotFoundException("The folder '" + folder + "' does not exist: create it first, or give -Path a file in an existing folder."),
                    "ReportFolderNotFound", ErrorCategory.ObjectNotFound, Path));
            }
            if (File.Exists(_file) && !Force)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException("The file '" + _file + "' already exists: give -Force to overwrite it, or another -Path."),
                    "ReportFileExists", ErrorCategory.ResourceExists, _file));
            }
            if (Plan != null) ReadPlan(Plan);
        }

        /// <summary>The plan's rows, read before any request (a missing or unreadable plan stops the command as Test-HuaweiMigrationPlan's does).</summary>
        private void ReadPlan(string plan)
        {
            foreach (var row in Plans.MigrationPlanCmdlet.ReadPlanFile(this, plan))
            {
                if (string.IsNullOrEmpty(row.Name) || row.Kind is null)
                {
                    WriteWarning("Row " + row.Row + " of the plan is left out of the report: " + (string.IsNullOrEmpty(row.Name) ? "it has no Name." : "its Kind '" + row.KindText + "' is neither Server nor Redis."));
                    continue;
                }
                _planned.Add(new PlannedTask(row.Name!, row.Kind));
            }
        }

        protected override void ProcessRecord()
        {
            if (InputObject is null) return;
            foreach (var item in InputObject)
            {
                var value = item?.BaseObject;
                if (value is SmsTask || value is DcsMigrationTask || value is MigrationPlanResult)
                {
                    _inputs.Add(value);
                }
                else if (value != null)
                {
                    WriteError(ErrorRecords.InvalidArgument(
                        "A migration report takes SMS tasks (Get-SmsTask), DCS migration tasks (Get-DcsMigrationTask) and plan results (Invoke-HuaweiMigrationPlan), not " + value.GetType().Name + ": it is left out.",
                        nameof(InputObject), "UnsupportedReportInput", value));
                }
            }
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            var what = (_html ? "HTML" : "CSV") + " migration report of "
                + (Plan != null ? _planned.Count + (_planned.Count == 1 ? " plan row" : " plan rows") : _inputs.Count + (_inputs.Count == 1 ? " object" : " objects"));
            if (!ShouldProcess(_file, "Write " + what)) return;

            var context = CurrentContext;
            var builder = new ReportBuilder(Sms, ReportBuilder.NeedsDcs(_inputs, _planned) ? CreateDcsClient(null) : null);
            MigrationReport? report = null;
            ForItem(_file, "InvalidReportInput", () =>
                report = Await(builder.BuildAsync(_inputs, _planned, Title ?? "Migration report", DateTime.UtcNow, CancellationToken)));
            foreach (var warning in builder.Warnings) WriteWarning(warning);
            if (report is null) return;

            var text = _html ? HtmlReportWriter.Write(report) : CsvReportWriter.Write(report);
            try
            {
                using (var stream = new FileStream(_file, Force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                {
                    writer.Write(text);
                }
            }
            catch (IOException ex) when (File.Exists(_file) && !Force)
            {
                // Made by somebody else since the check: still never overwritten without -Force.
                ThrowTerminatingError(new ErrorRecord(ex, "ReportFileExists", ErrorCategory.ResourceExists, _file));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "ReportNotWritten", ErrorCategory.WriteError, _file));
            }
            WriteVerbose("Wrote the " + what + " (" + report.Rows.Count + " rows) to " + _file + " for " + context.Region + ".");
            if (PassThru) WriteObject(new FileInfo(_file));
        }
    }
}
