using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Tests.Client;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Get-, New-, Set- and Remove-SmsMigrationProject over the simulator.</summary>
    public class MigrationProjectTests : LifecycleTestBase
    {
        private string AddProject(string name, bool makeDefault = false) => Sim.State.Sms.Projects.Add(name, makeDefault: makeDefault, description: "d-" + name, speedLimit: 10);

        [Fact]
        public void Remove_with_Force_asks_nothing_but_still_refuses_the_default_project()
        {
            var id = Sim.State.Sms.Projects.Add("wave-force");
            var r = Ps.Run("Remove-SmsMigrationProject -Id $args[0] -Force", id);
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Contains(Sim.State.Requests, q => q.Method == "DELETE" && q.Path == "/v3/migprojects/" + id);
            var refused = Ps.Run("Remove-SmsMigrationProject -Id $args[0] -Force", Sim.State.Sms.DefaultMigProjectId);
            Assert.Equal(ErrorCategory.InvalidOperation, refused.SingleError().CategoryInfo.Category);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "DELETE" && q.Path == "/v3/migprojects/" + Sim.State.Sms.DefaultMigProjectId);
        }

        [Fact]
        public void Lists_projects_with_their_ids_and_filters_names_with_wildcards()
        {
            AddProject("wave-1");
            AddProject("wave-2");
            AddProject("other");
            var all = Ps.Run("Get-SmsMigrationProject");
            Assert.True(all.Errors.Count == 0, all.Describe());
            Assert.Equal(new[] { "default", "wave-1", "wave-2", "other" }, all.Objects<SmsMigrationProject>().Select(p => p.Name));
            Assert.All(all.Objects<SmsMigrationProject>(), p => Assert.False(string.IsNullOrEmpty(p.Id)));
            Assert.Equal(Sim.State.Sms.DefaultMigProjectId, Assert.Single(all.Objects<SmsMigrationProject>(), p => p.IsDefault == true).Id);

            var waves = Ps.Run("Get-SmsMigrationProject -Name 'WAVE-*'").Objects<SmsMigrationProject>().Select(p => p.Name);
            Assert.Equal(new[] { "wave-1", "wave-2" }, waves);
            Assert.Empty(Ps.Run("Get-SmsMigrationProject -First 0").Output);
        }

        [Fact]
        public void By_id_carries_the_id_the_answer_lacks_and_an_unknown_id_is_ObjectNotFound()
        {
            var id = AddProject("wave-1");
            var r = Ps.Run("$args[0], '0123456789abcdef0123456789abcdef' | Get-SmsMigrationProject", id);
            var project = Assert.Single(r.Objects<SmsMigrationProject>());
            Assert.Equal(id, project.Id);
            Assert.Equal("d-wave-1", project.Description);
            Assert.Equal(10, project.SpeedLimit);
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("0123456789abcdef0123456789abcdef", error.TargetObject);
            // The answer by id really has no id: the object's comes from the module.
            var show = Sim.State.Requests.First(q => q.Path == "/v3/migprojects/" + id);
            Assert.Equal(200, show.StatusCode);
        }

        [Fact]
        public void New_creates_with_a_valid_body_reads_back_and_Default_makes_it_the_default()
        {
            var r = Ps.Run("New-SmsMigrationProject -Name wave-3 -Region ap-southeast-3 -UsePublicIp:$false -Syncing -SpeedLimit 200 -Default -Description 'third'");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var project = Assert.Single(r.Objects<SmsMigrationProject>());
            Assert.Equal("wave-3", project.Name);
            Assert.Equal("MIGRATE_BLOCK", project.Type);
            Assert.False(project.UsePublicIp);
            Assert.True(project.Syncing);
            Assert.True(project.IsDefault);
            Assert.Equal(project.Id, Sim.State.Sms.DefaultMigProjectId);

            var body = MigrationProjectClientTests.CheckedBody(Sim.State, "POST", "/v3/migprojects", "PostMigProjectBody");
            Assert.Equal(JTokenType.Boolean, body["use_public_ip"]!.Type);
            Assert.Equal(200, (int)body["speed_limit"]!);
            Assert.Null(body["exist_server"]); // not given: the service's default
            Assert.Single(Requests("PUT"), q => q.Path == "/v3/migprojects/" + project.Id + "/default");
        }

        [Fact]
        public void Set_puts_the_whole_project_with_only_the_changes_and_PassThru_reads_it_back()
        {
            var id = Sim.State.Sms.Projects.Add("wave-1", region: "ap-southeast-3", type: "MIGRATE_FILE", description: "keep", syncing: true, speedLimit: 30);
            var r = Ps.Run("Get-SmsMigrationProject -Id $args[0] | Set-SmsMigrationProject -SpeedLimit 70 -StartNetworkCheck -PassThru", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            var project = Assert.Single(r.Objects<SmsMigrationProject>());
            Assert.Equal(70, project.SpeedLimit);
            Assert.True(project.StartNetworkCheck);
            Assert.Equal("keep", project.Description);
            Assert.Equal("MIGRATE_FILE", project.Type);
            Assert.True(project.Syncing);
            var body = MigrationProjectClientTests.CheckedBody(Sim.State, "PUT", "/v3/migprojects/" + id, "MigProject");
            Assert.Equal("wave-1", (string)body["name"]!);
            Assert.Equal("ap-southeast-3", (string)body["region"]!);
        }

        [Fact]
        public void Set_Default_alone_sends_no_PUT_of_the_settings_and_WhatIf_sends_nothing()
        {
            var id = AddProject("wave-1");
            var whatIf = Ps.Run("Set-SmsMigrationProject -Id $args[0] -SpeedLimit 5 -WhatIf", id);
            Assert.True(whatIf.Errors.Count == 0, whatIf.Describe());
            Assert.Empty(Sim.State.Requests);

            var r = Ps.Run("Set-SmsMigrationProject -Id $args[0] -Default", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(r.Output);
            Assert.Equal(id, Sim.State.Sms.DefaultMigProjectId);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "PUT" && q.Path == "/v3/migprojects/" + id);
        }

        [Fact]
        public void Remove_deletes_others_and_refuses_the_default_before_deleting_or_asking()
        {
            var keep = Sim.State.Sms.DefaultMigProjectId;
            var a = AddProject("wave-1");
            var b = AddProject("wave-2");
            var r = Ps.Run("$args | Remove-SmsMigrationProject -Confirm:$false", keep, a, b);
            var error = r.SingleError();
            Assert.Equal("DefaultSmsMigrationProjectNotRemovable", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.IsAssignableFrom<HuaweiCloudApiException>(error.Exception);
            Assert.Contains("'default'", error.ToString());
            Assert.Equal(new[] { keep }, Sim.State.Sms.Projects.Ids);
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method == "DELETE" && q.Path == "/v3/migprojects/" + keep);
            Assert.Equal(2, Requests("DELETE").Length);
        }

        [Fact]
        public void A_piped_default_project_is_refused_without_any_request()
        {
            var listed = Ps.Run("$p = Get-SmsMigrationProject; $p");
            Assert.Single(listed.Output);
            Sim.State.ClearRequests();
            var r = Ps.Run("$p | Remove-SmsMigrationProject");
            Assert.Equal(ErrorCategory.InvalidOperation, r.SingleError().CategoryInfo.Category);
            Assert.True(Sim.State.Requests.Count == 0, string.Join(", ", Sim.State.Requests.Select(q => q.Method + " " + q.Path)));
            Assert.Single(Sim.State.Sms.Projects.Ids);
        }

        [Fact]
        public void Remove_asks_first_and_WhatIf_deletes_nothing()
        {
            var id = AddProject("wave-1");
            var r = Ps.Run("Remove-SmsMigrationProject -Id $args[0] -WhatIf", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Requests("DELETE"));
            Assert.Equal(2, Sim.State.Sms.Projects.Ids.Count);
            var impact = Ps.Run("(Get-Command Remove-SmsMigrationProject).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact").Output.Single().ToString();
            Assert.Equal("High", impact);
        }

        [Theory]
        [InlineData("New-SmsMigrationProject -Name 'wave 1' -Region ap-southeast-1", "InvalidSmsMigrationProject", "' '")]
        [InlineData("New-SmsMigrationProject -Name wave-1 -Region 'ap southeast'", "InvalidSmsMigrationProject", "region")]
        [InlineData("New-SmsMigrationProject -Name wave-1 -Region ap-southeast-1 -Type BLOCK", "ParameterArgumentValidationError", "MIGRATE_BLOCK")]
        [InlineData("New-SmsMigrationProject -Name wave-1 -Region ap-southeast-1 -SpeedLimit -1", "ParameterArgumentValidationError", "SpeedLimit")]
        [InlineData("New-SmsMigrationProject -Name wave-1 -Region ap-southeast-1 -SpeedLimit 10001", "ParameterArgumentValidationError", "10000")]
        [InlineData("New-SmsMigrationProject -Name ('w' * 101) -Region ap-southeast-1", "InvalidSmsMigrationProject", "1 to 100 characters")]
        [InlineData("New-SmsMigrationProject -Name wave-1 -Region ap-southeast-1 -Description ('d' * 256)", "InvalidSmsMigrationProject", "at most 255")]
        [InlineData("Set-SmsMigrationProject -Id \"p1`n\" -SpeedLimit 1", "InvalidSmsMigrationProjectId", "U+000A")]
        [InlineData("Set-SmsMigrationProject -Id p1 -Name 'a/b'", "InvalidSmsMigrationProject", "'/'")]
        [InlineData("Remove-SmsMigrationProject -Id '../x' -Confirm:$false", "InvalidSmsMigrationProjectId", "'.'")]
        [InlineData("Get-SmsMigrationProject -Id 'a b'", "InvalidSmsMigrationProjectId", "white space")]
        public void Bad_input_is_refused_before_any_request(string script, string errorId, string fragment)
        {
            var r = Ps.Run(script);
            var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId + ",");
            Assert.Contains(fragment, error.ToString());
            Assert.NotEqual(ErrorCategory.NotSpecified, error.CategoryInfo.Category);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Project_ids_and_names_complete()
        {
            var id = AddProject("wave-1");
            var ids = Ps.Run("(TabExpansion2 -inputScript 'Set-SmsMigrationProject -Id ' -cursorColumn 28).CompletionMatches.CompletionText").Output.Select(o => o.ToString()).ToList();
            Assert.Contains(id, ids);
            Assert.Contains(Sim.State.Sms.DefaultMigProjectId, ids);
            var names = Ps.Run("(TabExpansion2 -inputScript 'Get-SmsMigrationProject -Name wa' -cursorColumn 32).CompletionMatches.CompletionText").Output.Select(o => o.ToString()).ToList();
            Assert.Equal(new[] { "wave-1" }, names);
        }
    }
}
