using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Conformance;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// SMS triage over the simulator: Get-SmsOverview, Get-SmsMigrationError, Get-SmsConsistencyResult,
    /// Get-/Set-SmsTaskConfiguration and Send-SmsTaskLog. Request bodies are held against the official SDK's body
    /// models (sdk-shapes.json), which neither the client nor the simulator wrote.
    /// </summary>
    public class TriageTests : LifecycleTestBase
    {
        private static readonly Lazy<JObject> Shapes = new Lazy<JObject>(() => JObject.Parse(File.ReadAllText(SdkShapes.FilePath)));

        /// <summary>The body of the only request to <paramref name="path"/>, checked against the SDK body model: types, no unknown key, every required key.</summary>
        private JObject SentBody(string method, string path, string model)
        {
            var body = JObject.Parse(Assert.Single(Sim.State.Requests, q => q.Method == method && q.Path == path).Body!);
            var problems = SdkShapes.Instance.Validate(body, model, method + " " + path);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            foreach (var required in (JArray?)Shapes.Value["models"]![model]!["required"] ?? new JArray())
            {
                Assert.True(body[(string)required!] != null, model + " requires " + required);
            }
            foreach (var item in body["configurations"] as JArray ?? new JArray())
            {
                foreach (var required in (JArray)Shapes.Value["models"]!["ConfigBody"]!["required"]!) Assert.NotNull(item[(string)required!]);
            }
            return body;
        }


        [Fact]
        public void The_overview_counts_the_source_servers_by_state()
        {
            foreach (var i in Enumerable.Range(0, 3)) Sim.State.Sms.AddSourceServer("idle-" + i);
            Sim.State.Sms.AddSourceServer("offline-0", connected: false);
            Sim.State.Sms.AddSourceServer("offline-1", connected: false);
            var broken = Sim.State.Sms.AddSourceServer("broken");
            Sim.State.Sms.SetSourceServerError(broken, "{\"error_code\":\"SMS.6509\",\"error_msg\":\"disk\"}");
            AddTasks(2, "RUNNING");
            AddTasks(1, "MIGRATE_SUCCESS");
            Sim.State.ClearRequests();

            var r = Ps.Run("Get-SmsOverview");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var overview = Assert.Single(r.Objects<SmsOverview>());
            Assert.Equal((3, 2, 1, 2, 1, 9), (overview.Waiting, overview.Unavailable, overview.Error, overview.Replicate, overview.Finished, overview.Total));
            Assert.Equal("/v3/sources/overview", Assert.Single(Sim.State.Requests).Path);
        }

        [Fact]
        public void Migration_errors_are_paged_and_read_into_code_message_and_parameters()
        {
            var servers = Enumerable.Range(0, 130).Select(i => Sim.State.Sms.AddSourceServer("bad-" + i.ToString("000"))).ToList();
            foreach (var (id, i) in servers.Select((id, i) => (id, i)))
            {
                Sim.State.Sms.SetSourceServerError(id, "{\"error_code\":\"SMS.65" + (i % 10) + "0\",\"error_msg\":\"Disk " + i + " unreadable\",\"error_param\":[\"/dev/vd" + i + "\",\"" + i + "\"]}");
            }
            Sim.State.Sms.AddSourceServer("healthy");
            var failedTask = AddTasks(1, "MIGRATE_FAIL", "failed").Single();
            AddTasks(1, "RUNNING", "fine");
            Sim.State.ClearRequests();

            var r = Ps.Run("Get-SmsMigrationError");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var errors = r.Objects<SmsMigrationError>().ToList();
            Assert.Equal(131, errors.Count);
            var first = errors.Single(e => e.Name == "bad-007");
            Assert.Equal(servers[7], first.Id);
            Assert.Equal(servers[7], first.SourceServerId);
            Assert.Equal("SMS.6570", first.ErrorCode);
            Assert.Equal("Disk 7 unreadable", first.ErrorMessage);
            Assert.Equal(new[] { "/dev/vd7", "7" }, first.ErrorParameters);
            Assert.Contains("\"error_code\":\"SMS.6570\"", first.ErrorJson);
            Assert.Equal("bad-007", first.HostName);
            Assert.False(string.IsNullOrEmpty(first.SourceIp));

            // The failed task's source server is one of them, with its task's error and target address.
            var task = Ps.Run("Get-SmsTask -Id $args[0]", failedTask).Objects<SmsTask>().Single();
            var ofTask = errors.Single(e => e.Id == task.SourceServer!.Id);
            Assert.Equal("SMS.6509", ofTask.ErrorCode);
            Assert.Equal(task.TargetServer!.Ip, ofTask.TargetIp);

            // Paged by the module: offset always sent (the SDK requires it), at most 100 a page.
            var pages = Sim.State.Requests.Where(q => q.Path == "/v3/errors").ToList();
            Assert.Equal(2, pages.Count);
            Assert.All(pages, p => Assert.True(p.Query.ContainsKey("offset") && int.Parse(p.Query["limit"]) <= 100, p.QueryString));

            // -First stops the paging; -EnterpriseProjectId goes to the API.
            Sim.State.ClearRequests();
            Assert.Equal(5, Ps.Run("Get-SmsMigrationError -First 5").Objects<SmsMigrationError>().Count());
            Assert.Single(Sim.State.Requests);
            Assert.Empty(Ps.Run("Get-SmsMigrationError -EnterpriseProjectId ep-none").Objects<SmsMigrationError>());
            Assert.Contains(Sim.State.Requests, q => q.Path == "/v3/errors" && q.Query.TryGetValue("enterprise_project_id", out var ep) && ep == "ep-none");
        }

        [Fact]
        public void An_error_json_that_is_not_json_costs_only_that_row_and_server_text_is_cleaned()
        {
            var good = Sim.State.Sms.AddSourceServer("good-json");
            var plain = Sim.State.Sms.AddSourceServer("plain-text");
            var broken = Sim.State.Sms.AddSourceServer("broken-json");
            var hostile = Sim.State.Sms.AddSourceServer("hostile");
            Sim.State.Sms.SetSourceServerError(good, "{\"error_code\":\"SMS.6509\",\"error_msg\":\"bad disk\",\"error_param\":\"/dev/vdb\"}");
            Sim.State.Sms.SetSourceServerError(plain, "agent crashed: out of memory");
            Sim.State.Sms.SetSourceServerError(broken, "{\"error_code\":\"SMS.6509\",\"error_msg\":");
            Sim.State.Sms.SetSourceServerError(hostile, "{\"error_code\":\"SMS.6509\",\"error_msg\":\"disk\\u001b]0;pwned\\u0007 full\\u001b[2J\"}");

            var r = Ps.Run("Get-SmsMigrationError");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var byName = r.Objects<SmsMigrationError>().ToDictionary(e => e.Name!);
            Assert.Equal(4, byName.Count);
            Assert.Equal(("SMS.6509", "bad disk"), (byName["good-json"].ErrorCode, byName["good-json"].ErrorMessage));
            Assert.Equal(new[] { "/dev/vdb" }, byName["good-json"].ErrorParameters);
            foreach (var name in new[] { "plain-text", "broken-json" })
            {
                Assert.Null(byName[name].ErrorCode);
                Assert.Null(byName[name].ErrorMessage);
                Assert.Empty(byName[name].ErrorParameters);
            }
            Assert.Equal("agent crashed: out of memory", byName["plain-text"].ErrorJson);
            Assert.Equal("{\"error_code\":\"SMS.6509\",\"error_msg\":", byName["broken-json"].ErrorJson);
            Assert.Equal("disk full", byName["hostile"].ErrorMessage);
            Assert.DoesNotContain('\u001b', byName["hostile"].ErrorJson!);
            Assert.DoesNotContain('\u001b', r.AllText());
        }

        [Fact]
        public void Consistency_results_come_per_task_from_the_pipeline_and_an_unknown_task_is_ObjectNotFound()
        {
            var ids = AddTasks(2, "MIGRATE_SUCCESS", "checked");
            Sim.State.Sms.SetConsistencyResults(ids[0], new[]
            {
                "{\"finished_time\":1700000000000,\"check_result\":\"FAILED\",\"consistency_result\":[{\"dir_check\":\"/data\",\"num_total_files\":10,\"num_different_files\":2,\"num_target_miss_files\":1,\"num_target_more_files\":0}]}",
                "{\"dir_check\":\"/etc\",\"num_total_files\":5,\"num_different_files\":0,\"num_target_miss_files\":0,\"num_target_more_files\":0}",
                "check skipped: agent busy",
            });
            Sim.State.ClearRequests();

            var r = Ps.Run("Get-SmsTask -State MIGRATE_SUCCESS | Get-SmsConsistencyResult; Get-SmsConsistencyResult -Id 0123456789abcdef0123456789abcdef");
            var results = r.Objects<SmsConsistencyResult>().ToList();
            Assert.Equal(ids, results.Select(x => x.TaskId));
            Assert.Equal(3, results[0].ResultList.Count);
            Assert.Contains("/data", results[0].ResultList[0]);
            Assert.Equal("check skipped: agent busy", results[0].ResultList[2]);
            // The texts that are JSON, read; the one that is not stays in ResultList only.
            Assert.Equal(2, results[0].Checks.Count);
            Assert.Equal(("FAILED", new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc)), (results[0].Checks[0].CheckResult, results[0].Checks[0].FinishedTime!.Value));
            Assert.Equal("/data 2 of 10 differ, 1 missing, 0 extra", results[0].Checks[0].ConsistencyResult.Single().ToString());
            Assert.Equal("/etc", results[0].Checks[1].ConsistencyResult.Single().DirCheck);
            Assert.Empty(results[1].ResultList);
            Assert.Empty(results[1].Checks);
            var missing = r.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
            Assert.Contains("No SMS task has the id '0123456789abcdef0123456789abcdef'", missing.ToString());
            Assert.Equal(3, Sim.State.Requests.Count(q => q.Path.EndsWith("/consistency-result", StringComparison.Ordinal)));
        }

        [Fact]
        public void Settings_set_from_a_hashtable_keep_the_others_read_back_equal_and_send_the_SDK_body()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var first = Ps.Run("Set-SmsTaskConfiguration -Id $args[0] -Configuration @{ MigrateExcludeDir = '/tmp', '/var/cache'; LINUX_CPU_LIMIT = 50 } -PassThru", id);
            Assert.True(first.Errors.Count == 0, first.Describe());
            var shown = Assert.Single(first.Objects<SmsTaskConfiguration>());
            Assert.Equal(id, shown.TaskId);
            Assert.Equal("/tmp,/var/cache", shown["MIGRATE_EXCLUDE_DIR"]);
            Assert.Equal("50", shown["LINUX_CPU_LIMIT"]);
            var body = SentBody("POST", "/v3/tasks/" + id + "/configuration-setting", "ConfigurationRequestBody");
            Assert.Equal(2, ((JArray)body["configurations"]!).Count);

            // A second change keeps what the first set, and $null removes a setting.
            Sim.State.ClearRequests();
            var second = Ps.Run("Get-SmsTask -Id $args[0] | Set-SmsTaskConfiguration -Configuration @{ sync_exclude_dir = '/var/log'; LinuxCpuLimit = $null }", id);
            Assert.True(second.Errors.Count == 0, second.Describe());
            Assert.Empty(second.Output);
            SentBody("POST", "/v3/tasks/" + id + "/configuration-setting", "ConfigurationRequestBody");
            Assert.Equal(
                new[] { "MIGRATE_EXCLUDE_DIR=/tmp,/var/cache", "SYNC_EXCLUDE_DIR=/var/log" },
                Sim.State.Sms.GetConfiguration(id)!.Select(c => c.Key + "=" + c.Value).OrderBy(x => x, StringComparer.Ordinal));

            // Read back, whole or one setting (by either spelling).
            var all = Ps.Run("Get-SmsTask -Id $args[0] | Get-SmsTaskConfiguration", id).Objects<SmsTaskConfiguration>().Single();
            Assert.Equal(2, all.Configurations.Count);
            Assert.False(string.IsNullOrEmpty(all.MigrateType));
            Sim.State.ClearRequests();
            var one = Ps.Run("Get-SmsTaskConfiguration $args[0] -Key SyncExcludeDir", id).Objects<SmsTaskConfiguration>().Single();
            Assert.Equal("SYNC_EXCLUDE_DIR=/var/log", Assert.Single(one.Configurations).ToString());
            Assert.Equal("SYNC_EXCLUDE_DIR", Assert.Single(Sim.State.Requests).Query["config_key"]);
        }

        [Theory]
        [InlineData("@{ MIGRATE_EXCLUDE_DIR = '/tmp'; NoSuchSetting = 1 }", "Unknown setting 'NoSuchSetting'")]
        [InlineData("@{ MIGRATE_EXCLUDE_DIR = '/tmp'; MigrateExcludeDir = '/var' }", "given twice")]
        [InlineData("@{}", "No setting is given")]
        [InlineData("@{ ONLY_SYNC_DIR = @{ Path = '/data' } }", "ONLY_SYNC_DIR is a hashtable")]
        [InlineData("@{ ONLY_SYNC_DIR = 'x' * 1025 }", "at most 1024")]
        [InlineData("@{ ONLY_SYNC_DIR = \"/data`e[2J\" }", "U+001B")]
        public void A_bad_configuration_is_refused_before_any_request_naming_the_setting(string configuration, string message)
        {
            var ids = AddTasks(2, "RUNNING");
            Sim.State.ClearRequests();
            var r = Ps.Run("Get-SmsTask | Set-SmsTaskConfiguration -Configuration " + configuration);
            var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
            Assert.Equal("InvalidSmsTaskConfiguration", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(message, error.ToString());
            Assert.DoesNotContain(Sim.State.Requests, q => q.Path.Contains("configuration-setting", StringComparison.Ordinal));
            Assert.All(ids, id => Assert.Empty(Sim.State.Sms.GetConfiguration(id)!));
        }

        [Fact]
        public void WhatIf_changes_no_setting_and_one_missing_task_does_not_stop_the_others()
        {
            var ids = AddTasks(2, "RUNNING");
            Ps.Run("Set-SmsTaskConfiguration -Id $args[0] -Configuration @{ LINUX_IO_LIMIT = 100 } -WhatIf", ids[0]);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "POST");

            var r = Ps.Run("Set-SmsTaskConfiguration -Id $args[0], 0123456789abcdef0123456789abcdef, $args[1] -Configuration @{ LINUX_IO_LIMIT = 100 }", ids[0], ids[1]);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("No SMS task has the id '0123456789abcdef0123456789abcdef'", error.ToString());
            Assert.All(ids, id => Assert.Equal("LINUX_IO_LIMIT=100", string.Join(";", Sim.State.Sms.GetConfiguration(id)!.Select(c => c.Key + "=" + c.Value))));
        }

        [Fact]
        public void A_log_upload_sends_the_bucket_and_the_task_shows_it_uploading_then_uploaded()
        {
            var ids = AddTasks(2, "MIGRATE_FAIL", "failed");
            Sim.State.Sms.LogUploadDuration = TimeSpan.FromSeconds(30);
            var r = Ps.Run("Get-SmsTask -State MIGRATE_FAIL | Send-SmsTaskLog -BucketName sms-support-logs -Confirm:$false");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(r.Output);
            foreach (var id in ids)
            {
                var body = SentBody("POST", "/v3/tasks/" + id + "/log", "UploadLogRequestBody");
                Assert.Equal("sms-support-logs", (string?)body["log_bucket"]);
                Assert.Equal(("sms-support-logs", "UPLOADING"), Sim.State.Sms.GetLogCollection(id));
            }
            Assert.Equal("UPLOADING", Ps.Run("Get-SmsTask -Id $args[0]", ids[0]).Objects<SmsTask>().Single().LogCollectStatus);

            Sim.State.Sms.LogUploadDuration = TimeSpan.Zero;
            Ps.Run("Send-SmsTaskLog $args[0] sms-support-logs -Confirm:$false", ids[1]);
            Assert.Equal("UPLOADED", Ps.Run("Get-SmsTask -Id $args[0]", ids[1]).Objects<SmsTask>().Single().LogCollectStatus);
        }

        [Theory]
        [InlineData("Send-SmsTaskLog -Id $args[0] -BucketName sms-support-logs -WhatIf", null)]
        [InlineData("Send-SmsTaskLog -Id $args[0] -BucketName 'Support Logs' -Confirm:$false", "not an OBS bucket name")]
        [InlineData("Send-SmsTaskLog -Id $args[0] -BucketName '192.168.1.10' -Confirm:$false", "not an OBS bucket name")]
        [InlineData("Send-SmsTaskLog -Id $args[0] -BucketName \"logs`n\" -Confirm:$false", "U+000A")]
        public void A_log_upload_refused_or_asked_about_sends_nothing(string script, string? message)
        {
            var id = AddTasks(1, "MIGRATE_FAIL").Single();
            Sim.State.ClearRequests();
            var r = Ps.Run(script, id);
            if (message != null)
            {
                var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
                Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
                Assert.Contains(message, error.ToString());
            }
            Assert.Empty(Sim.State.Requests);
            Assert.Equal((null, "INIT"), Sim.State.Sms.GetLogCollection(id));
        }

        [Fact]
        public void A_failure_other_than_not_found_names_the_task()
        {
            var id = AddTasks(1, "RUNNING").Single();
            Sim.State.AddFault(new HuaweiMigration.Simulator.FaultRule
            {
                Kind = HuaweiMigration.Simulator.FaultKind.Error, Method = "POST", PathPattern = "/log$", StatusCode = 403, ErrorCode = "SMS.0403", ErrorMessage = "Not allowed.", Count = 1,
            });
            var r = Ps.Run("Send-SmsTaskLog -Id $args[0] -BucketName sms-support-logs -Confirm:$false", id);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("SMS task " + id, error.ToString());
            Assert.Equal(id, error.TargetObject);
        }
        [Fact]
        public void A_reseed_forgets_settings_results_log_uploads_and_errors()
        {
            Sim.State.Reseed(6, null);
            var id = Sim.State.Sms.Ids[0];
            var idle = Sim.State.Sms.AddSourceServer("idle");
            Sim.State.Sms.SetSourceServerError(idle, "{}");
            Sim.State.Sms.SetConsistencyResults(id, new[] { "r" });
            Assert.True(Ps.Run("Set-SmsTaskConfiguration $args[0] @{ LINUX_CPU_LIMIT = 5 }; Send-SmsTaskLog $args[0] support-logs -Confirm:$false", id).Errors.Count == 0);
            var before = Ps.Run("Get-SmsMigrationError").Objects<SmsMigrationError>().Count();

            Sim.State.Reseed(6, null);
            Assert.Equal(id, Sim.State.Sms.Ids[0]); // the same seeded task, as a fresh simulator has it
            Assert.Empty(Sim.State.Sms.GetConfiguration(id)!);
            Assert.Equal((null, "INIT"), Sim.State.Sms.GetLogCollection(id));
            Assert.Empty(Ps.Run("Get-SmsConsistencyResult $args[0]", id).Objects<SmsConsistencyResult>().Single().ResultList);
            Assert.Equal(before - 1, Ps.Run("Get-SmsMigrationError").Objects<SmsMigrationError>().Count());
        }
        [Fact]
        public void Failing_servers_pipe_into_Get_SmsSourceServer_and_setting_names_complete()
        {
            var broken = Sim.State.Sms.AddSourceServer("broken");
            Sim.State.Sms.AddSourceServer("fine");
            Sim.State.Sms.SetSourceServerError(broken, "{\"error_code\":\"SMS.6509\"}");
            var r = Ps.Run("Get-SmsMigrationError | Get-SmsSourceServer");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(broken, Assert.Single(r.Objects<SmsSourceServer>()).Id);

            var completed = Ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", "Get-SmsTaskConfiguration -Id t1 -Key LINUX_");
            Assert.Equal(new[] { "LINUX_BLOCK_CACHE_SIZE", "LINUX_BLOCK_COMPRESS_THREAD_NUM", "LINUX_CPU_LIMIT", "LINUX_IO_LIMIT", "LINUX_MEM_LIMIT" },
                completed.Output.Select(o => o.ToString()).OrderBy(x => x, StringComparer.Ordinal));
        }
    }
}
