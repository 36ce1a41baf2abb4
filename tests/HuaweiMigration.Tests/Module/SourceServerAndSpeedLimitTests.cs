using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Get-SmsSourceServer and the speed-limit cmdlets over the simulator.</summary>
    public class SourceServerAndSpeedLimitTests : LifecycleTestBase
    {
        private string[] AddIdleServers(int count, bool connected = true) =>
            Enumerable.Range(0, count).Select(i => Sim.State.Sms.AddSourceServer("idle-" + i.ToString("000"), connected)).ToArray();

        [Fact]
        public void Lists_450_servers_in_pages_and_streams_the_first_before_the_rest_are_read()
        {
            AddIdleServers(450);
            var r = Ps.Run("Get-SmsSourceServer");
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(450, r.Objects<SmsSourceServer>().Select(s => s.Id).Distinct().Count());
            var pages = Sim.State.Requests.Where(q => q.Path == "/v3/sources").ToList();
            Assert.Equal(3, pages.Count);
            Assert.All(pages, p => Assert.True(int.Parse(p.Query["limit"]) <= 200));

            // Streaming: the first object is written when one page has been asked for, not three.
            Sim.State.ClearRequests();
            Ps.Set("sim", Sim.State);
            var atFirst = Ps.Run("Get-SmsSourceServer | ForEach-Object -Begin { $seen = $null } -Process { if ($null -eq $seen) { $seen = @($sim.Requests | Where-Object Path -eq '/v3/sources').Count } } -End { $seen }");
            Assert.Equal(1, (int)atFirst.Output.Single().BaseObject);
        }

        [Fact]
        public void Filters_by_connection_state_and_several_names_with_wildcards()
        {
            AddIdleServers(3, connected: true);
            Sim.State.Sms.AddSourceServer("offline-a", connected: false);
            Sim.State.Sms.AddSourceServer("offline-b", connected: false);
            Sim.State.Sms.AddSourceServer("web-01");
            var offline = Ps.Run("Get-SmsSourceServer -Connected $false").Objects<SmsSourceServer>().Select(s => s.Name).OrderBy(n => n);
            Assert.Equal(new[] { "offline-a", "offline-b" }, offline);
            Assert.Contains(Sim.State.Requests, q => q.Path == "/v3/sources" && q.Query.TryGetValue("connected", out var c) && c == "false");

            var named = Ps.Run("Get-SmsSourceServer -Name 'web-*', 'idle-00?'").Objects<SmsSourceServer>().Select(s => s.Name).OrderBy(n => n);
            Assert.Equal(new[] { "idle-000", "idle-001", "idle-002", "web-01" }, named);
            var unavailable = Ps.Run("Get-SmsSourceServer -State unavailable").Objects<SmsSourceServer>().Select(s => s.Name).OrderBy(n => n);
            Assert.Equal(new[] { "offline-a", "offline-b" }, unavailable);
        }

        [Fact]
        public void By_id_shows_disks_and_networks_and_an_unknown_id_is_ObjectNotFound()
        {
            var id = AddIdleServers(1).Single();
            var r = Ps.Run("Get-SmsSourceServer -Id $args[0], 0123456789abcdef0123456789abcdef", id);
            var server = Assert.Single(r.Objects<SmsSourceServer>());
            Assert.NotEmpty(server.Disks);
            Assert.NotEmpty(server.Networks);
            Assert.Equal(ErrorCategory.ObjectNotFound, r.SingleError().CategoryInfo.Category);
        }

        [Fact]
        public void A_source_server_piped_into_Get_SmsTask_lists_its_tasks()
        {
            var ids = AddTasks(4, "RUNNING", "wave");
            AddIdleServers(2);
            var source = Sim.State.Requests.Count; // nothing yet
            var r = Ps.Run("Get-SmsTask -Id $args[0] | ForEach-Object { $_.SourceServer.Id } | Get-SmsSourceServer | Get-SmsTask", ids[1]);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(ids[1], Assert.Single(r.Objects<SmsTask>()).Id);
            Assert.Contains(Sim.State.Requests, q => q.Path == "/v3/tasks" && q.Query.ContainsKey("source_server_id"));
            Assert.Equal(0, source);
        }

        [Fact]
        public void A_schedule_set_from_hashtables_reads_back_equal()
        {
            var id = AddTasks(1, "RUNNING").Single();
            var r = Ps.Run(@"Set-SmsTaskSpeedLimit -Id $args[0] -Rule @{ Start = '18:00'; End = '23:59'; Speed = 500 }, @{ Start = '08:00'; End = '18:00'; Speed = 50; OverSpeedThreshold = 20 } -PassThru", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            var rules = r.Objects<SmsSpeedLimitRule>().ToList();
            Assert.Equal(new[] { "08:00-18:00 50 Mbit/s", "18:00-23:59 500 Mbit/s" }, rules.Select(x => x.ToString()));
            Assert.Equal(20, rules[0].OverSpeedThreshold);
            Assert.All(rules, x => Assert.Equal(id, x.TaskId));

            var body = JObject.Parse(Sim.State.Requests.Single(q => q.Method == "POST").Body!);
            Assert.Equal("{\"speed_limit\":[{\"start\":\"18:00\",\"end\":\"23:59\",\"speed\":500},{\"start\":\"08:00\",\"end\":\"18:00\",\"speed\":50,\"over_speed_threshold\":20.0}]}", body.ToString(Newtonsoft.Json.Formatting.None));

            var back = Ps.Run("Get-SmsTask -Id $args[0] | Get-SmsTaskSpeedLimit", id).Objects<SmsSpeedLimitRule>().Select(x => x.ToString());
            Assert.Equal(rules.Select(x => x.ToString()), back);
        }

        [Theory]
        [InlineData("@{ Start = '08:00'; End = '12:00'; Speed = 50 }, @{ Start = '11:00'; End = '13:00'; Speed = 10 }", "overlap")]
        [InlineData("@{ Start = '8:00'; End = '12:00'; Speed = 50 }", "HH:MM")]
        [InlineData("@{ Start = '12:00'; End = '08:00'; Speed = 50 }", "Start must be before End")]
        [InlineData("@{ Start = '08:00'; End = '12:00'; Speed = 5000 }", "0 to 1000")]
        [InlineData("@{ Start = '08:00'; End = '12:00' }", "0 to 1000")]
        public void A_malformed_or_overlapping_schedule_is_refused_before_any_request(string rules, string message)
        {
            var id = AddTasks(1, "RUNNING").Single();
            Sim.State.ClearRequests();
            var r = Ps.Run("Set-SmsTaskSpeedLimit -Id $args[0] -Rule " + rules, id);
            var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(message, error.ToString());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void WhatIf_sets_nothing_and_an_empty_rule_list_clears_the_schedule()
        {
            var id = AddTasks(1, "RUNNING").Single();
            Ps.Run("Set-SmsTaskSpeedLimit -Id $args[0] -Rule @{ Start = '08:00'; End = '18:00'; Speed = 50 } -WhatIf", id);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "POST");
            Ps.Run("Set-SmsTaskSpeedLimit -Id $args[0] -Rule @{ Start = '08:00'; End = '18:00'; Speed = 50 }", id);
            Assert.Single(Ps.Run("Get-SmsTaskSpeedLimit $args[0]", id).Objects<SmsSpeedLimitRule>());
            var cleared = Ps.Run("Set-SmsTaskSpeedLimit -Id $args[0] -Rule @() -PassThru", id);
            Assert.True(cleared.Errors.Count == 0, cleared.Describe());
            Assert.Empty(Ps.Run("Get-SmsTaskSpeedLimit $args[0]", id).Objects<SmsSpeedLimitRule>());
        }

        [Fact]
        public void Source_server_ids_complete_from_the_current_context()
        {
            var ids = AddIdleServers(2);
            var r = Ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", "Get-SmsSourceServer -Id ");
            Assert.Equal(ids.OrderBy(i => i), r.Output.Select(o => o.ToString()).OrderBy(i => i));
        }
    }
}
