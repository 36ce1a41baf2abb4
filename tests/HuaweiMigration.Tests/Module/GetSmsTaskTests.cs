using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Get-SmsTask in a hosted runspace against the simulator's 450 tasks.</summary>
    public class GetSmsTaskTests : ModuleTestBase, IClassFixture<SimulatorFixture>
    {
        public GetSmsTaskTests(SimulatorFixture sim) : base(sim)
        {
            Connect();
        }

        private int CountInStates(params string[] states) =>
            Sim.State.Sms.Ids.Count(id => states.Contains(Sim.State.Sms.GetState(id)));

        [Fact]
        public void Lists_all_450_tasks_as_typed_objects_in_pages_of_at_most_200()
        {
            var r = Ps.Run("Get-SmsTask");
            Assert.Empty(r.Errors);
            var tasks = r.Objects<SmsTask>().ToList();
            Assert.Equal(450, r.Output.Count);
            Assert.Equal(450, tasks.Count);
            Assert.Equal(450, tasks.Select(t => t.Id).Distinct().Count());
            Assert.All(tasks, t => Assert.NotEqual(SmsTaskState.Unknown, t.State));
            var calls = Sim.ListCalls();
            Assert.Equal(3, calls.Length);
            Assert.All(calls, c => Assert.InRange(int.Parse(c.Query["limit"]), 1, 200));
        }

        [Fact]
        public void Writes_the_first_page_before_asking_for_the_next_and_stops_paging_when_the_pipeline_stops()
        {
            Ps.Set("sim", Sim.State);
            // 'break' out of an enclosing loop stops the pipeline upstream, as Select-Object -First does.
            var r = Ps.Run(@"
                $script:seenAtFirst = -1; $n = 0
                do {
                    Get-SmsTask | ForEach-Object {
                        if ($script:seenAtFirst -lt 0) { $script:seenAtFirst = @($sim.Requests | Where-Object Path -eq '/v3/tasks').Count }
                        $_
                        if (++$n -ge 5) { break }
                    }
                } while ($false)
                $script:seenAtFirst");
            Assert.True(r.Errors.Count == 0 && r.Terminating == null, r.Describe());
            Assert.Equal(5, r.Objects<SmsTask>().Count());
            Assert.Equal(1, (int)r.Output.Last().BaseObject);
            Assert.Single(Sim.ListCalls());
        }

        [Fact]
        public void Piped_ids_are_read_eight_at_a_time_and_written_in_the_order_they_came()
        {
            var ids = Sim.State.Sms.Ids.Take(12).ToArray();
            // The first id's answer is held back 3 s: the next seven are read meanwhile and still written after it.
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks/" + ids[0] + "$", Kind = FaultKind.Latency, Delay = TimeSpan.FromSeconds(3) });
            Ps.Set("ids", ids);

            var r = Ps.Run("$ids | Get-SmsTask");

            Assert.Empty(r.Errors);
            Assert.Equal(ids, r.Objects<SmsTask>().Select(t => t.Id).ToArray());
            var sent = ids.Select(id => Sim.Requests("GET", "/v3/tasks/" + id).Single().Timestamp).ToArray();
            Assert.All(sent.Skip(1).Take(7), at => Assert.True(at - sent[0] < TimeSpan.FromSeconds(2), "a read waited for the held one: " + (at - sent[0])));
            // At most eight in flight: the ninth goes out once the first is written, after its answer came.
            Assert.True(sent[8] - sent[0] >= TimeSpan.FromSeconds(2.9), "a ninth read went out while eight were in flight: " + (sent[8] - sent[0]));
        }

        [Fact]
        public void Several_states_are_resolved_by_the_module_one_listing_per_state()
        {
            var r = Ps.Run("Get-SmsTask -State RUNNING, ABORT");
            Assert.Empty(r.Errors);
            var tasks = r.Objects<SmsTask>().ToList();
            Assert.Equal(CountInStates("RUNNING", "ABORT"), tasks.Count);
            Assert.NotEmpty(tasks);
            Assert.All(tasks, t => Assert.Contains(t.State, new[] { SmsTaskState.RUNNING, SmsTaskState.ABORT }));
            Assert.Equal(new[] { "ABORT", "RUNNING" }, Sim.ListCalls().Select(c => c.Query["state"]).Distinct().OrderBy(s => s));
        }

        [Fact]
        public void An_unknown_state_is_refused_before_any_request()
        {
            var r = Ps.Run("Get-SmsTask -State PAUSED");
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("PAUSED", error.ToString());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Name_with_wildcards_is_matched_by_the_module()
        {
            var r = Ps.Run("Get-SmsTask -Name 'MIG-TASK-01?5'");
            Assert.Empty(r.Errors);
            var names = r.Objects<SmsTask>().Select(t => t.Name).OrderBy(n => n).ToArray();
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"mig-task-01{i}5").ToArray(), names);
            // The API only got the literal part, which it matches loosely.
            Assert.All(Sim.ListCalls(), c => Assert.Equal("MIG-TASK-01", c.Query["name"]));
        }

        [Fact]
        public async System.Threading.Tasks.Task An_exact_name_excludes_the_loose_matches_of_the_api()
        {
            // Its own simulator: the extra task would change the shared one's 450.
            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 50 });
            sim.State.Sms.Add(name: "mig-task-0042-copy");
            Ps.Set("endpoint2", sim.BaseUri);
            Ps.Run("$null = Connect-HuaweiCloud -Region $region -Endpoint $endpoint2 -Credential $cred -DomainName sim-domain");
            sim.State.ClearRequests();

            var r = Ps.Run("Get-SmsTask -Name mig-task-0042");
            var task = Assert.Single(r.Objects<SmsTask>());
            Assert.Equal("mig-task-0042", task.Name);
            var list = Assert.Single(sim.State.Requests);
            Assert.Equal("mig-task-0042", list.Query["name"]);
        }

        [Fact]
        public void First_and_skip_map_onto_limit_and_offset()
        {
            var first = Ps.Run("Get-SmsTask -First 5");
            Assert.Equal(5, first.Objects<SmsTask>().Count());
            var call = Assert.Single(Sim.ListCalls());
            Assert.Equal("5", call.Query["limit"]);

            Sim.State.ClearRequests();
            var skipped = Ps.Run("Get-SmsTask -Skip 445").Objects<SmsTask>().ToList();
            Assert.Equal(5, skipped.Count);
            Assert.Equal("445", Assert.Single(Sim.ListCalls()).Query["offset"]);

            var all = Ps.Run("Get-SmsTask").Objects<SmsTask>().Select(t => t.Id).ToList();
            Assert.Equal(all.Skip(445), skipped.Select(t => t.Id));
            var window = Ps.Run("Get-SmsTask -Skip 10 -First 3").Objects<SmsTask>().Select(t => t.Id);
            Assert.Equal(all.Skip(10).Take(3), window);
        }

        [Fact]
        public void Include_total_count_reports_the_api_count()
        {
            var r = Ps.Run("Get-SmsTask -First 2 -IncludeTotalCount");
            Assert.Equal(450UL, Assert.IsType<ulong>(r.Output[0].BaseObject));
            Assert.Equal(2, r.Objects<SmsTask>().Count());
        }

        [Fact]
        public void Ids_from_the_pipeline_with_one_unknown_give_the_others_and_one_ObjectNotFound()
        {
            var ids = Sim.State.Sms.Ids.Take(3).ToArray();
            Ps.Set("ids", new[] { ids[0], "0000000000000000000000000000dead", ids[1], ids[2] });
            var r = Ps.Run("$ids | Get-SmsTask");

            Assert.Equal(new[] { ids[0], ids[1], ids[2] }, r.Objects<SmsTask>().Select(t => t.Id));
            var error = Assert.Single(r.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("0000000000000000000000000000dead", error.TargetObject);
            Assert.Contains("0000000000000000000000000000dead", error.ToString());
        }

        [Fact]
        public void With_ErrorAction_Stop_an_unknown_id_stops_the_command_where_it_stands_in_the_input()
        {
            var ids = Sim.State.Sms.Ids.Take(3).ToArray();
            Ps.Set("ids", new[] { ids[0], "0000000000000000000000000000dead", ids[1], ids[2] });
            var r = Ps.Run("$out = [System.Collections.Generic.List[object]]::new(); try { $ids | Get-SmsTask -ErrorAction Stop | ForEach-Object { $out.Add($_) } } catch { $out.Add($_.FullyQualifiedErrorId) }; $out");

            // The ids after the unknown one were read ahead, but nothing after the error is written.
            Assert.Equal(2, r.Output.Count);
            Assert.Equal(ids[0], Assert.IsType<SmsTask>(r.Output[0].BaseObject).Id);
            Assert.StartsWith("SMS.", r.Output[1].ToString());
            Assert.Empty(r.Errors);
        }

        [Fact]
        public void Tasks_pipe_into_Get_SmsTask_by_property_name()
        {
            var r = Ps.Run("Get-SmsTask -First 3 | Get-SmsTask");
            Assert.Empty(r.Errors);
            Assert.Equal(3, r.Objects<SmsTask>().Count());
            Assert.Equal(3, Sim.State.Requests.Count(q => q.Path.StartsWith("/v3/tasks/", StringComparison.Ordinal)));
        }

        [Fact]
        public void A_403_becomes_the_error_record_of_the_spec()
        {
            var id = Sim.State.Sms.Ids[7];
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks/", Kind = FaultKind.Error, StatusCode = 403, ErrorCode = "SMS.9004", ErrorMessage = "You do not have permission to perform this operation." });
            var r = Ps.Run("Get-SmsTask -Id $args[0]", id);

            var error = Assert.Single(r.Errors);
            Assert.Equal("SMS.9004,HuaweiMigration.Commands.Sms.GetSmsTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Equal(id, error.TargetObject);
            var ex = Assert.IsType<HuaweiCloudApiException>(error.Exception);
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("SMS.9004", ex.ErrorCode);
            Assert.Equal("You do not have permission to perform this operation.", ex.ErrorMessage);
            Assert.Equal(Assert.Single(Sim.State.Requests, q => q.Path.StartsWith("/v3/tasks/", StringComparison.Ordinal)).RequestId, ex.RequestId);
        }

        [Fact]
        public void A_task_read_by_id_exposes_its_network_check_special_config_and_disk_volumes()
        {
            var id = Ps.Run("@(Get-SmsTask -State RUNNING | Where-Object OsType -eq LINUX)[0].Id").Output.Single().ToString();
            var r = Ps.Run("Get-SmsTask -Id $args[0]", id);

            Assert.True(r.Errors.Count == 0, r.Describe());
            var task = Assert.Single(r.Objects<SmsTask>());
            Assert.Equal("GOOD", task.NetworkCheckInfo?.EvaluationResult);
            Assert.True(task.NetworkCheckInfo!.NetworkDelay > 0);
            Assert.Contains(task.SpecialConfig, c => c.ConfigKey == "EXCLUDE_MIGRATE_PATH");
            Assert.NotEmpty(task.TargetServer!.Disks);
            Assert.Contains(task.TargetServer.Disks, d => d.PhysicalVolumes.Any(v => v.MountPoint == "/boot"));
            Assert.Equal(0L, task.TargetServer.Disks[0].Id);
            Assert.Contains(task.TargetServer.VolumeGroups, g => g.LogicalVolumes.Any(v => v.MountPoint == "/"));
            Assert.Empty(task.AdditionalProperties);
        }

        [Fact]
        public void A_403_with_the_full_SMS_error_body_exposes_its_detail_on_the_exception()
        {
            var id = Sim.State.Sms.Ids[8];
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks/", Kind = FaultKind.Error, StatusCode = 403, ErrorCode = "SMS.9004", ErrorMessage = "You do not have permission to perform this operation." });
            var r = Ps.Run("Get-SmsTask -Id $args[0] -ErrorVariable e; $e[0].Exception.ErrorParameters", id);

            var ex = Assert.IsType<HuaweiCloudApiException>(Assert.Single(r.Errors).Exception);
            Assert.NotNull(ex.EncodedAuthorizationMessage);
            Assert.Contains("sms:server:migrate", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(ex.EncodedAuthorizationMessage!)));
            Assert.Equal(new[] { "sms:server:migrate" }, ex.ErrorParameters);
            var detail = Assert.Single(ex.Details);
            Assert.Equal("IAM.0002", detail.Code);
            Assert.Contains("sms:server:migrate", detail.Message);
            Assert.Contains("EncodedAuthorizationMessage", r.Errors[0].ErrorDetails.RecommendedAction);
            // The same detail reaches a script through the pipeline, as typed values.
            Assert.Equal("sms:server:migrate", Assert.Single(r.Output).ToString());
        }

        [Theory]
        [InlineData("''")]
        [InlineData("'0123456789012345678901234567890123456'")]
        [InlineData("'a/../b'")]
        public void A_bad_id_is_refused_before_any_request_and_the_others_go_on(string badId)
        {
            var good = Sim.State.Sms.Ids[0];
            var r = Ps.Run("@('" + good + "', " + badId + ") | Get-SmsTask");
            Assert.Single(r.Objects<SmsTask>());
            var error = Assert.Single(r.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            // Only the good id was asked for (its show answer and its list row); nothing for the bad one.
            Assert.All(Sim.State.Requests, q => Assert.Contains(good, q.Path + q.QueryString));
            Assert.Single(Sim.State.Requests, q => q.Path == "/v3/tasks/" + good);
        }

        [Fact]
        public void Malformed_json_is_an_InvalidResult_error()
        {
            Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.MalformedJson, Count = -1 });
            var r = Ps.Run("Get-SmsTask");
            var error = Assert.Single(r.Errors);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Equal("InvalidResponse,HuaweiMigration.Commands.Sms.GetSmsTaskCommand", error.FullyQualifiedErrorId);
        }
    }
}
