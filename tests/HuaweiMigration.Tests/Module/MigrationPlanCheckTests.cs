using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator.Sms;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Test-HuaweiMigrationPlan over real HTTP: a plan of 40 rows with one problem of each kind (and Ready and Exists
    /// rows) read from CSV, JSON and the pipeline gives the same checks, with reads only and a bounded number of them;
    /// a plan that cannot be read stops before any request; a secret-like column's value is never shown.
    /// </summary>
    public class MigrationPlanCheckTests : LifecycleTestBase
    {
        private const string Secret = "Pl@nted-plan-secret-7731";
        private const string AddressSecret = "addr-s3cret-5521";
        private const string TargetEcs = "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";

        private static readonly string[] Header =
        {
            "Kind", "Name", "SourceServer", "Template", "TargetServerId", "MigrationProject", "Type", "Priority", "SpeedLimit", "Syncing",
            "StartTargetServer", "SourceAddress", "SourceInstanceId", "TargetInstanceId", "Method", "VpcId", "SubnetId", "SecurityGroupId",
            "BandwidthLimitMB", "Notes", "Priorty", "Password",
        };

        private readonly string _dir = Path.Combine(Path.GetTempPath(), "plan-check-" + Guid.NewGuid().ToString("N"));

        public MigrationPlanCheckTests()
        {
            Directory.CreateDirectory(_dir);
        }

        /// <summary>A Redis row with everything an online migration needs, changed by <paramref name="set"/>.</summary>
        private static Dictionary<string, string> RedisRow(string name, Action<Dictionary<string, string>>? set = null)
        {
            var row = new Dictionary<string, string>
            {
                ["Kind"] = "Redis", ["Name"] = name, ["SourceAddress"] = "10.0.0.12:6379", ["TargetInstanceId"] = "dcs-target-01",
                ["VpcId"] = "vpc-0001", ["SubnetId"] = "subnet-0001", ["SecurityGroupId"] = "sg-0001", ["Method"] = "Incremental",
            };
            set?.Invoke(row);
            return row;
        }

        private static Dictionary<string, string> ServerRow(string name, string source, Action<Dictionary<string, string>>? set = null)
        {
            var row = new Dictionary<string, string> { ["Name"] = name, ["SourceServer"] = source, ["Template"] = "web-template" };
            set?.Invoke(row);
            return row;
        }

        /// <summary>
        /// Seeds the account and returns the 40 rows with, for each, the status expected and the column its problem
        /// names (null for Ready and Exists rows).
        /// </summary>
        private List<(Dictionary<string, string> Row, string Status, string[] Columns)> Plan()
        {
            var sms = Sim.State.Sms;
            foreach (var n in new[] { "01", "02", "06", "07", "08", "09", "10", "11", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "36", "37", "38", "40" })
            {
                sms.AddSourceServer("src-" + n);
            }
            var src03 = sms.AddSourceServer("src-03");
            sms.Add(name: "exists-03", source: new SmsTaskSource(src03, null, null));
            sms.AddSourceServer("twin");
            sms.AddSourceServer("twin");
            sms.AddSourceServer("src-14", connected: false);
            var src15 = sms.AddSourceServer("src-15");
            sms.Add(name: "legacy-15", source: new SmsTaskSource(src15, null, null));
            sms.AddSourceServer("src-16");
            var src99 = sms.AddSourceServer("src-99");
            sms.Add(name: "moved-18", source: new SmsTaskSource(src99, null, null));
            sms.AddSourceServer("src-18");
            var src02 = sms.AddSourceServer("src-02b");
            sms.Templates.Add("web-template");
            sms.Templates.Add("half-template", vpc: false, securityGroup: false);
            sms.Projects.Add("wave-1");
            Sim.State.Dcs.Add("redis-exists", "INCRMIGEATING");

            var ready = ServerRow("ready-01", "src-01", r =>
            {
                r["MigrationProject"] = "wave-1"; r["Type"] = "MIGRATE_BLOCK"; r["Priority"] = "High"; r["SpeedLimit"] = "100";
                r["Syncing"] = "True"; r["StartTargetServer"] = "false"; r["Notes"] = "owner: web team, call before";
            });
            return new List<(Dictionary<string, string>, string, string[])>
            {
                (ready, "Ready", Array.Empty<string>()),
                (ServerRow("ready-02", src02, r => { r.Remove("Template"); r["TargetServerId"] = TargetEcs; }), "Ready", Array.Empty<string>()),
                (ServerRow("exists-03", "src-03"), "Exists", Array.Empty<string>()),
                (RedisRow("redis-ready", r => r["BandwidthLimitMB"] = "100"), "Ready", Array.Empty<string>()),
                (RedisRow("redis-exists"), "Exists", Array.Empty<string>()),
                (ServerRow("kind-06", "src-06", r => r["Kind"] = "Mysql"), "Problem", new[] { "Kind" }),
                (ServerRow("", "src-07"), "Problem", new[] { "Name" }),
                (ServerRow("dup-a", "src-08"), "Problem", new[] { "Name" }),
                (ServerRow("DUP-A", "src-09"), "Problem", new[] { "Name" }),
                (ServerRow("web 10!", "src-10"), "Problem", new[] { "Name" }),
                (ServerRow("nosource-11", ""), "Problem", new[] { "SourceServer" }),
                (ServerRow("ghost-12", "ghost-server"), "Problem", new[] { "SourceServer" }),
                (ServerRow("twin-13", "twin"), "Problem", new[] { "SourceServer" }),
                (ServerRow("offline-14", "src-14"), "Problem", new[] { "SourceServer" }),
                (ServerRow("other-15", "src-15"), "Problem", new[] { "SourceServer" }),
                (ServerRow("shared-16", "src-16"), "Problem", new[] { "SourceServer" }),
                (ServerRow("shared-17", "src-16"), "Problem", new[] { "SourceServer" }),
                (ServerRow("moved-18", "src-18"), "Problem", new[] { "Name" }),
                (ServerRow("notarget-19", "src-19", r => r.Remove("Template")), "Problem", new[] { "Template" }),
                (ServerRow("both-20", "src-20", r => r["TargetServerId"] = TargetEcs), "Problem", new[] { "Template" }),
                (ServerRow("ecs-21", "src-21", r => { r.Remove("Template"); r["TargetServerId"] = "i-12345"; }), "Problem", new[] { "TargetServerId" }),
                (ServerRow("tpl-22", "src-22", r => r["Template"] = "no-such, template"), "Problem", new[] { "Template" }),
                (ServerRow("half-23", "src-23", r => r["Template"] = "half-template"), "Problem", new[] { "Template" }),
                (ServerRow("proj-24", "src-24", r => r["MigrationProject"] = "wave-9"), "Problem", new[] { "MigrationProject" }),
                (ServerRow("type-25", "src-25", r => r["Type"] = "MIGRATE_DISK"), "Problem", new[] { "Type" }),
                (ServerRow("prio-26", "src-26", r => r["Priority"] = "Urgent"), "Problem", new[] { "Priority" }),
                (ServerRow("speed-27", "src-27", r => r["SpeedLimit"] = "5000"), "Problem", new[] { "SpeedLimit" }),
                (ServerRow("sync-28", "src-28", r => r["Syncing"] = "maybe"), "Problem", new[] { "Syncing" }),
                (ServerRow("start-29", "src-29", r => r["StartTargetServer"] = "2"), "Problem", new[] { "StartTargetServer" }),
                (RedisRow("redis-30", r => { r.Remove("VpcId"); r.Remove("SubnetId"); r.Remove("SecurityGroupId"); }), "Problem", new[] { "VpcId", "SubnetId", "SecurityGroupId" }),
                (RedisRow("redis-31", r => r.Remove("SourceAddress")), "Problem", new[] { "SourceAddress" }),
                (RedisRow("redis-32", r => r.Remove("TargetInstanceId")), "Problem", new[] { "TargetInstanceId" }),
                (RedisRow("redis-33", r => r["Method"] = "Partial"), "Problem", new[] { "Method" }),
                (RedisRow("redis-34", r => r["BandwidthLimitMB"] = "fast"), "Problem", new[] { "BandwidthLimitMB" }),
                (RedisRow("redis-35", r => r["SourceAddress"] = "redis://:" + AddressSecret + "@10.0.0.1:6379"), "Problem", new[] { "SourceAddress" }),
                (ServerRow("secret-36", "src-36", r => r["Password"] = Secret), "Problem", new[] { "Password" }),
                (ServerRow("typo-37", "src-37", r => r["Priorty"] = "High"), "Problem", new[] { "Priorty" }),
                (ServerRow("ctl-38", "src-38\nweb\u001b[2J"), "Problem", new[] { "SourceServer" }),
                (RedisRow("redis-39", r => r["VpcId"] = "vpc 0001"), "Problem", new[] { "VpcId" }),
                (ServerRow("long-40", new string('x', 500)), "Problem", new[] { "SourceServer" }),
            };
        }

        private static string Csv(string value) =>
            value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

        private string WriteCsv(IEnumerable<Dictionary<string, string>> rows)
        {
            var sb = new StringBuilder(string.Join(",", Header)).Append("\r\n");
            foreach (var row in rows) sb.Append(string.Join(",", Header.Select(h => Csv(row.TryGetValue(h, out var v) ? v : string.Empty)))).Append("\r\n");
            var path = Path.Combine(_dir, "wave.csv");
            File.WriteAllText(path, sb.ToString(), new UTF8Encoding(true));
            return path;
        }

        /// <summary>The row with every column of the CSV header (blank when the row has none), as a CSV file gives it.</summary>
        private static Dictionary<string, string> Full(Dictionary<string, string> row) => Header.ToDictionary(h => h, h => row.TryGetValue(h, out var v) ? v : string.Empty);

        private string WriteJson(IEnumerable<Dictionary<string, string>> rows)
        {
            var path = Path.Combine(_dir, "wave.json");
            File.WriteAllText(path, JsonConvert.SerializeObject(rows.Select(Full)));
            return path;
        }

        /// <summary>Each row's status and that each problem sentence names the expected column.</summary>
        private static void AssertChecks(List<(Dictionary<string, string> Row, string Status, string[] Columns)> plan, PsResult result)
        {
            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            var checks = result.Objects<MigrationPlanCheck>().ToList();
            Assert.Equal(plan.Count, checks.Count);
            for (var i = 0; i < plan.Count; i++)
            {
                var (row, status, columns) = plan[i];
                var check = checks[i];
                var label = "row " + (i + 1) + " (" + row["Name"] + "): " + string.Join(" | ", check.Problems);
                Assert.True(i + 1 == check.Row, label);
                Assert.True(status == check.Status, label + " — status " + check.Status + ", expected " + status);
                if (status != "Problem")
                {
                    Assert.True(check.Problems.Length == 0, label);
                    continue;
                }
                foreach (var column in columns) Assert.True(check.Problems.Any(p => p.StartsWith(column + ": ", StringComparison.Ordinal)), label + " — expected a problem naming " + column);
                Assert.All(check.Problems, p => Assert.True(p.Length < 400, "too long: " + p));
                Assert.All(check.Problems, p => Assert.DoesNotContain(p, c => char.IsControl(c)));
            }
            Assert.Equal(3, checks.Count(c => c.Status == "Ready"));
            Assert.Equal(2, checks.Count(c => c.Status == "Exists"));
        }

        [Fact]
        public void A_plan_of_40_rows_from_CSV_reports_each_problem_on_its_column_with_a_few_reads_only()
        {
            var plan = Plan();
            var path = WriteCsv(plan.Select(p => p.Row));
            Sim.State.ClearRequests();

            var result = Ps.Run("$DebugPreference = 'Continue'; Test-HuaweiMigrationPlan -Path $args[0] -Verbose", path);

            var checks = result.Objects<MigrationPlanCheck>().ToList();
            AssertChecks(plan, result);
            // The ones to read closely: the sentence says what is wrong and the fix.
            Assert.Contains(checks[2].TaskId, Sim.State.Sms.Ids);
            Assert.NotNull(checks[4].TaskId);
            Assert.Contains(checks[12].Problems, p => p.Contains("matches 2 source servers"));
            Assert.Contains(checks[13].Problems, p => p.Contains("not connected"));
            Assert.Contains(checks[14].Problems, p => p.Contains("'legacy-15'"));
            Assert.Contains(checks[15].Problems, p => p.Contains("rows 16, 17"));
            Assert.Contains(checks[21].Problems, p => p.Contains("'no-such, template'")); // a quoted comma read as one value
            var half = Assert.Single(checks[22].Problems);
            Assert.Contains("no VPC", half);
            Assert.Contains("no security group", half);
            Assert.DoesNotContain("flavor", half);
            Assert.Contains(checks[36].Problems, p => p.Contains("rename the column to Priority"));
            Assert.Contains(checks[37].Problems, p => p.Contains("control character"));
            Assert.Contains(checks[39].Problems, p => p.Contains(new string('x', 60) + "…'") && !p.Contains(new string('x', 61)));
            // Unknown columns are said once, for the plan: Notes is ignored (row 1 stays Ready), Priorty gets a suggestion.
            var warning = Assert.Single(result.Warning);
            Assert.Contains("'Notes'", warning);
            Assert.Contains("'Priorty' (did you mean Priority?)", warning);
            // Reads only, and a few listing pages for 40 rows, not one request per row.
            Assert.All(Sim.State.Requests, r => Assert.Equal("GET", r.Method));
            Assert.InRange(Sim.State.Requests.Count(r => !r.Path.StartsWith("/v3/auth", StringComparison.Ordinal)), 1, 8);
            Assert.NotEmpty(result.Debug); // the request lines were written, and hold no secret either
            NoSecretAnywhere(result);
        }

        [Fact]
        public void JSON_and_piped_rows_give_the_same_checks_as_CSV()
        {
            var plan = Plan();
            var json = WriteJson(plan.Select(p => p.Row));
            var csv = WriteCsv(plan.Select(p => p.Row));

            var fromJson = Ps.Run("Test-HuaweiMigrationPlan -Path $args[0]", json);
            AssertChecks(plan, fromJson);
            // What Import-Csv writes (Microsoft.PowerShell.Utility is not in the test host): an object per row, every
            // header column a string property, blank cells empty strings.
            Ps.Set("imported", plan.Select(p =>
            {
                var o = new PSObject();
                foreach (var (column, value) in Full(p.Row)) o.Properties.Add(new PSNoteProperty(column, value));
                return o;
            }).ToArray());
            var fromCsvPipe = Ps.Run("$imported | Test-HuaweiMigrationPlan");
            AssertChecks(plan, fromCsvPipe);
            Ps.Set("rows", plan.Select(p => new System.Collections.Hashtable(Full(p.Row))).ToArray());
            var fromHashtables = Ps.Run("$rows | Test-HuaweiMigrationPlan");
            AssertChecks(plan, fromHashtables);

            string Shape(PsResult r) => JsonConvert.SerializeObject(r.Objects<MigrationPlanCheck>().Select(c => new { c.Row, c.Name, c.Kind, c.Status, c.Problems, c.TaskId }));
            var fromFile = Ps.Run("Test-HuaweiMigrationPlan -Path $args[0]", csv);
            Assert.Equal(Shape(fromFile), Shape(fromJson));
            Assert.Equal(Shape(fromFile), Shape(fromCsvPipe));
            NoSecretAnywhere(fromJson);
            NoSecretAnywhere(fromHashtables);
        }

        /// <summary>The secret-like column's value and the password in an address appear in no object, stream, error or request.</summary>
        private void NoSecretAnywhere(PsResult result)
        {
            foreach (var secret in new[] { Secret, AddressSecret })
            {
                Assert.DoesNotContain(secret, result.AllText());
                Assert.DoesNotContain(secret, JsonConvert.SerializeObject(result.Output.Select(o => o.BaseObject)));
                Assert.All(Sim.State.Requests, q => Assert.DoesNotContain(secret, (q.Body ?? string.Empty) + q.QueryString + q.Path));
            }
        }

        [Fact]
        public void Missing_columns_are_named_with_the_misspelt_column_when_there_is_one()
        {
            Sim.State.Sms.AddSourceServer("src-01");
            Sim.State.Sms.Templates.Add("web-template");
            var path = Path.Combine(_dir, "typo.csv");
            File.WriteAllText(path, "Name,SourceSever,Template\nweb-01,src-01,web-template\n");
            var json = Path.Combine(_dir, "missing.json");
            File.WriteAllText(json, "[{\"Name\":\"web-02\"},{\"Kind\":\"Redis\",\"Name\":\"cache-01\",\"SourceAddress\":\"10.0.0.1:6379\",\"TargetInstanceId\":\"dcs-1\"}]");

            var typo = Ps.Run("Test-HuaweiMigrationPlan -Path $args[0]", path);
            var check = Assert.Single(typo.Objects<MigrationPlanCheck>());
            Assert.Equal("Problem", check.Status);
            Assert.Equal("SourceSever: is not a plan column, so this row's value in it would be ignored: rename the column to SourceServer.", Assert.Single(check.Problems));
            Assert.Contains("(did you mean SourceServer?)", Assert.Single(typo.Warning));

            var missing = Ps.Run("Test-HuaweiMigrationPlan -Path $args[0]", json).Objects<MigrationPlanCheck>().ToList();
            Assert.Contains(missing[0].Problems, p => p.StartsWith("SourceServer: the plan has no SourceServer column", StringComparison.Ordinal));
            Assert.Contains(missing[0].Problems, p => p.StartsWith("Template: the plan has neither a Template nor a TargetServerId column", StringComparison.Ordinal));
            foreach (var column in new[] { "VpcId", "SubnetId", "SecurityGroupId" })
            {
                Assert.Contains(missing[1].Problems, p => p.StartsWith(column + ": the plan has no " + column + " column", StringComparison.Ordinal));
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task A_template_seeded_without_its_parts_is_named_part_by_part()
        {
            // Through the control API Add-SimSmsTemplate -NoVpc -NoNic -NoSecurityGroup -NoFlavor -NoAvailabilityZone calls.
            using (var http = new System.Net.Http.HttpClient { BaseAddress = Sim.BaseUri })
            {
                var body = "{\"name\":\"bare\",\"vpc\":false,\"nic\":false,\"securityGroup\":false,\"flavor\":\"\",\"availabilityZone\":\"\"}";
                using var answer = await http.PostAsync("_sim/sms/templates", new System.Net.Http.StringContent(body, Encoding.UTF8, "application/json"));
                Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
            }
            Sim.State.Sms.AddSourceServer("src-01");
            Ps.Set("rows", new[] { new System.Collections.Hashtable { ["Name"] = "web-01", ["SourceServer"] = "src-01", ["Template"] = "bare" } });

            var check = Assert.Single(Ps.Run("$rows | Test-HuaweiMigrationPlan").Objects<MigrationPlanCheck>());

            Assert.Equal("Problem", check.Status);
            Assert.Equal("Template: 'bare' has no VPC, no NIC (subnet), no security group, no flavor and no availability zone, which a new target server needs: set them (Set-SmsTemplate) or choose another template.",
                Assert.Single(check.Problems));
        }

        [Theory]
        [InlineData("none.csv", null, "MigrationPlanNotFound", "does not exist")]
        [InlineData("plan.json", "[{\"Name\": \"web-01\",", "MigrationPlanUnreadable", "not valid JSON")]
        [InlineData("plan.xlsx", "PK\u0003\u0004", "MigrationPlanUnreadable", "spreadsheet")]
        [InlineData("plan.csv", "PK\u0003\u0004\0\0binary", "MigrationPlanUnreadable", "not a text file")]
        [InlineData("plan.csv", "hostname;ip;owner\nweb-01;10.0.0.1;me\n", "MigrationPlanUnreadable", "names none of the plan columns")]
        [InlineData("plan.csv", "Name,SourceServer\n\"web-01,src-01\n", "MigrationPlanUnreadable", "never closed")]
        public void A_plan_that_cannot_be_read_stops_before_any_request(string file, string? content, string errorId, string says)
        {
            var path = Path.Combine(_dir, file);
            if (content != null) File.WriteAllText(path, content);

            var result = Ps.Run("try { Test-HuaweiMigrationPlan -Path $args[0]; 'not stopped' } catch { $_ }", path);

            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.StartsWith(errorId, error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(says, error.ErrorDetails?.Message ?? error.Exception.Message);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Quotas_are_warnings_and_the_rows_stay_Ready()
        {
            var sms = Sim.State.Sms;
            for (var i = 0; i < 100; i++) sms.Add(name: "running-" + i, state: "RUNNING");
            sms.AddSourceServer("src-01");
            sms.Templates.Add("web-template");
            Ps.Set("rows", new[] { new System.Collections.Hashtable { ["Name"] = "web-01", ["SourceServer"] = "src-01", ["Template"] = "web-template" } });

            var result = Ps.Run("$rows | Test-HuaweiMigrationPlan");

            Assert.Equal("Ready", Assert.Single(result.Objects<MigrationPlanCheck>()).Status);
            var warning = Assert.Single(result.Warning);
            Assert.Contains("would start 1 migration while 100 already run in the account: 101 at once is more than the 100", warning);
            Assert.Contains("100", warning);

            var many = Ps.Run("1..1001 | ForEach-Object { @{ Name = 'web-' + $_; SourceServer = 'src-' + $_; TargetServerId = '" + TargetEcs + "' } } | Test-HuaweiMigrationPlan");
            Assert.Equal(1001, many.Objects<MigrationPlanCheck>().Count());
            Assert.Contains(many.Warning, w => w.Contains("1001 server rows, more than the 1000 source servers"));
        }
    }
}
