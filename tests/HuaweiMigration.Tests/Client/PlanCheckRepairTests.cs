using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Plans;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>
    /// The plan check's repairs, on the checker itself (it reads nothing, so a hand-built inventory stands for the
    /// account): non-ASCII column names, secrets in cells, name reasons without exception text, and a source server
    /// whose current task has an id but no name.
    /// </summary>
    public class PlanCheckRepairTests
    {
        private const string TargetEcs = "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";

        [Theory]
        [InlineData("备注", false)]
        [InlineData("Commentaire é", false)]
        [InlineData("Ölçü", false)]
        [InlineData("Pass-Word", true)]
        [InlineData("pass_word", true)]
        [InlineData("\u0420\u0430\u0455\u0455w\u043er\u0501", true)] // Cyrillic Р, а, ѕ, ѕ, о, ԁ
        [InlineData("\uff30\uff21\uff33\uff33\uff37\uff2f\uff32\uff24", true)] // full-width PASSWORD
        [InlineData("密码 password", true)]
        [InlineData("Tòken", true)]
        public void A_column_is_secret_like_only_when_its_folded_name_holds_a_secret_word(string column, bool secret)
        {
            Assert.Equal(secret, PlanColumns.IsSecretLike(column));
        }

        [Fact]
        public void A_non_ASCII_remarks_column_is_no_problem_on_any_row()
        {
            var rows = PlanReader.FromCsv("Name,SourceServer,TargetServerId,备注,Commentaire é\nweb-01,src-01," + TargetEcs + ",迁移第一批,première vague\n");
            var result = PlanChecker.Check(rows, Inventory());

            var check = Assert.Single(result.Rows);
            Assert.Empty(check.Problems);
            Assert.Contains(result.Warnings, w => w.Contains("'备注'") && w.Contains("'Commentaire é'"));
        }

        [Fact]
        public void Planted_passwords_in_cells_are_quoted_nowhere()
        {
            const string Nested = "n3sted-Pa55";
            const string Inline = "inl1ne-Pa55";
            const string ListSecret = "l1st-Pa55";
            var rows = PlanReader.FromJson("[{\"Kind\":\"Redis\",\"Name\":\"cache-01\",\"SourceAddress\":{\"host\":\"10.0.0.1:6379\",\"password\":\"" + Nested + "\"},"
                + "\"TargetInstanceId\":\"dcs-1\",\"VpcId\":\"vpc-1\",\"SubnetId\":\"subnet-1\",\"SecurityGroupId\":\"sg-1\"},"
                + "{\"Kind\":\"Redis\",\"Name\":\"cache-02\",\"SourceAddress\":\"10.0.0.1:6379 password=" + Inline + "\",\"TargetInstanceId\":\"dcs-1\",\"VpcId\":\"vpc-1\",\"SubnetId\":\"subnet-1\",\"SecurityGroupId\":\"sg-1\"},"
                + "{\"Name\":\"web-01\",\"SourceServer\":[\"src-01\",\"pwd=" + ListSecret + "\"],\"TargetServerId\":\"" + TargetEcs + "\"}]");

            var result = PlanChecker.Check(rows, Inventory());

            var all = string.Join("\n", result.Rows.SelectMany(r => r.Problems).Concat(result.Warnings)) + string.Join("\n", rows.Select(r => r.ToString()));
            foreach (var secret in new[] { Nested, Inline, ListSecret }) Assert.DoesNotContain(secret, all);
            Assert.Null(rows[0][PlanColumns.SourceAddress]); // an object cell is not kept as text
            Assert.Null(rows[2][PlanColumns.SourceServer]);
            Assert.Equal("SourceAddress: is not a single value (it is an object or a list, not shown): write one text, number or True/False in it.", Assert.Single(result.Rows[0].Problems));
            Assert.Contains(result.Rows[1].Problems, p => p.StartsWith("SourceAddress: '10.0.0.1:6379 password=***' is not an address DCS takes", StringComparison.Ordinal));
            Assert.Equal("SourceServer: is not a single value (it is an object or a list, not shown): write one text, number or True/False in it.", Assert.Single(result.Rows[2].Problems));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_bad_task_name_is_said_by_the_rule_without_exception_text(bool redis)
        {
            const string Name = "web\r\n01 bad";
            var reasonGiven = redis ? DcsNewMigrationChecks.TryName(Name, out var reason) : SmsClient.TryValidateTaskName(Name, out reason);

            Assert.False(reasonGiven);
            Assert.DoesNotContain(reason, c => char.IsControl(c));
            Assert.DoesNotContain("Parameter", reason);
            // The throwing rule says the same sentence.
            var thrown = Assert.ThrowsAny<ArgumentException>(() =>
            {
                if (redis) DcsNewMigrationChecks.Name(Name);
                else SmsClient.ValidateTaskName(Name);
            });
            Assert.StartsWith(reason + ".", thrown.Message, StringComparison.Ordinal);

            var rows = PlanReader.FromJson(redis
                ? "[{\"Kind\":\"Redis\",\"Name\":\"web\\r\\n01 bad\",\"SourceAddress\":\"10.0.0.1:6379\",\"TargetInstanceId\":\"dcs-1\",\"VpcId\":\"vpc-1\",\"SubnetId\":\"subnet-1\",\"SecurityGroupId\":\"sg-1\"}]"
                : "[{\"Name\":\"web\\r\\n01 bad\",\"SourceServer\":\"src-01\",\"TargetServerId\":\"" + TargetEcs + "\"}]");
            var problem = Assert.Single(PlanChecker.Check(rows, Inventory()).Rows[0].Problems, p => p.StartsWith("Name:", StringComparison.Ordinal));
            Assert.Equal("Name: " + reason + "; rename the row.", problem);
        }

        [Fact]
        public void A_current_task_with_an_id_and_no_name_is_the_rows_own_task_when_the_ids_match()
        {
            var source = new SmsSourceServer { Id = "src-id-1", Name = "src-01", Connected = true, CurrentTask = new SmsSourceServerTask { Id = "task-1" } };
            var own = new SmsTask { Id = "task-1", Name = "web-01", SourceServer = new SmsSourceServer { Id = "src-id-1" } };
            var rows = PlanReader.FromCsv("Name,SourceServer,TargetServerId\nweb-01,src-01," + TargetEcs + "\n");

            var check = Assert.Single(PlanChecker.Check(rows, Inventory(new[] { source }, new[] { own })).Rows);
            Assert.Empty(check.Problems);
            Assert.Same(own, check.SmsTask);

            // Another task (its id not the row's): a problem that names it, its name looked up by the id.
            var otherSource = new SmsSourceServer { Id = "src-id-1", Name = "src-01", Connected = true, CurrentTask = new SmsSourceServerTask { Id = "task-2" } };
            var other = new SmsTask { Id = "task-2", Name = "legacy", SourceServer = new SmsSourceServer { Id = "src-id-1" } };
            var problem = Assert.Single(Assert.Single(PlanChecker.Check(rows, Inventory(new[] { otherSource }, new[] { other })).Rows).Problems);
            Assert.Contains("already has another task, 'legacy' (task-2)", problem);
        }

        private static PlanInventory Inventory(IReadOnlyList<SmsSourceServer>? sources = null, IReadOnlyList<SmsTask>? tasks = null) =>
            new PlanInventory(sources ?? new[] { new SmsSourceServer { Id = "src-id-1", Name = "src-01", Connected = true } }, tasks);
    }
}
