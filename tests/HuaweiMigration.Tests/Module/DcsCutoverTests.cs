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
    /// <summary>Switch-DcsMigrationIp, Undo-DcsMigrationIp, Get-DcsMigrationLog and Name on DCS tasks, over the simulator.</summary>
    public class DcsCutoverTests : LifecycleTestBase
    {
        private static readonly string ProjectId = SimulatorCredentials.ProjectIdFor(SimulatorCredentials.DefaultRegion);

        private string[] AddDcs(int count, string status, string prefix = "redis", bool online = true) =>
            Enumerable.Range(1, count).Select(i => Sim.State.Dcs.Add(name: $"{prefix}-{i:000}", status: status, online: online)).ToArray();

        private string TaskPath(string id) => "/v2/" + ProjectId + "/migration-task/" + id;

        private Dictionary<string, DcsMigrationTask> Read(string[] ids)
        {
            var r = Ps.Run("$args[0] | Get-DcsMigrationTask", (object)ids);
            Assert.True(r.Errors.Count == 0, r.Describe());
            return r.Objects<DcsMigrationTask>().ToDictionary(t => t.TaskId);
        }

        /// <summary>Each exchange-ip body, checked against the SDK's IpExchangeRequest: types, no unknown keys, required keys.</summary>
        private static JObject CheckedExchangeBody(RecordedRequest post)
        {
            var body = JObject.Parse(post.Body!);
            var problems = SdkShapes.Instance.Validate(body, "IpExchangeRequest", "POST " + post.Path);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Equal(JTokenType.Array, body["exchanged_ip"]!.Type);
            Assert.All(body["exchanged_ip"]!, ip => Assert.Equal(JTokenType.String, ip.Type));
            Assert.Equal(JTokenType.Boolean, body["is_exchange_domain"]!.Type);
            return body;
        }

        [Fact]
        public void Piped_tasks_are_switched_together_waited_for_then_rolled_back_and_switched_again()
        {
            Sim.State.Timings.DcsExchangeDelay = TimeSpan.FromMilliseconds(700);
            var ids = AddDcs(4, "INCRMIGEATING");
            var before = Read(ids);
            Sim.State.ClearRequests();

            var r = Ps.Run("$args[0] | Switch-DcsMigrationIp -Wait -PollInterval 0.1 -Timeout 30 -Confirm:$false", (object)ids);

            Assert.True(r.Errors.Count == 0, r.Describe());
            var switched = r.Objects<DcsMigrationTask>().ToDictionary(t => t.TaskId);
            Assert.Equal(ids.OrderBy(i => i), switched.Keys.OrderBy(i => i));
            Assert.All(ids, id =>
            {
                Assert.True(Sim.State.Dcs.IpsSwitched(id));
                // Written once no longer EXCHANGING, with the IPs swapped as the service shows them.
                Assert.Null(switched[id].TaskStatus);
                Assert.Equal(before[id].TargetInstance!.Ip, switched[id].SourceInstance!.Ip);
                Assert.Equal(before[id].SourceInstance!.Ip, switched[id].TargetInstance!.Ip);
            });
            var posts = Requests("POST");
            Assert.Equal(ids.Select(id => TaskPath(id) + "/exchange-ip").OrderBy(p => p), posts.Select(p => p.Path).OrderBy(p => p));
            foreach (var post in posts)
            {
                var id = post.Path.Split('/')[4];
                var body = CheckedExchangeBody(post);
                Assert.Equal(new[] { before[id].SourceInstance!.Ip, before[id].TargetInstance!.Ip }.OrderBy(i => i), body["exchanged_ip"]!.Select(i => (string)i!).OrderBy(i => i));
                Assert.False((bool)body["is_exchange_domain"]!);
            }
            // The switches went out together: every POST before the first poll that found a task done.
            Assert.True(posts.Max(p => p.Sequence) < Sim.State.Requests.Where(q => q.Method == "GET").Max(q => q.Sequence));
            // Only the show answer carries task_status, so the wait reads each switching task on its own — a bounded
            // number of times (one read before the switch, then one a poll until it is done), never the list.
            Assert.DoesNotContain(Sim.State.Requests, q => q.Path.EndsWith("/migration-tasks", StringComparison.Ordinal));
            Assert.All(ids, id => Assert.InRange(Sim.State.Requests.Count(q => q.Method == "GET" && q.Path == TaskPath(id)), 2, 20));

            Sim.State.ClearRequests();
            var undo = Ps.Run("$args[0] | Undo-DcsMigrationIp -Wait -PollInterval 0.1 -Timeout 30 -Confirm:$false", (object)ids);
            Assert.True(undo.Errors.Count == 0, undo.Describe());
            Assert.Equal(4, undo.Objects<DcsMigrationTask>().Count());
            Assert.All(undo.Objects<DcsMigrationTask>(), t =>
            {
                Assert.Null(t.TaskStatus);
                Assert.Equal(before[t.TaskId].SourceInstance!.Ip, t.SourceInstance!.Ip);
            });
            Assert.All(ids, id => Assert.False(Sim.State.Dcs.IpsSwitched(id)));
            Assert.Equal(ids.Select(id => TaskPath(id) + "/rollback-ip").OrderBy(p => p), Requests("POST").Select(p => p.Path).OrderBy(p => p));
            Assert.All(Requests("POST"), p => Assert.True(string.IsNullOrEmpty(p.Body), p.Body));

            Sim.State.ClearRequests();
            var again = Ps.Run("Switch-DcsMigrationIp -Id $args[0] -ExchangeDomain -Wait -PollInterval 0.1 -Timeout 30 -Confirm:$false", ids[0]);
            Assert.True(again.Errors.Count == 0, again.Describe());
            Assert.True(Sim.State.Dcs.IpsSwitched(ids[0]));
            Assert.True((bool)CheckedExchangeBody(Assert.Single(Requests("POST")))["is_exchange_domain"]!);

            // The task's log tells the story, in the order it happened.
            var log = Ps.Run("Get-DcsMigrationLog -Id $args[0]", ids[0]);
            Assert.True(log.Errors.Count == 0, log.Describe());
            var messages = log.Objects<DcsMigrationLogEntry>().Select(e => e.Message).ToList();
            Assert.Equal(new[] { "IP switch started.", "IP addresses switched.", "IP roll-back started.", "IP addresses rolled back.", "IP switch started (domain names too).", "IP addresses switched." },
                messages.Where(m => m!.StartsWith("IP", StringComparison.Ordinal)));
        }

        [Fact]
        public void Without_Wait_each_task_is_written_as_read_after_its_switch_even_when_many_are_piped()
        {
            Sim.State.Timings.DcsExchangeDelay = TimeSpan.FromHours(1);
            var ids = AddDcs(12, "INCRMIGEATING");
            var r = Ps.Run("$args[0] | Switch-DcsMigrationIp -Confirm:$false", (object)ids);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal(ids.OrderBy(i => i), r.Objects<DcsMigrationTask>().Select(t => t.TaskId).OrderBy(i => i));
            // Each as the single-task answer shows it (a list row has neither task_status nor the instances' IPs).
            Assert.All(r.Objects<DcsMigrationTask>(), t =>
            {
                Assert.Equal("EXCHANGING", t.TaskStatus);
                Assert.NotNull(t.SourceInstance?.Ip);
            });
        }

        private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

        [Fact]
        public void WhatIf_sends_nothing()
        {
            var ids = AddDcs(2, "INCRMIGEATING");
            var r = Ps.Run("$args[0] | Switch-DcsMigrationIp -WhatIf; $args[0] | Undo-DcsMigrationIp -WhatIf", (object)ids);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Sim.State.Requests);
            Assert.All(ids, id => Assert.False(Sim.State.Dcs.IpsSwitched(id)));
        }

        [Fact]
        public void Tasks_in_no_state_to_switch_are_refused_before_any_switch_is_sent_and_the_others_go_on()
        {
            Sim.State.Timings.DcsExchangeDelay = TimeSpan.FromHours(1);
            var good = AddDcs(1, "INCRMIGEATING", "good").Single();
            var full = AddDcs(1, "FULLMIGRATING", "full").Single();
            var import = AddDcs(1, "SUCCESS", "import", online: false).Single();
            var busy = AddDcs(1, "INCRMIGEATING", "busy").Single();
            Assert.True(Ps.Run("Switch-DcsMigrationIp -Id $args[0] -Confirm:$false", busy).Errors.Count == 0);
            Sim.State.ClearRequests();

            var r = Ps.Run("$args[0] | Switch-DcsMigrationIp -Confirm:$false", (object)new[] { full, good, import, busy });

            Assert.Equal(good, Assert.Single(r.Objects<DcsMigrationTask>()).TaskId);
            var errors = r.Errors.ToDictionary(e => (string)e.TargetObject);
            Assert.Equal(new[] { full, import, busy }.OrderBy(i => i), errors.Keys.OrderBy(i => i));
            Assert.All(errors.Values, e => Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category));
            Assert.Contains("FULLMIGRATING", errors[full].ToString());
            // Named once, by name and id, even when only the id was given.
            Assert.Equal(1, CountOf(errors[full].ToString(), "'full-001' (" + full + ")"));
            Assert.DoesNotContain("DCS migration task " + full, errors[full].ToString());
            Assert.Contains("backupfile_import", errors[import].ToString());
            Assert.Contains("EXCHANGING", errors[busy].ToString());
            Assert.Equal(TaskPath(good) + "/exchange-ip", Assert.Single(Requests("POST")).Path);
        }

        [Fact]
        public void A_roll_back_with_nothing_switched_is_the_services_refusal_and_one_while_switching_is_refused_before_sending()
        {
            Sim.State.Timings.DcsExchangeDelay = TimeSpan.FromHours(1);
            var never = AddDcs(1, "INCRMIGEATING", "never").Single();
            var r = Ps.Run("Undo-DcsMigrationIp -Id $args[0] -Confirm:$false", never);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("DCS.4957", error.ToString());
            Assert.Contains("nothing to roll back", error.ToString());
            Assert.Equal(1, CountOf(error.ToString(), "'never-001' (" + never + ")"));
            Assert.Single(Requests("POST"));

            var busy = AddDcs(1, "INCRMIGEATING", "busy").Single();
            Assert.True(Ps.Run("Switch-DcsMigrationIp -Id $args[0] -Confirm:$false", busy).Errors.Count == 0);
            Sim.State.ClearRequests();
            var refused = Ps.Run("Undo-DcsMigrationIp -Id $args[0] -Confirm:$false", busy).SingleError();
            Assert.Equal(ErrorCategory.InvalidOperation, refused.CategoryInfo.Category);
            Assert.Contains("EXCHANGING", refused.ToString());
            Assert.Empty(Requests("POST"));
        }

        [Fact]
        public void The_log_is_paged_with_the_limit_respected_and_the_level_sent_as_log_level()
        {
            var id = AddDcs(1, "INCRMIGEATING").Single();
            Sim.State.Dcs.AddLogs(id, 250);
            Sim.State.ClearRequests();

            var all = Ps.Run("Get-DcsMigrationLog -Id $args[0]", id);
            Assert.True(all.Errors.Count == 0, all.Describe());
            var entries = all.Objects<DcsMigrationLogEntry>().ToList();
            Assert.Equal(252, entries.Count); // created, migrating, and the 250 added
            Assert.All(entries, e => Assert.Equal(id, e.TaskId));
            Assert.All(entries, e => Assert.Equal(DateTimeKind.Utc, e.CreatedAt!.Value.Kind));
            var checkpoint = entries.Single(e => e.Message == "Replication checkpoint 4.");
            Assert.Equal(("Error", "DCS.MIG.9003"), (checkpoint.Level, checkpoint.Code));
            Assert.Equal(new[] { "redis-001" }, checkpoint.Keywords);
            var pages = Sim.State.Requests.Where(q => q.Path == TaskPath(id) + "/logs").ToList();
            Assert.Equal(3, pages.Count);
            Assert.All(pages, p => Assert.InRange(int.Parse(p.Query["limit"]), 1, 100));
            Assert.Equal(new[] { "0", "100", "200" }, pages.Select(p => p.Query["offset"]).OrderBy(o => int.Parse(o)));

            Sim.State.ClearRequests();
            var errors = Ps.Run("Get-DcsMigrationLog -Id $args[0] -Level Error", id);
            Assert.True(errors.Errors.Count == 0, errors.Describe());
            Assert.Equal(62, errors.Objects<DcsMigrationLogEntry>().Count());
            Assert.All(errors.Objects<DcsMigrationLogEntry>(), e => Assert.Equal("Error", e.Level));
            Assert.All(Sim.State.Requests, q => Assert.Equal("Error", q.Query["log_level"]));

            Sim.State.ClearRequests();
            var some = Ps.Run("Get-DcsMigrationLog -Id $args[0] -Skip 10 -First 5", id);
            Assert.Equal(entries.Skip(10).Take(5).Select(e => e.Message), some.Objects<DcsMigrationLogEntry>().Select(e => e.Message));
            Assert.Equal("10", Assert.Single(Sim.State.Requests).Query["offset"]);

            Sim.State.ClearRequests();
            Assert.Empty(Ps.Run("Get-DcsMigrationLog -Id $args[0] -First 0", id).Output);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void The_log_of_an_unknown_task_is_ObjectNotFound_and_the_other_tasks_go_on()
        {
            var id = AddDcs(1, "INCRMIGEATING").Single();
            var r = Ps.Run("'0123456789abcdef0123456789abcdef', $args[0] | Get-DcsMigrationLog", id);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("0123456789abcdef0123456789abcdef", error.TargetObject);
            Assert.NotEmpty(r.Objects<DcsMigrationLogEntry>());
        }

        [Fact]
        public void Name_reads_like_an_SMS_task_in_Select_Object_and_the_listing_pipes_into_Stop_WhatIf()
        {
            var ids = AddDcs(3, "INCRMIGEATING", "cache");
            Sim.State.ClearRequests();
            // Select-Object reads PSObject properties (Microsoft.PowerShell.Utility is not in the test host): Name is one,
            // visible, and binds by property name as SMS tasks' Name does.
            var names = Ps.Run("Get-DcsMigrationTask | ForEach-Object { $_.PSObject.Properties['Name'].Value }");
            Assert.True(names.Errors.Count == 0 && names.Terminating is null, names.Describe());
            Assert.Equal(new[] { "cache-001", "cache-002", "cache-003" }, names.Output.Select(o => o.ToString()).OrderBy(n => n));
            var bound = Ps.Run("function Show-Name { param([Parameter(ValueFromPipelineByPropertyName)] [string] $Name) process { $Name } }; Get-DcsMigrationTask | Show-Name");
            Assert.Equal(new[] { "cache-001", "cache-002", "cache-003" }, bound.Output.Select(o => o.ToString()).OrderBy(n => n));

            Sim.State.ClearRequests();
            var whatIf = Ps.Run("Get-DcsMigrationTask | Stop-DcsMigrationTask -WhatIf");
            Assert.True(whatIf.Errors.Count == 0, whatIf.Describe());
            Assert.Empty(Requests("POST"));
            Assert.All(ids, id => Assert.Equal("INCRMIGEATING", Sim.State.Dcs.GetState(id)));
        }
    }
}
