using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Conformance;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// New-DcsMigrationTask and Set-DcsMigrationTask over the simulator: both sets, the configuration never sent
    /// before RUNNING, -Wait to INCRMIGEATING, SUCCESS and FAILED, a failure between the two calls finished by
    /// Set-DcsMigrationTask -Configure, the bodies held to the SDK's models, refusals before any request, and the
    /// passwords found nowhere.
    /// </summary>
    public class NewDcsMigrationTaskTests : LifecycleTestBase
    {
        private const string SourcePw = "Src-PLANTED-pw-7c1e";
        private const string TargetPw = "Tgt-PLANTED-pw-92ab";
        private const string Target = "5e7a3b1c-0000-4000-8000-00000000abcd";
        private const string Network = " -VpcId vpc-0001 -SubnetId subnet-0001 -SecurityGroupId sg-0001";

        public NewDcsMigrationTaskTests()
        {
            Sim.State.Timings.DcsCreating = TimeSpan.FromMilliseconds(300);
            Sim.State.Timings.DcsMigrationStep = TimeSpan.FromMilliseconds(300);
            Ps.Set("spw", PsSession.Secure(SourcePw));
            Ps.Set("tpw", PsSession.Secure(TargetPw));
        }

        private string Online(string name, string method = "Incremental", string extra = "") =>
            "New-DcsMigrationTask -Name " + name + " -Online -SourceAddress 10.0.0.12:6380 -SourcePassword $spw -TargetInstanceId " + Target
            + " -TargetPassword $tpw -Method " + method + Network + " -PollInterval 0.1 " + extra;

        private RecordedRequest[] Creates => Sim.State.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/migration/instance", StringComparison.Ordinal)).ToArray();

        private RecordedRequest[] Configures => Sim.State.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/v2/", StringComparison.Ordinal) && r.Path.EndsWith("/task", StringComparison.Ordinal) && r.Path.Contains("/migration/", StringComparison.Ordinal)).ToArray();

        private static readonly Lazy<JObject> Models = new Lazy<JObject>(() => JObject.Parse(System.IO.File.ReadAllText(SdkShapes.FilePath)));

        /// <summary>The body held to the SDK's model: types, no unknown keys, and the model's required keys.</summary>
        private static JObject Checked(RecordedRequest request, string model)
        {
            var body = JObject.Parse(request.Body!);
            var problems = SdkShapes.Instance.Validate(body, model, request.Method + " " + request.Path);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            var required = Models.Value["models"]![model]!["required"] as JArray ?? new JArray();
            foreach (var key in required.Select(k => (string)k!)) Assert.True(body[key] != null && body[key]!.Type != JTokenType.Null, model + " needs " + key + ": " + body);
            return body;
        }

        private void AssertNoSecret(PsResult r, params PsResult[] more)
        {
            foreach (var result in new[] { r }.Concat(more))
            {
                var text = result.AllText();
                Assert.DoesNotContain(SourcePw, text, StringComparison.Ordinal);
                Assert.DoesNotContain(TargetPw, text, StringComparison.Ordinal);
            }
            foreach (var q in Sim.State.Requests)
            {
                var logged = q.Body + " " + q.QueryString + " " + string.Join(" ", q.Headers.Values);
                Assert.DoesNotContain(SourcePw, logged, StringComparison.Ordinal);
                Assert.DoesNotContain(TargetPw, logged, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Online_incremental_waits_for_RUNNING_before_configuring_and_with_Wait_until_INCRMIGEATING()
        {
            // A slow migration machine: the configuration must wait for it.
            Sim.State.Timings.DcsCreating = TimeSpan.FromSeconds(1.5);

            var r = Ps.Run(Online("redis-cart", extra: "-BandwidthLimitMB 100 -ResumeMode Manual -Wait -Timeout 60"));

            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var task = Assert.Single(r.Objects<DcsMigrationTask>());
            Assert.Equal(DcsMigrationTaskStatus.INCRMIGEATING, task.Status);
            Assert.Equal("redis-cart", task.TaskName);

            var create = Assert.Single(Creates);
            var configure = Assert.Single(Configures);
            Assert.EndsWith("/migration/" + task.TaskId + "/task", configure.Path, StringComparison.Ordinal);
            Assert.True(create.Sequence < configure.Sequence);
            // Not before the machine was ready: 1.5 s after the creation, answered 200 (the simulator refuses it before RUNNING).
            Assert.True(configure.Timestamp - create.Timestamp >= TimeSpan.FromSeconds(1.4), "configured " + (configure.Timestamp - create.Timestamp) + " after the creation");
            Assert.Equal(200, configure.StatusCode);
            // Between the two calls the task was read (the wait), and no refusal of the configuration was ever answered.
            Assert.Contains(Sim.State.Requests, q => q.Method == "GET" && q.Sequence > create.Sequence && q.Sequence < configure.Sequence);

            var created = Checked(create, "CreateOnlineMigrationTaskBody");
            Assert.Equal("redis-cart", (string?)created["name"]);
            Assert.Equal("vpc-0001", (string?)created["vpc_id"]);
            var body = Checked(configure, "SetOnlineMigrationTaskBody");
            Assert.Equal(JTokenType.String, body["bandwidth_limit_mb"]!.Type);
            Assert.Equal("100", (string?)body["bandwidth_limit_mb"]);
            Assert.Equal("incremental_migration", (string?)body["migration_method"]);
            Assert.Equal("manual", (string?)body["resume_mode"]);
            Assert.Equal("10.0.0.12:6380", (string?)body["source_instance"]!["addrs"]);
            Assert.Null(body["source_instance"]!["id"]);
            Assert.Equal(Target, (string?)body["target_instance"]!["id"]);
            Assert.Empty(SdkShapes.Instance.Validate(body["source_instance"]!, "ConfigMigrationInstanceBody", "source_instance"));
            // The passwords were sent (the log keeps only that there was one) and are nowhere else.
            Assert.NotNull(body["source_instance"]!["password"]);
            Assert.NotNull(body["target_instance"]!["password"]);
            AssertNoSecret(r);
        }

        [Fact]
        public void Online_full_from_a_DCS_instance_with_Wait_ends_SUCCESS_and_without_Wait_writes_the_task_read_back()
        {
            var r = Ps.Run("New-DcsMigrationTask -Name redis-a -Online -SourceInstanceId 6f00aa11-0000-4000-8000-000000000001 -TargetInstanceId " + Target + " -Method Full" + Network + " -PollInterval 0.1 -Wait");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Equal(DcsMigrationTaskStatus.SUCCESS, Assert.Single(r.Objects<DcsMigrationTask>()).Status);
            var body = Checked(Assert.Single(Configures), "SetOnlineMigrationTaskBody");
            Assert.Equal("full_amount_migration", (string?)body["migration_method"]);
            Assert.Equal("auto", (string?)body["resume_mode"]);
            Assert.Null(body["bandwidth_limit_mb"]);
            Assert.Equal("6f00aa11-0000-4000-8000-000000000001", (string?)body["source_instance"]!["id"]);
            Assert.Null(body["source_instance"]!["password"]);

            Sim.State.Timings.DcsMigrationStep = TimeSpan.FromHours(1);
            var quick = Ps.Run("New-DcsMigrationTask -Name redis-b -Online -SourceInstanceId 6f00aa11-0000-4000-8000-000000000001 -TargetInstanceId " + Target + " -Method Full" + Network + " -PollInterval 0.1");
            Assert.True(quick.Errors.Count == 0, quick.Describe());
            var task = Assert.Single(quick.Objects<DcsMigrationTask>());
            Assert.Equal(DcsMigrationTaskStatus.MIGRATING, task.Status);
            Assert.Equal("redis-b", task.TaskName);
        }

        [Fact]
        public void A_migration_that_fails_is_an_error_with_Wait()
        {
            Sim.State.Dcs.FailTaskNamed("redis-doomed", message: "The source Redis refused the connection.");
            var r = Ps.Run(Online("redis-doomed", extra: "-Wait -Timeout 60"));
            Assert.Empty(r.Objects<DcsMigrationTask>());
            var error = r.SingleError();
            Assert.Equal("DcsTaskFailed,HuaweiMigration.Commands.Dcs.NewDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("redis-doomed", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("FAILED", error.ToString(), StringComparison.Ordinal);
            AssertNoSecret(r);
        }

        [Fact]
        public void A_machine_that_fails_is_never_configured_and_the_error_says_to_remove_it()
        {
            Sim.State.Dcs.FailTaskNamed("redis-nomachine", atCreation: true);
            var r = Ps.Run(Online("redis-nomachine"));
            var error = r.SingleError();
            Assert.Equal("DcsTaskFailed,HuaweiMigration.Commands.Dcs.NewDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Remove-DcsMigrationTask", error.ToString(), StringComparison.Ordinal);
            Assert.Single(Creates);
            Assert.Empty(Configures);
        }

        [Fact]
        public void A_timeout_before_RUNNING_leaves_the_task_and_names_the_Set_command_that_finishes_it()
        {
            Sim.State.Timings.DcsCreating = TimeSpan.FromHours(1);
            var r = Ps.Run(Online("redis-slow", extra: "-Timeout 1 -BandwidthLimitMB 50") + " -Debug -Verbose -InformationAction Continue -WarningAction Continue");

            var error = r.SingleError();
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            var message = error.ToString();
            Assert.Contains("CREATING", message, StringComparison.Ordinal);
            Assert.Contains("Set-DcsMigrationTask -Id ", message, StringComparison.Ordinal);
            Assert.Contains("-Configure -SourceAddress 10.0.0.12:6380 -SourcePassword $sourcePassword -TargetInstanceId " + Target, message, StringComparison.Ordinal);
            Assert.Contains("-BandwidthLimitMB 50", message, StringComparison.Ordinal);
            Assert.Empty(Configures);
            var id = Assert.Single(Sim.State.Dcs.Ids);
            Assert.Equal("CREATING", Sim.State.Dcs.GetState(id));
            Assert.Contains(id, message, StringComparison.Ordinal);
            // -Debug shows the request lines, never the bodies with passwords.
            Assert.Contains(r.Debug, d => d.Contains("POST", StringComparison.Ordinal) && d.Contains("/migration/instance", StringComparison.Ordinal));

            // The machine is ready later: the command the error named finishes the task.
            Sim.State.Dcs.SetState(id, "RUNNING");
            var finish = Ps.Run("Set-DcsMigrationTask -Id " + id + " -Configure -SourceAddress 10.0.0.12:6380 -SourcePassword $spw -TargetInstanceId " + Target
                + " -TargetPassword $tpw -Method Incremental -BandwidthLimitMB 50 -PollInterval 0.1 -Wait -Debug");
            Assert.True(finish.Errors.Count == 0 && finish.Terminating is null, finish.Describe());
            Assert.Equal(DcsMigrationTaskStatus.INCRMIGEATING, Assert.Single(finish.Objects<DcsMigrationTask>()).Status);
            var body = Checked(Assert.Single(Configures), "SetOnlineMigrationTaskBody");
            Assert.Equal("50", (string?)body["bandwidth_limit_mb"]);
            Assert.Contains(finish.Debug, d => d.Contains("(body with credentials, not shown)", StringComparison.Ordinal));
            AssertNoSecret(r, finish);
        }

        [Theory]
        [InlineData("r\"d\\x")]   // short, and JSON-escaped when the service quotes it
        [InlineData("pässwörd")]   // non-ASCII, perhaps quoted as \u escapes
        public void A_configuration_error_that_quotes_the_password_never_shows_it(string password)
        {
            Ps.Set("short", PsSession.Secure(password));
            Sim.State.AddFault(new FaultRule
            {
                Method = "POST", PathPattern = "^/v2/[^/]+/migration/[^/]+/task$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "DCS.4800",
                ErrorMessage = "Cannot connect with password " + password + " (" + Newtonsoft.Json.JsonConvert.ToString(password, '"', Newtonsoft.Json.StringEscapeHandling.EscapeNonAscii) + ")",
            });
            var r = Ps.Run("New-DcsMigrationTask -Name redis-echo -Online -SourceAddress 10.0.0.12:6380 -SourcePassword $short -TargetInstanceId " + Target
                + " -Method Full" + Network + " -PollInterval 0.1");
            var error = r.SingleError();
            Assert.Equal("DCS.4800", ((HuaweiCloudApiException)error.Exception).ErrorCode);
            var shown = r.AllText() + error + error.Exception + error.ErrorDetails?.Message;
            Assert.DoesNotContain(password, shown, StringComparison.Ordinal);
            Assert.DoesNotContain(Newtonsoft.Json.JsonConvert.ToString(password, '"', Newtonsoft.Json.StringEscapeHandling.EscapeNonAscii).Trim('"'), shown, StringComparison.Ordinal);
            Assert.Contains("Cannot connect with password", shown, StringComparison.Ordinal);
        }

        [Fact]
        public void A_failed_configuration_call_leaves_the_task_and_Set_DcsMigrationTask_finishes_it()
        {
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v2/[^/]+/migration/[^/]+/task$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "DCS.4800", ErrorMessage = "Invalid parameter: simulated", Count = 1 });
            var r = Ps.Run(Online("redis-half", method: "Full"));

            var error = r.SingleError();
            // The service's code is the error id and its exception is kept whole; the message adds what to do.
            Assert.Equal("DCS.4800,HuaweiMigration.Commands.Dcs.NewDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal("DCS.4800", ((HuaweiCloudApiException)error.Exception).ErrorCode);
            Assert.Contains("Set-DcsMigrationTask -Id ", error.ToString(), StringComparison.Ordinal);
            var id = Assert.Single(Sim.State.Dcs.Ids);
            Assert.Equal("RUNNING", Sim.State.Dcs.GetState(id));
            Assert.False(Sim.State.Dcs.IsConfigured(id));

            var finish = Ps.Run("Set-DcsMigrationTask -Id " + id + " -Configure -SourceAddress 10.0.0.12:6380 -SourcePassword $spw -TargetInstanceId " + Target + " -TargetPassword $tpw -Method Full -PollInterval 0.1 -Wait");
            Assert.True(finish.Errors.Count == 0, finish.Describe());
            Assert.Equal(DcsMigrationTaskStatus.SUCCESS, Assert.Single(finish.Objects<DcsMigrationTask>()).Status);
            Assert.Equal(2, Configures.Length);
            AssertNoSecret(r, finish);
        }

        [Fact]
        public void Configuring_a_task_already_configured_is_refused_without_sending_it()
        {
            var r = Ps.Run(Online("redis-once", method: "Full"));
            Assert.True(r.Errors.Count == 0, r.Describe());
            var id = Assert.Single(r.Objects<DcsMigrationTask>()).TaskId;
            Sim.State.ClearRequests();

            var again = Ps.Run("Set-DcsMigrationTask -Id " + id + " -Configure -SourceAddress 10.0.0.12:6380 -TargetInstanceId " + Target + " -Method Full -PollInterval 0.1");
            var error = again.SingleError();
            Assert.Equal("DcsTaskConfigured,HuaweiMigration.Commands.Dcs.SetDcsMigrationTaskCommand", error.FullyQualifiedErrorId);
            Assert.Empty(Configures);
        }

        [Fact]
        public void The_simulator_refuses_a_configuration_out_of_order_with_DCS_codes()
        {
            Sim.State.Timings.DcsCreating = TimeSpan.FromHours(1);
            var r = Ps.Run(Online("redis-early", extra: "-Timeout 1"));
            var id = Assert.Single(Sim.State.Dcs.Ids);
            // A client that did not wait would get DCS.4957 while CREATING: the simulator holds the order too.
            var early = Ps.Run("Set-DcsMigrationTask -Id " + id + " -Configure -SourceAddress 10.0.0.12:6380 -TargetInstanceId " + Target + " -Method Full -Timeout 1");
            Assert.Equal(ErrorCategory.OperationTimeout, early.SingleError().CategoryInfo.Category);
            Assert.Empty(Configures);
            var imported = Sim.State.Dcs.Add("imported", "SUCCESS", online: false);
            var resume = Ps.Run("Set-DcsMigrationTask -Id " + imported + " -ResumeMode Manual");
            var error = resume.SingleError();
            Assert.Contains("DCS.4957", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            var unknown = Ps.Run("Set-DcsMigrationTask -Id 00000000-0000-4000-8000-000000000000 -ResumeMode Manual");
            Assert.Contains("DCS.4133", unknown.SingleError().ToString(), StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, unknown.SingleError().CategoryInfo.Category);
        }

        [Fact]
        public void Backup_import_from_OBS_files_and_from_a_backup_record()
        {
            var r = Ps.Run("New-DcsMigrationTask -Name import-1 -BackupFile -BucketName redis-backups -File a.rdb, b.rdb -TargetInstanceId " + Target + " -TargetPassword $tpw -PollInterval 0.1 -Wait");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var task = Assert.Single(r.Objects<DcsMigrationTask>());
            Assert.Equal(DcsMigrationTaskStatus.SUCCESS, task.Status);
            Assert.Equal("backupfile_import", task.MigrationType);
            var post = Assert.Single(Sim.State.Requests, q => q.Method == "POST" && q.Path.EndsWith("/migration-task", StringComparison.Ordinal));
            var body = Checked(post, "CreateMigrationTaskBody");
            Assert.Equal("backupfile_import", (string?)body["migration_type"]);
            Assert.Equal("full_amount_migration", (string?)body["migration_method"]);
            Assert.Empty(SdkShapes.Instance.Validate(body["backup_files"]!, "BackupFilesBody", "backup_files"));
            Assert.Equal(new[] { "a.rdb", "b.rdb" }, body["backup_files"]!["files"]!.Select(f => (string)f["file_name"]!));
            Assert.Equal("self_build_obs", (string?)body["backup_files"]!["file_source"]);
            Assert.Empty(SdkShapes.Instance.Validate(body["target_instance"]!, "TargetInstanceBody", "target_instance"));
            Assert.Equal(Target, (string?)body["target_instance"]!["id"]);

            Sim.State.Timings.DcsMigrationStep = TimeSpan.FromHours(1);
            var record = Ps.Run("New-DcsMigrationTask -Name import-2 -BackupFile -BackupId 7a7a0000-0000-4000-8000-000000000001 -TargetInstanceId " + Target);
            Assert.True(record.Errors.Count == 0, record.Describe());
            Assert.Equal(DcsMigrationTaskStatus.MIGRATING, Assert.Single(record.Objects<DcsMigrationTask>()).Status);
            var second = Checked(Sim.State.Requests.Last(q => q.Method == "POST" && q.Path.EndsWith("/migration-task", StringComparison.Ordinal)), "CreateMigrationTaskBody");
            Assert.Equal("7a7a0000-0000-4000-8000-000000000001", (string?)second["backup_files"]!["backup_id"]);
            Assert.Null(second["target_instance"]!["password"]);
            AssertNoSecret(r, record);
        }

        [Theory]
        [InlineData("-Online -SourceAddress redis.local -TargetInstanceId T -Method Full" + Network, "'host:port'")]
        [InlineData("-Online -SourceAddress 10.0.0.1:70000 -TargetInstanceId T -Method Full" + Network, "'host:port'")]
        [InlineData("-Online -SourceAddress 10.0.0.1:6379 -SourceInstanceId s-1 -TargetInstanceId T -Method Full" + Network, "not both")]
        [InlineData("-Online -TargetInstanceId T -Method Full" + Network, "Give the source")]
        [InlineData("-Online -SourceAddress 10.0.0.1:6379 -TargetInstanceId T -Method Full -BandwidthLimitMB 100 -Name 'bad name'" + Network, "1 to 64 letters")]
        [InlineData("-BackupFile -TargetInstanceId T", "-BackupId")]
        [InlineData("-BackupFile -BucketName b -File x.rdb -BackupId b-1 -TargetInstanceId T", "once")]
        public void Bad_input_is_refused_before_any_request(string parameters, string expected)
        {
            var script = "New-DcsMigrationTask " + (parameters.Contains("-Name ", StringComparison.Ordinal) ? string.Empty : "-Name r1 ") + parameters.Replace("-TargetInstanceId T", "-TargetInstanceId " + Target, StringComparison.Ordinal)
                + " -SourcePassword $spw -TargetPassword $tpw";
            if (parameters.StartsWith("-BackupFile", StringComparison.Ordinal)) script = script.Replace(" -SourcePassword $spw", string.Empty, StringComparison.Ordinal);
            var r = Ps.Run(script);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
            Assert.Empty(Sim.State.Requests);
            AssertNoSecret(r);
        }

        [Fact]
        public void A_missing_target_is_refused_before_any_request()
        {
            var r = Ps.Run("New-DcsMigrationTask -Name r1 -Online -SourceAddress 10.0.0.1:6379 -TargetInstanceId '' -Method Full" + Network);
            Assert.NotNull(r.Errors.Count > 0 ? r.Errors[0] : r.Terminating);
            Assert.Empty(Sim.State.Requests);
            var set = Ps.Run("Set-DcsMigrationTask -Id d1 -Configure -SourceAddress 10.0.0.1:6379 -TargetInstanceId '' -Method Full");
            Assert.NotNull(set.Errors.Count > 0 ? set.Errors[0] : set.Terminating);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void WhatIf_sends_nothing()
        {
            var r = Ps.Run(Online("redis-whatif", extra: "-WhatIf"));
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(r.Output);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Set_resume_mode_sends_the_SDK_body_and_PassThru_writes_the_task()
        {
            var id = Sim.State.Dcs.Add("redis-live", "INCRMIGEATING");
            var r = Ps.Run("Get-DcsMigrationTask -Id " + id + " | Set-DcsMigrationTask -ResumeMode Manual -PassThru");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal("manual", Assert.Single(r.Objects<DcsMigrationTask>()).ResumeMode);
            var put = Assert.Single(Sim.State.Requests, q => q.Method == "PUT");
            Assert.Equal((JToken)"manual", Checked(put, "MigrationUpdateRequestEntity")["resume_mode"]);
            var quiet = Ps.Run("Set-DcsMigrationTask -Id " + id + " -ResumeMode Auto");
            Assert.True(quiet.Errors.Count == 0, quiet.Describe());
            Assert.Empty(quiet.Output);
        }

        [Fact]
        public void Passwords_are_in_no_stream_object_error_or_log_and_never_served_back()
        {
            var r = Ps.Run(Online("redis-secret", method: "Full", extra: "-Wait") + " -Debug -Verbose -InformationAction Continue -WarningAction Continue");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var task = Assert.Single(r.Output);
            // Every property as Format-List * shows it, nested objects included, and the object as JSON.
            var seen = new List<string>();
            void Walk(object? value, int depth)
            {
                if (value is null || depth > 6) return;
                var ps = PSObject.AsPSObject(value);
                seen.Add(ps.ToString());
                if (value is string || value.GetType().IsPrimitive || value is Enum || value is DateTime) return;
                if (value is System.Collections.IEnumerable list) { foreach (var item in list) Walk(item, depth + 1); return; }
                foreach (var p in ps.Properties) { try { Walk(p.Value, depth + 1); } catch (GetValueException) { } }
            }
            Walk(task, 0);
            seen.Add(Newtonsoft.Json.JsonConvert.SerializeObject(task.BaseObject));
            Assert.Contains(seen, s => s.Contains("redis-secret", StringComparison.Ordinal));
            Assert.Contains(seen, s => s.Contains("10.0.0.12", StringComparison.Ordinal));
            foreach (var s in seen)
            {
                Assert.DoesNotContain(SourcePw, s, StringComparison.Ordinal);
                Assert.DoesNotContain(TargetPw, s, StringComparison.Ordinal);
            }
            Assert.True(r.Debug.Count > 0);
            AssertNoSecret(r);
            // The simulator's own answer does not echo what was sent.
            var id = Assert.Single(Sim.State.Dcs.Ids);
            Assert.DoesNotContain(SourcePw, Sim.State.Dcs.Show(id)!.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(TargetPw, Sim.State.Dcs.Show(id)!.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
