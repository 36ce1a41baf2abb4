using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Plans
{
    /// <summary>
    /// <para type="synopsis">Checks a wave plan against the live account before anything is made.</para>
    /// <para type="description">Reads the plan (-Path, a CSV or JSON file, or rows piped in), reads the account once — source servers, templates, migration projects and tasks, one listing of each the plan needs — and writes one result per row: Row, Name, Kind, Status (Ready; Exists: its task is already there and will be reused; or Problem) and Problems, each a sentence that names the column and how to fix it. It sends nothing but reads. Quota limits are warnings.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Check a wave before running it</para>
    /// <code>
    /// Test-HuaweiMigrationPlan -Path ./wave1.csv | Where-Object Status -eq Problem | Format-List Row, Name, Problems
    /// </code>
    /// <para>Each problem names its column and the fix.</para>
    /// </example>
    /// <example>
    /// <para type="title">Check rows built in a script</para>
    /// <code>
    /// Import-Csv ./wave1.csv | Where-Object Name -like 'web-*' | Test-HuaweiMigrationPlan
    /// </code>
    /// <para>Rows can be piped in: any objects whose properties are the plan's columns.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "HuaweiMigrationPlan", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(MigrationPlanCheck))]
    public sealed class TestHuaweiMigrationPlanCommand : MigrationPlanCmdlet
    {
        protected override void EndProcessing()
        {
            var result = CheckPlan();
            foreach (var warning in result.Warnings) WriteWarning(warning);
            foreach (var row in result.Rows) WriteObject(row.ToResult());
            base.EndProcessing();
        }
    }
}
