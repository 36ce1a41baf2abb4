using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Simulator.Sms;
using HuaweiMigration.Tests.Conformance;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Get-SmsSourceServer's new filters, Set-SmsSourceServer and Remove-SmsSourceServer over the simulator, and the
    /// simulator's source servers as first-class objects (they outlive their tasks, keep their disks for the target).
    /// </summary>
    public class SourceServerChangeTests : LifecycleTestBase
    {
        private static readonly string[] Writes = { "POST", "PUT", "DELETE" };

        private RecordedRequest[] WritesSent() => Sim.State.Requests.Where(r => Writes.Contains(r.Method)).ToArray();

        /// <summary>The model's required keys, read from sdk-shapes.json, so the check rests on neither the client nor the simulator.</summary>
        private static string[] Required(string model) =>
            (JObject.Parse(File.ReadAllText(SdkShapes.FilePath))["models"]![model]!["required"] as JArray)?.Select(t => (string)t!).ToArray() ?? Array.Empty<string>();

        private static void AssertBody(RecordedRequest request, string model)
        {
            var body = JToken.Parse(request.Body ?? "null");
            var problems = SdkShapes.Instance.Validate(body, model, request.Method + " " + request.Path);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            foreach (var key in Required(model)) Assert.True(body[key] != null, model + " requires '" + key + "': " + request.Body);
        }

        /// <summary>A task on a registered server (as New-SmsTask makes one), in <paramref name="state"/>.</summary>
        private (string Server, string Task) ServerWithTask(string name, string state)
        {
            var server = Sim.State.Sms.AddSourceServer(name, dataDisksGb: new long[] { 100 });
            var task = Sim.State.Sms.Add(name: name + "-task", state: state, source: new SmsTaskSource(server, null, null));
            return (server, task);
        }

        // ---- Get-SmsSourceServer: -MigrationProjectId, -IPAddress, -MigrationCycle ----

        [Fact]
        public void Filters_by_migration_project_address_and_cycle_are_sent_to_the_API_and_hold()
        {
            var wave = Sim.State.Sms.Projects.Add("wave-2");
            var inWave = Sim.State.Sms.AddSourceServer("wave-a", migProjectId: wave);
            Sim.State.Sms.AddSourceServer("default-a");
            var (busy, _) = ServerWithTask("busy", "RUNNING");

            var byProject = Ps.Run("Get-SmsSourceServer -MigrationProjectId $args[0]", wave);
            Assert.True(byProject.Errors.Count == 0, byProject.Describe());
            Assert.Equal(new[] { inWave }, byProject.Objects<SmsSourceServer>().Select(s => s.Id));
            Assert.Contains(Sim.State.Requests, q => q.Path == "/v3/sources" && q.Query.TryGetValue("migproject", out var m) && m == wave);
            // The default project holds the others: a server registers into the account's default project.
            var inDefault = Ps.Run("Get-SmsSourceServer -MigrationProjectId $args[0]", Sim.State.Sms.DefaultMigProjectId).Objects<SmsSourceServer>().Select(s => s.Name).OrderBy(n => n);
            Assert.Equal(new[] { "busy", "default-a" }, inDefault);

            var ip = Ps.Run("(Get-SmsSourceServer -Id $args[0]).Ip", inWave).Output.Single().ToString();
            var byIp = Ps.Run("Get-SmsSourceServer -IPAddress $args[0]", ip);
            Assert.Equal(new[] { inWave }, byIp.Objects<SmsSourceServer>().Select(s => s.Id));
            Assert.Contains(Sim.State.Requests, q => q.Path == "/v3/sources" && q.Query.TryGetValue("ip", out var i) && i == ip);
            Ps.Run("Get-SmsSourceServer -IPAddress 'fd00::21'");
            Assert.Contains(Sim.State.Requests, q => q.Path == "/v3/sources" && q.Query.TryGetValue("ipv6", out var v6) && v6 == "fd00::21" && !q.Query.ContainsKey("ip"));

            var replicating = Ps.Run("Get-SmsSourceServer -MigrationCycle Replicating");
            Assert.Equal(new[] { busy }, replicating.Objects<SmsSourceServer>().Select(s => s.Id));
            Assert.Contains(Sim.State.Requests, q => q.Path == "/v3/sources" && q.Query.TryGetValue("migration_cycle", out var c) && c == "replicating");
        }

        // ---- Set-SmsSourceServer ----

        [Fact]
        public void A_renamed_server_shows_its_new_name_in_the_list_in_full_and_as_its_tasks_source()
        {
            var (server, task) = ServerWithTask("old-name", "RUNNING");
            var r = Ps.Run("Get-SmsSourceServer -Id $args[0] | Set-SmsSourceServer -Name 'wave1-db-07' -PassThru -Confirm:$false", server);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal("wave1-db-07", Assert.Single(r.Objects<SmsSourceServer>()).Name);

            var put = Assert.Single(Sim.State.Requests, q => q.Method == "PUT");
            Assert.Equal("/v3/sources/" + server, put.Path);
            AssertBody(put, "PutSourceServerBody");
            Assert.Equal(new JObject { ["name"] = "wave1-db-07" }, JObject.Parse(put.Body!));

            Assert.Equal("wave1-db-07", Ps.Run("(Get-SmsSourceServer -Name wave1-db-07).Name").Output.Single().ToString());
            Assert.Equal("wave1-db-07", Ps.Run("(Get-SmsSourceServer -Id $args[0]).Name", server).Output.Single().ToString());
            Assert.Equal("wave1-db-07", Ps.Run("(Get-SmsTask -Id $args[0]).SourceServer.Name", task).Output.Single().ToString());
            Assert.Equal("wave1-db-07", Ps.Run("(Get-SmsTask -Name old-name-task).SourceServer.Name").Output.Single().ToString());
        }

        [Fact]
        public void A_server_moved_to_another_project_is_listed_there_and_the_key_is_migprojectid()
        {
            var wave = Sim.State.Sms.Projects.Add("wave-3");
            var server = Sim.State.Sms.AddSourceServer("mover");
            var r = Ps.Run("Set-SmsSourceServer -Id $args[0] -MigrationProjectId $args[1] -Confirm:$false", server, wave);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(r.Output);
            var put = Assert.Single(Sim.State.Requests, q => q.Method == "PUT");
            AssertBody(put, "PutSourceServerBody");
            Assert.Equal(new JObject { ["migprojectid"] = wave }, JObject.Parse(put.Body!));
            Assert.Equal(wave, Sim.State.Sms.GetSourceMigProject(server));
            Assert.Equal(server, Ps.Run("(Get-SmsSourceServer -MigrationProjectId $args[0]).Id", wave).Output.Single().ToString());
        }

        [Fact]
        public void An_unknown_server_or_project_is_an_error_naming_it_and_the_others_go_on()
        {
            var a = Sim.State.Sms.AddSourceServer("a");
            var b = Sim.State.Sms.AddSourceServer("b");
            var r = Ps.Run("Set-SmsSourceServer -Id $args[0], 0123456789abcdef0123456789abcdef, $args[1] -Name renamed -Confirm:$false", a, b);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("0123456789abcdef0123456789abcdef", error.ToString());
            Assert.Equal(2, Ps.Run("Get-SmsSourceServer -Name renamed").Objects<SmsSourceServer>().Count());

            var noProject = Ps.Run("Set-SmsSourceServer -Id $args[0] -MigrationProjectId 0123456789abcdef0123456789abcdef -Confirm:$false", a);
            var refused = noProject.SingleError();
            Assert.NotEqual(ErrorCategory.ObjectNotFound, refused.CategoryInfo.Category);
            Assert.Contains("migprojectid", refused.ToString());
            Assert.Equal(Sim.State.Sms.DefaultMigProjectId, Sim.State.Sms.GetSourceMigProject(a));
        }

        [Fact]
        public void Set_with_WhatIf_sends_nothing()
        {
            var server = Sim.State.Sms.AddSourceServer("kept");
            Sim.State.ClearRequests();
            var r = Ps.Run("Set-SmsSourceServer -Id $args[0] -Name other -WhatIf", server);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Sim.State.Requests);
        }

        // ---- Remove-SmsSourceServer ----

        [Fact]
        public void One_server_goes_with_one_DELETE()
        {
            var server = Sim.State.Sms.AddSourceServer("gone-soon");
            var keep = Sim.State.Sms.AddSourceServer("kept");
            var r = Ps.Run("Remove-SmsSourceServer -Id $args[0] -Confirm:$false -PassThru", server);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Equal("gone-soon", Assert.Single(r.Objects<SmsSourceServer>()).Name);
            var write = Assert.Single(WritesSent());
            Assert.Equal("DELETE", write.Method);
            Assert.Equal("/v3/sources/" + server, write.Path);
            Assert.Equal(new[] { keep }, Ps.Run("Get-SmsSourceServer").Objects<SmsSourceServer>().Select(s => s.Id));
        }

        [Fact]
        public void Servers_120_go_in_3_batch_calls_of_at_most_50_each()
        {
            var ids = Enumerable.Range(0, 120).Select(i => Sim.State.Sms.AddSourceServer("old-" + i.ToString("000"))).ToArray();
            var keep = Sim.State.Sms.AddSourceServer("kept");
            var r = Ps.Run("Get-SmsSourceServer -Name 'old-*' | Remove-SmsSourceServer -Confirm:$false");
            Assert.True(r.Errors.Count == 0, r.Describe());

            var writes = WritesSent();
            Assert.Equal(3, writes.Length);
            Assert.All(writes, w => Assert.Equal("POST /v3/sources/delete", w.Method + " " + w.Path));
            var batches = writes.Select(w => ((JArray)JObject.Parse(w.Body!)["ids"]!).Select(t => (string)t!).ToList()).ToList();
            Assert.All(batches, b => Assert.InRange(b.Count, 1, 50));
            Assert.Equal(ids.OrderBy(i => i), batches.SelectMany(b => b).OrderBy(i => i));
            foreach (var w in writes) AssertBody(w, "DeleteIds");
            Assert.Equal(new[] { keep }, Ps.Run("Get-SmsSourceServer").Objects<SmsSourceServer>().Select(s => s.Id));
        }

        [Fact]
        public void A_batch_the_API_refuses_is_deleted_one_server_at_a_time_and_only_the_one_in_the_way_fails()
        {
            var ids = Enumerable.Range(0, 3).Select(i => Sim.State.Sms.AddSourceServer("old-" + i)).ToArray();
            // Between the read and the deletion the second server got a task (as New-SmsTask in another window would):
            // the API refuses the batch, and that server alone.
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/sources/delete$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.2015", Count = 1 });
            Sim.State.AddFault(new FaultRule { Method = "DELETE", PathPattern = "^/v3/sources/" + ids[1] + "$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.2015", Count = 1 });
            var r = Ps.Run("Remove-SmsSourceServer -Id $args -Confirm:$false -PassThru", ids.Cast<object>().ToArray());
            var error = r.SingleError();
            Assert.Equal(ids[1], error.TargetObject);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("old-1", error.ToString());
            Assert.Equal(new[] { "old-0", "old-2" }, r.Objects<SmsSourceServer>().Select(s => s.Name).OrderBy(n => n));
            var writes = WritesSent();
            Assert.Equal("POST /v3/sources/delete", writes[0].Method + " " + writes[0].Path);
            Assert.Equal(ids.OrderBy(i => i), writes.Skip(1).Select(w => Assert.IsType<string>(w.Method == "DELETE" ? w.Path.Substring("/v3/sources/".Length) : null)).OrderBy(i => i));
            Assert.Equal(new[] { ids[1] }, Ps.Run("Get-SmsSourceServer").Objects<SmsSourceServer>().Select(s => s.Id));
        }

        [Fact]
        public void A_server_with_a_task_is_refused_naming_the_task_before_any_prompt_and_any_write()
        {
            var (server, task) = ServerWithTask("busy-01", "RUNNING");
            Sim.State.ClearRequests();

            // No -Confirm:$false: ConfirmImpact High would prompt, and this host cannot answer a prompt (see below).
            var r = Ps.Run("Remove-SmsSourceServer -Id $args[0]", server);
            Assert.Null(r.Terminating);
            var error = r.SingleError();
            Assert.Equal("SmsSourceServerHasTask,HuaweiMigration.Commands.Sms.RemoveSmsSourceServerCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Equal(server, error.TargetObject);
            Assert.Contains(task, error.ToString());
            Assert.Contains("busy-01-task", error.ToString());
            Assert.Empty(WritesSent());
            Assert.NotNull(Sim.State.Sms.GetState(task));

            // The control: a server that would be removed does prompt here, and the prompt fails in this host.
            var idle = Sim.State.Sms.AddSourceServer("idle");
            var prompted = Ps.Run("Remove-SmsSourceServer -Id $args[0]", idle);
            Assert.True(prompted.Terminating != null || prompted.Errors.Count > 0, prompted.Describe());
            Assert.Empty(WritesSent());
        }

        [Fact]
        public void A_refused_server_does_not_stop_the_others()
        {
            var (busy, _) = ServerWithTask("busy", "READY");
            var idle = Sim.State.Sms.AddSourceServer("idle");
            var r = Ps.Run("Remove-SmsSourceServer -Id $args[0], $args[1], 0123456789abcdef0123456789abcdef -Confirm:$false", busy, idle);
            Assert.Equal(2, r.Errors.Count);
            Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("SmsSourceServerHasTask,", StringComparison.Ordinal));
            Assert.Contains(r.Errors, e => e.CategoryInfo.Category == ErrorCategory.ObjectNotFound && e.ToString().Contains("0123456789abcdef0123456789abcdef"));
            Assert.Equal(new[] { "DELETE /v3/sources/" + idle }, WritesSent().Select(w => w.Method + " " + w.Path));
            Assert.Equal(new[] { busy }, Ps.Run("Get-SmsSourceServer").Objects<SmsSourceServer>().Select(s => s.Id));
        }

        [Fact]
        public void Force_removes_the_task_as_Remove_SmsTask_Force_does_then_the_server_without_asking()
        {
            var (running, runningTask) = ServerWithTask("running", "RUNNING");
            var (done, doneTask) = ServerWithTask("done", "MIGRATE_SUCCESS");
            var idle = Sim.State.Sms.AddSourceServer("idle");
            Sim.State.ClearRequests();

            // No -Confirm:$false: -Force skips the prompt.
            var r = Ps.Run("Remove-SmsSourceServer -Id $args[0], $args[1], $args[2] -Force -PassThru", running, done, idle);
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Equal(new[] { "done", "idle", "running" }, r.Objects<SmsSourceServer>().Select(s => s.Name).OrderBy(n => n));

            var writes = WritesSent();
            // The running task is paused first (as Remove-SmsTask -Force does), the finished one is not.
            var stop = Assert.Single(writes, w => w.Path == "/v3/tasks/" + runningTask + "/action");
            Assert.Contains("\"stop\"", stop.Body);
            Assert.DoesNotContain(writes, w => w.Path == "/v3/tasks/" + doneTask + "/action");
            // Both tasks are deleted before any server is.
            var taskDeletes = writes.Where(w => w.Path.StartsWith("/v3/tasks", StringComparison.Ordinal) && (w.Method == "DELETE" || w.Path == "/v3/tasks/delete")).ToList();
            Assert.NotEmpty(taskDeletes);
            var serverDelete = Assert.Single(writes, w => w.Path.StartsWith("/v3/sources", StringComparison.Ordinal));
            Assert.Equal("POST /v3/sources/delete", serverDelete.Method + " " + serverDelete.Path);
            Assert.True(taskDeletes.Max(w => w.Sequence) < serverDelete.Sequence);
            Assert.Equal(new[] { done, idle, running }.OrderBy(i => i), ((JArray)JObject.Parse(serverDelete.Body!)["ids"]!).Select(t => (string)t!).OrderBy(i => i));

            Assert.Null(Sim.State.Sms.GetState(runningTask));
            Assert.Null(Sim.State.Sms.GetState(doneTask));
            Assert.Empty(Ps.Run("Get-SmsSourceServer").Objects<SmsSourceServer>());
        }

        [Fact]
        public void Remove_with_WhatIf_sends_nothing_not_even_a_read()
        {
            var (busy, _) = ServerWithTask("busy", "RUNNING");
            var idle = Sim.State.Sms.AddSourceServer("idle");
            Sim.State.ClearRequests();
            var r = Ps.Run("Remove-SmsSourceServer -Id $args[0], $args[1] -Force -WhatIf", busy, idle);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Sim.State.Requests);
            Assert.Equal(2, Ps.Run("Get-SmsSourceServer").Objects<SmsSourceServer>().Count());
        }

        // ---- The simulator's source servers ----

        [Fact]
        public void A_deleted_task_leaves_its_server_idle_and_the_server_can_then_be_removed()
        {
            var (server, task) = ServerWithTask("keeps", "MIGRATE_SUCCESS");
            Assert.Equal("finished", Ps.Run("(Get-SmsSourceServer -Id $args[0]).State", server).Output.Single().ToString());

            var removed = Ps.Run("Remove-SmsTask -Id $args[0] -Wait -Confirm:$false", task);
            Assert.True(removed.Errors.Count == 0, removed.Describe());
            var after = Assert.Single(Ps.Run("Get-SmsSourceServer -Id $args[0]", server).Objects<SmsSourceServer>());
            Assert.Equal("keeps", after.Name);
            Assert.Equal("waiting", after.State);
            Assert.Null(after.CurrentTask);
            Assert.Empty(Ps.Run("Get-SmsTask -SourceServerId $args[0]", server).Output);

            var r = Ps.Run("Remove-SmsSourceServer -Id $args[0]  -Confirm:$false", server);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Ps.Run("Get-SmsSourceServer").Output);
        }

        [Fact]
        public void The_init_target_server_proposes_the_servers_own_disks_or_nothing()
        {
            var linux = Sim.State.Sms.AddSourceServer("db-linux", osType: "LINUX", dataDisksGb: new long[] { 100, 250 });
            var windows = Sim.State.Sms.AddSourceServer("app-win", osType: "WINDOWS", dataDisksGb: new long[] { 50 });
            var bare = Sim.State.Sms.AddSourceServer("no-target", initTarget: false);
            const long GiB = 1024L * 1024 * 1024;
            foreach (var (id, sizes) in new[] { (linux, new[] { 40L, 100, 250 }), (windows, new[] { 40L, 50 }) })
            {
                var s = Assert.Single(Ps.Run("Get-SmsSourceServer -Id $args[0]", id).Objects<SmsSourceServer>());
                Assert.Equal(sizes.Select(g => g * GiB), s.Disks.Select(d => d.Size!.Value));
                Assert.Equal(s.Disks.Select(d => (d.Name, d.Size, d.DeviceUse)), s.InitTargetServer!.Disks.Select(d => (d.Name, d.Size, d.DeviceUse)));
                Assert.Equal(sizes.Sum() * GiB, s.TotalSize);
            }
            var none = Assert.Single(Ps.Run("Get-SmsSourceServer -Id $args[0]", bare).Objects<SmsSourceServer>());
            Assert.NotEmpty(none.Disks);
            Assert.Empty(none.InitTargetServer!.Disks);
            Assert.Equal("WINDOWS", Ps.Run("(Get-SmsSourceServer -Id $args[0]).OsType", windows).Output.Single().ToString());
        }
    }
}
