using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client.Plans;
using HuaweiMigration.Internal;

namespace HuaweiMigration.Commands.Plans
{
    /// <summary>
    /// Base of the cmdlets that take a wave plan: from <c>-Path</c> (a CSV or JSON file) or from the pipeline (objects
    /// whose properties are the columns, as Import-Csv writes them). The rows are gathered, then the plan is handled
    /// as a whole at the end of the input.
    /// </summary>
    public abstract class MigrationPlanCmdlet : HuaweiCloudApiCmdlet
    {
        public const string PathSet = "Path";
        public const string InputObjectSet = "InputObject";

        /// <summary><para type="description">The plan file: CSV (a header line naming the columns, then one row per line) or JSON (an array of objects), by its extension.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary><para type="description">Rows of a plan: objects whose properties are the columns (Import-Csv's output, or [pscustomobject] and hashtables).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        private readonly List<PlanRow> _rows = new List<PlanRow>();

        /// <summary>The plan's rows, read from -Path or gathered from the input; empty until the end of the input.</summary>
        internal IReadOnlyList<PlanRow> Rows => _rows;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ParameterSetName == PathSet) _rows.AddRange(ReadFile());
        }

        protected override void ProcessRecord()
        {
            if (InputObject is null) return;
            _rows.Add(PlanReader.FromCells(_rows.Count + 1, CellsOf(InputObject)));
        }

        /// <summary>The columns of a piped row: a dictionary's keys, else the object's properties.</summary>
        private static IEnumerable<KeyValuePair<string, string?>> CellsOf(PSObject row)
        {
            if (row.BaseObject is IDictionary map)
            {
                foreach (DictionaryEntry entry in map) yield return new KeyValuePair<string, string?>(entry.Key?.ToString() ?? string.Empty, Text(entry.Value));
                yield break;
            }
            foreach (var property in row.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    value = null;
                }
                yield return new KeyValuePair<string, string?>(property.Name, Text(value));
            }
        }

        private static string? Text(object? value) => value switch
        {
            null => null,
            PSObject o when o.BaseObject is null => null,
            bool b => b ? "True" : "False",
            _ => LanguagePrimitives.ConvertTo<string>(value),
        };

        /// <summary>The plan file's rows; a missing or unreadable file stops the command before any request.</summary>
        private IReadOnlyList<PlanRow> ReadFile() => ReadPlanFile(this, Path);

        /// <summary>
        /// The rows of the plan file <paramref name="planPath"/> (a PowerShell path) for <paramref name="cmdlet"/>; a
        /// missing or unreadable file stops the command before any request (Export-HuaweiMigrationReport -Plan too).
        /// </summary>
        internal static IReadOnlyList<PlanRow> ReadPlanFile(PSCmdlet cmdlet, string planPath)
        {
            string path;
            try
            {
                path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(planPath);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is NotSupportedException || ex is ArgumentException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, "MigrationPlanPathInvalid", ErrorCategory.InvalidArgument, planPath)
                {
                    ErrorDetails = new ErrorDetails("The plan path '" + planPath + "' is not a file system path: " + ex.Message),
                });
                throw;
            }
            if (!File.Exists(path))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new FileNotFoundException("The plan file '" + path + "' does not exist.", path), "MigrationPlanNotFound", ErrorCategory.ObjectNotFound, planPath)
                {
                    ErrorDetails = new ErrorDetails("The plan file '" + path + "' does not exist: give the path of a CSV or JSON plan."),
                });
            }
            try
            {
                return PlanReader.ReadFile(path);
            }
            catch (FormatException ex)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, "MigrationPlanUnreadable", ErrorCategory.InvalidData, planPath)
                {
                    ErrorDetails = new ErrorDetails("The plan file '" + path + "' cannot be read: " + ex.Message),
                });
                throw;
            }
            catch (IOException ex)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, "MigrationPlanUnreadable", ErrorCategory.ReadError, planPath));
                throw;
            }
            catch (UnauthorizedAccessException ex)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, "MigrationPlanUnreadable", ErrorCategory.PermissionDenied, planPath));
                throw;
            }
        }

        /// <summary>
        /// Checks the plan against the account: one listing of each kind it needs (a DCS listing only when a row is a
        /// Redis row), then every rule. A failed listing stops the command: nothing can be checked without it.
        /// </summary>
        internal PlanCheckResult CheckPlan()
        {
            var dcs = _rows.Any(r => r.IsRedis) ? CreateDcsClient(null) : null;
            PlanInventory inventory;
            try
            {
                inventory = Await(PlanInventory.ReadAsync(_rows, Sms, dcs, CancellationToken));
            }
            catch (HuaweiCloudApiException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromApi(ex, Path, "The plan could not be checked: reading the account failed: " + ex.Said));
                throw;
            }
            return PlanChecker.Check(_rows, inventory);
        }
    }
}
