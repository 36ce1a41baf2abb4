using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Test-/Invoke-HuaweiMigrationPlan and Export-HuaweiMigrationReport repairs over real HTTP: a non-ASCII remarks
    /// column, planted passwords in cells, an empty plan, a path on another provider, and a failed listing of piped rows.
    /// </summary>
    public class MigrationPlanRepairTests : LifecycleTestBase
    {
        private const string TargetEcs = "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "plan-repair-" + Guid.NewGuid().ToString("N"));

        public MigrationPlanRepairTests()
        {
            Directory.CreateDirectory(_dir);
        }

        private string Write(string file, string text)
        {
            var path = Path.Combine(_dir, file);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }

        [Fact]
        public void A_Chinese_or_accented_remarks_column_is_an_unknown_column_not_a_secret()
        {
            Sim.State.Sms.AddSourceServer("src-01");
            var path = Write("remarks.csv", "Name,SourceServer,TargetServerId,备注,Commentaire é\nweb-01,src-01," + TargetEcs + ",第一批,première vague\n");

            var result = Ps.Run("Test-HuaweiMigrationPlan -Path $args[0]", path);

            var check = Assert.Single(result.Objects<MigrationPlanCheck>());
            Assert.True(check.Status == "Ready", string.Join(" | ", check.Problems));
            var warning = Assert.Single(result.Warning);
            Assert.Contains("'备注'", warning);
            Assert.Contains("'Commentaire é'", warning);
        }

        [Fact]
        public void Planted_passwords_in_cells_appear_in_no_result_stream_or_request()
        {
            const string Nested = "n3sted-Pa55-4411";
            const string Inline = "inl1ne-Pa55-4412";
            var path = Write("secrets.json", "[{\"Kind\":\"Redis\",\"Name\":\"cache-01\",\"SourceAddress\":{\"host\":\"10.0.0.1:6379\",\"password\":\"" + Nested + "\"},"
                + "\"TargetInstanceId\":\"dcs-1\",\"VpcId\":\"vpc-1\",\"SubnetId\":\"subnet-1\",\"SecurityGroupId\":\"sg-1\"},"
                + "{\"Kind\":\"Redis\",\"Name\":\"cache-02\",\"SourceAddress\":\"10.0.0.1:6379 password=" + Inline + "\",\"TargetInstanceId\":\"dcs-1\",\"VpcId\":\"vpc-1\",\"SubnetId\":\"subnet-1\",\"SecurityGroupId\":\"sg-1\"}]");
            Ps.Set("piped", new[] { new System.Collections.Hashtable { ["Kind"] = "Redis", ["Name"] = "cache-03", ["SourceAddress"] = new System.Collections.Hashtable { ["host"] = "10.0.0.1:6379", ["password"] = Nested } } });

            var fromFile = Ps.Run("$DebugPreference = 'Continue'; Test-HuaweiMigrationPlan -Path $args[0] -Verbose", path);
            var piped = Ps.Run("$piped | Test-HuaweiMigrationPlan");
            var invoked = Ps.Run("try { Invoke-HuaweiMigrationPlan -Path $args[0] -Stage Create -Force } catch { $_ }", path);

            var checks = fromFile.Objects<MigrationPlanCheck>().ToList();
            Assert.Contains(checks[0].Problems, p => p.Contains("is not a single value"));
            Assert.Contains(checks[1].Problems, p => p.Contains("password=***"));
            Assert.Contains(Assert.Single(piped.Objects<MigrationPlanCheck>()).Problems, p => p.StartsWith("SourceAddress: is not a single value", StringComparison.Ordinal));
            var refused = Assert.IsType<ErrorRecord>(Assert.Single(invoked.Output).BaseObject);
            foreach (var result in new[] { fromFile, piped, invoked })
            {
                foreach (var secret in new[] { Nested, Inline })
                {
                    Assert.DoesNotContain(secret, result.AllText());
                    Assert.DoesNotContain(secret, JsonConvert.SerializeObject(result.Objects<MigrationPlanCheck>()));
                }
            }
            Assert.DoesNotContain(Nested, refused.ToString() + refused.ErrorDetails?.Message + refused.Exception.Message);
            Assert.DoesNotContain(Inline, refused.ToString() + refused.ErrorDetails?.Message + refused.Exception.Message);
            Assert.All(Sim.State.Requests, q => Assert.DoesNotContain(Inline, (q.Body ?? string.Empty) + q.QueryString + q.Path));
        }

        [Theory]
        [InlineData("empty.csv", "Name,SourceServer,Template\r\n", "Test-HuaweiMigrationPlan")]
        [InlineData("empty.json", "[]", "Test-HuaweiMigrationPlan")]
        [InlineData("empty.csv", "Name,SourceServer,Template\n\n", "Invoke-HuaweiMigrationPlan -Stage Create -Force")]
        [InlineData("empty.json", " [ ] ", "Invoke-HuaweiMigrationPlan -Stage Create -Force")]
        public void An_empty_plan_file_stops_before_any_request(string file, string text, string command)
        {
            var path = Write(file, text);

            var result = Ps.Run("try { " + command + " -Path $args[0]; 'not stopped' } catch { $_ }", path);

            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.True(error.FullyQualifiedErrorId.StartsWith("MigrationPlanEmpty", StringComparison.Ordinal), result.Describe() + error.Exception);
            Assert.StartsWith("MigrationPlanEmpty", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(path, error.TargetObject);
            Assert.Contains("has no rows", error.ErrorDetails?.Message ?? error.Exception.Message);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void No_piped_rows_write_nothing_and_send_nothing()
        {
            var result = Ps.Run("@() | Test-HuaweiMigrationPlan; @() | Invoke-HuaweiMigrationPlan -Stage Create -Force -ResultPath $args[0]", Path.Combine(_dir, "results.csv"));
            Assert.False(File.Exists(Path.Combine(_dir, "results.csv")), "a result file was written for no rows");

            Assert.True(result.Output.Count == 0 && result.Errors.Count == 0 && result.Warning.Count == 0, result.Describe());
            Assert.Empty(Sim.State.Requests);
        }

        [Theory]
        [InlineData("Test-HuaweiMigrationPlan -Path 'Env:plan-repair.csv'", "MigrationPlanPathInvalid")]
        [InlineData("@() | Export-HuaweiMigrationReport -Path 'Env:plan-repair.html'", "InvalidReportPath")]
        [InlineData("@() | Export-HuaweiMigrationReport -Path 'Variable:plan-repair.csv'", "InvalidReportPath")]
        public void A_path_on_another_provider_is_refused_before_anything(string command, string errorId)
        {
            var result = Ps.Run("try { " + command + "; 'not stopped' } catch { $_ }; $null -ne [Environment]::GetEnvironmentVariable('plan-repair.html'); $null -ne $ExecutionContext.SessionState.PSVariable.Get('plan-repair.csv')");

            var error = Assert.IsType<ErrorRecord>(result.Output[0].BaseObject);
            Assert.StartsWith(errorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("not on a file system drive", error.ErrorDetails?.Message ?? error.Exception.Message);
            Assert.Equal(new object[] { false, false }, result.Output.Skip(1).Select(o => o.BaseObject).ToArray());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void A_failed_listing_of_piped_rows_targets_the_row_count_not_an_empty_path()
        {
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/sources", Kind = FaultKind.Error, StatusCode = 403, Count = 20 });
            Ps.Set("rows", new[]
            {
                new System.Collections.Hashtable { ["Name"] = "web-01", ["SourceServer"] = "src-01", ["TargetServerId"] = TargetEcs },
                new System.Collections.Hashtable { ["Name"] = "web-02", ["SourceServer"] = "src-02", ["TargetServerId"] = TargetEcs },
            });

            var result = Ps.Run("try { $rows | Test-HuaweiMigrationPlan; 'not stopped' } catch { $_ }");

            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.Equal(2, error.TargetObject);
        }

        [Fact]
        public void A_report_plan_row_whose_name_two_tasks_carry_is_warned_about()
        {
            var first = Sim.State.Sms.Add(name: "wave1-web-01", state: "RUNNING");
            var second = Sim.State.Sms.Add(name: "wave1-web-01", state: "MIGRATE_SUCCESS");
            var redisA = Sim.State.Dcs.Add("wave1-redis-01", "SUCCESS");
            var redisB = Sim.State.Dcs.Add("wave1-redis-01", "SUCCESS");
            var plan = Write("twins.csv", "Kind,Name\r\nServer,wave1-web-01\r\nRedis,wave1-redis-01\r\n");
            var path = Path.Combine(_dir, "twins-report.csv");

            var r = Ps.Run("Export-HuaweiMigrationReport -Plan $args[0] -Path $args[1]", plan, path);

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var sms = Assert.Single(r.Warning, w => w.Contains("SMS tasks", StringComparison.Ordinal));
            Assert.Contains("'wave1-web-01' names 2 SMS tasks", sms);
            Assert.Contains(first, sms);
            Assert.Contains(second, sms);
            var dcs = Assert.Single(r.Warning, w => w.Contains("DCS migration tasks", StringComparison.Ordinal));
            Assert.Contains("'wave1-redis-01' names 2 DCS migration tasks", dcs);
            Assert.Contains(redisA, dcs);
            Assert.Contains(redisB, dcs);
            var lines = File.ReadAllText(path).Split("\r\n").Where(l => l.Length > 0).Skip(1).ToList();
            Assert.Equal(2, lines.Count); // one row per plan row, not one per task
        }
    }
}
