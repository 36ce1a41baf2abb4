using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Tab completion answers, and every output type has a table and a list view.</summary>
    public class ViewsAndCompletionTests : LifecycleTestBase
    {
        private List<string> Complete(string input)
        {
            var r = Ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText + '|' + $_.ToolTip }", input);
            Assert.True(r.Errors.Count == 0, r.Describe());
            return r.Output.Select(o => o.ToString()).ToList();
        }

        [Fact]
        public void Region_completes_from_the_known_regions()
        {
            var matches = Complete("Connect-HuaweiCloud -Region ap-southeast-");
            Assert.Contains("ap-southeast-1|ap-southeast-1 (AP-Hong Kong)", matches);
            Assert.Contains(matches, m => m.StartsWith("ap-southeast-3|", StringComparison.Ordinal));
            Assert.All(matches, m => Assert.StartsWith("ap-southeast-", m));
        }

        [Fact]
        public void State_completes_from_the_task_states()
        {
            var matches = Complete("Get-SmsTask -State MIGRATE_").Select(m => m.Split('|')[0]).ToList();
            Assert.Equal(new[] { "MIGRATE_FAIL", "MIGRATE_SUCCESS" }, matches.OrderBy(m => m));
        }

        [Theory]
        [InlineData("Get-SmsTask -State ")]
        [InlineData("Wait-SmsTask -Id abc -State ")]
        public void State_completion_offers_every_known_state_and_never_Unknown(string line)
        {
            var matches = Complete(line).Select(m => m.Split('|')[0]).ToList();
            Assert.Contains("RUNNING", matches);
            Assert.Contains("SYNC_F_ROLLBACK_SUCCESS", matches);
            Assert.DoesNotContain("Unknown", matches);
            Assert.Empty(Complete(line + "Unk"));
        }

        [Fact]
        public void Id_completes_with_the_current_contexts_task_ids_read_once_and_cached()
        {
            var ids = AddTasks(3, "RUNNING", "complete-me");
            var first = Complete("Suspend-SmsTask -Id ");
            Assert.Equal(ids.OrderBy(i => i), first.Select(m => m.Split('|')[0]).OrderBy(i => i));
            Assert.Contains(first, m => m.EndsWith("|complete-me-0001 (RUNNING)", StringComparison.Ordinal));
            var prefix = ids[1].Substring(0, 6);
            Assert.Contains(ids[1] + "|complete-me-0002 (RUNNING)", Complete("Get-SmsTask -Id " + prefix));
            // One listing served both completions.
            Assert.Single(Sim.State.Requests, q => q.Path == "/v3/tasks");

            var dcs = Sim.State.Dcs.Add("redis-one", "MIGRATING");
            Assert.Contains(dcs + "|redis-one (MIGRATING)", Complete("Stop-DcsMigrationTask -Id "));
        }

        [Fact]
        public void Name_completes_with_the_current_contexts_task_names_never_file_names()
        {
            var ids = AddTasks(2, "RUNNING", "named");
            var blue = Sim.State.Sms.Add(name: "web [blue] 1", state: "READY");
            var names = Complete("Get-SmsTask -Name named-");
            Assert.Equal(new[] { "named-0001|named-0001 (" + ids[0] + ", RUNNING)", "named-0002|named-0002 (" + ids[1] + ", RUNNING)" }, names);
            // Wildcard characters escaped (-Name takes patterns), quoted for the shell; a pattern typed is matched.
            Assert.Equal(new[] { "'web `[blue`] 1'|web [blue] 1 (" + blue + ", READY)" }, Complete("Get-SmsTask -Name web"));
            Assert.Equal(2, Complete("Get-SmsTask -Name *-000").Count);
            var dcs = Sim.State.Dcs.Add("redis-name-one", "MIGRATING");
            Assert.Equal(new[] { "redis-name-one|redis-name-one (" + dcs + ", MIGRATING)" }, Complete("Get-DcsMigrationTask -Name redis-name"));

            // Nothing that matches, or no connection: nothing at all, not the files of the current folder.
            Ps.Run("Set-Location $args[0]", AppContext.BaseDirectory);
            Assert.Empty(Complete("Get-SmsTask -Name Huawei"));
            Ps.Run("Disconnect-HuaweiCloud");
            Assert.Empty(Complete("Get-SmsTask -Name "));
            Assert.Empty(Complete("Get-SmsSourceServer -Name "));
            Assert.Empty(Complete("Get-DcsMigrationTask -Name "));
        }

        [Fact]
        public void Id_completion_without_a_context_offers_nothing_and_does_not_fail()
        {
            Ps.Run("Disconnect-HuaweiCloud");
            Assert.Empty(Complete("Get-SmsTask -Id "));
        }

        [Theory]
        [InlineData("HuaweiMigration.Models.SmsTask")]
        [InlineData("HuaweiMigration.Models.DcsMigrationTask")]
        [InlineData("HuaweiMigration.Models.HuaweiCloudContext")]
        [InlineData("HuaweiMigration.Models.SmsSourceServer")]
        [InlineData("HuaweiMigration.Models.SmsSpeedLimitRule")]
        [InlineData("HuaweiMigration.Models.DcsMigrationProgress")]
        [InlineData("HuaweiMigration.Models.SmsMigrationProject")]
        public void Every_output_type_has_a_table_and_a_list_view(string typeName)
        {
            var formats = XDocument.Load(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Repo.ModuleManifest)!, "HuaweiMigration.format.ps1xml"));
            var views = formats.Descendants("View").Where(v => v.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeName).ToList();
            Assert.Contains(views, v => v.Element("TableControl") != null);
            Assert.Contains(views, v => v.Element("ListControl") != null);
            // Every property a view names exists on the type.
            var type = typeof(HuaweiMigration.Models.SmsTask).Assembly.GetType(typeName)!;
            foreach (var name in views.Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(type.GetProperty(name) != null, typeName + " has no property " + name);
            }
        }

        [Theory]
        [InlineData("HuaweiMigration.Models.SmsTask")]
        [InlineData("HuaweiMigration.Models.SmsTask#NetworkCheck")]
        [InlineData("HuaweiMigration.Models.DcsMigrationTask")]
        [InlineData("HuaweiMigration.Models.DcsMigrationProgress")]
        public void A_task_table_leaves_the_room_to_the_name_and_keeps_the_id_whole_at_80_columns(string typeName)
        {
            // The rendered tables are checked in tests/Pester/Views.Tests.ps1; this is the layout rule they rely on.
            var formats = XDocument.Load(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Repo.ModuleManifest)!, "HuaweiMigration.format.ps1xml"));
            var table = formats.Descendants("View")
                .Single(v => v.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeName && v.Element("TableControl") != null);
            var headers = table.Descendants("TableColumnHeader").ToList();
            // PowerShell sizes a table whose first column has no width to its content, and then cuts the id at 80.
            Assert.NotNull(headers[0].Element("Width"));
            // One column without a width, the name: it takes whatever a wider console has.
            var flexible = Assert.Single(headers, h => h.Element("Width") == null);
            Assert.Equal("Name", flexible.Element("Label")?.Value);
            // The others, an id of 36 among them, leave the name at least 14 of an 80-column console's 79.
            var fixedWidth = headers.Where(h => h.Element("Width") != null).Sum(h => int.Parse(h.Element("Width")!.Value));
            Assert.True(fixedWidth + headers.Count - 1 <= 79 - 14, typeName + ": the fixed columns take " + fixedWidth);
            Assert.Contains(headers, h => h.Element("Width")?.Value == "36");
        }

        [Fact]
        public void ToString_says_what_a_task_is()
        {
            var id = AddTasks(1, "RUNNING", "tostring").Single();
            var text = Ps.Run("(Get-SmsTask -Id $args[0]).ToString(); (Get-HuaweiCloudContext).ToString()", id).Output.Select(o => o.ToString()).ToList();
            Assert.Equal("tostring-0001 (RUNNING)", text[0]);
            Assert.Equal("Password sim-user (ap-southeast-1)", text[1]);
        }
    }
}
