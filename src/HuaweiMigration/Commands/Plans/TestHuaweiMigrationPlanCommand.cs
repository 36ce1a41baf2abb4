using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Plans
{
    /// <summary>
    /// <para type="synopsis">Checks a wave plan against the live account before anything is made.</para>
    /// <para type="description">Reads the plan (-Path, a CSV or JSON file, or rows piped in), reads the account once — source servers, templates, migration projects and tasks, one listing of each the plan needs, never a request per row — and writes one result per row: Row, Name, Kind, Status (Ready; Exists: its task is already there and will be reused; or Problem) and Problems, each a sentence that names the column and how to fix it. It sends nothing but reads.</para>
    /// <para type="description">It finds: missing columns, and columns whose name is a misspelling of one (SourceSever: rename it to SourceServer); duplicate names; invalid values (Kind, Name by the task name rules of New-SmsTask and New-DcsMigrationTask, Type, Priority, SpeedLimit, Syncing, StartTargetServer, Method, BandwidthLimitMB, ids, text with control characters); a source server that matches none or several, is not connected, already has another task or is named by two rows; a task of the row's name on another source server; a template or project that does not exist or matches several, and a template without a VPC, NIC, security group, flavor or availability zone; a TargetServerId that is not an ECS id (a UUID); a Redis row without its source, target or network settings (VpcId, SubnetId, SecurityGroupId). A column named like a secret (Password, Token…) is a problem: passwords are given with -RedisPassword, and its values are never shown.</para>
    /// <para type="description">Said once for the plan, as warnings: columns that are not plan columns (they are ignored), more server rows than the 1,000 source servers an account may have, and more migrations at once than the 100 SMS runs at a time (the rows that would start, with the tasks already running). Text quoted from the plan is cut to 60 characters and cleaned of control characters.</para>
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
    /// <example>
    /// <para type="title">Check a plan kept as JSON, and stop a script on any problem</para>
    /// <code>
    /// $problems = Test-HuaweiMigrationPlan -Path ./wave2.json | Where-Object Status -eq Problem
    /// if ($problems) { $problems | Format-Table Row, Name, Problems -Wrap; throw 'Fix the plan first.' }
    /// </code>
    /// <para>Rows whose task exists are Exists: Invoke-HuaweiMigrationPlan reuses their tasks.</para>
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
