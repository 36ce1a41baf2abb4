using System;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Client;
using HuaweiMigration.Tests.Conformance;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Get-, New-, Set- and Remove-SmsTemplate over the simulator; the target password is never shown.</summary>
    public class TemplateTests : LifecycleTestBase
    {
        private const string Parts =
            "-Vpc @{ id = 'vpc-1'; NAME = 'vpc-wave'; Cidr = '192.168.0.0/16' } " +
            "-Nic @{ Id = 'sub-1'; Name = 'sub-web'; Cidr = '192.168.1.0/24'; Ip = '192.168.1.10' }, @{ Id = 'sub-2'; Name = 'sub-db'; Cidr = '192.168.2.0/24' } " +
            "-SecurityGroup @{ Id = 'sg-1'; Name = 'sg-web' } " +
            "-PublicIp @{ Type = '5_bgp'; BandwidthSize = 20; BandwidthShareType = 'PER' } " +
            "-Disk @{ Index = 0; Name = '/dev/vda'; DiskType = 'SSD'; Size = 40; DeviceUse = 'BOOT' }, @{ index = 1; name = '/dev/vdb'; disktype = 'SAS'; size = '100' }";

        private readonly string _planted = "Pl@nted-" + Guid.NewGuid().ToString("N");

        public TemplateTests()
        {
            Ps.Set("planted", _planted);
            Ps.Run("function Secure([string] $Text) { $s = [securestring]::new(); foreach ($c in $Text.ToCharArray()) { $s.AppendChar($c) }; $s }");
        }

        /// <summary>No object written, no stream, no error and no request log entry holds the planted password.</summary>
        private void NowhereIn(PsResult r)
        {
            Assert.DoesNotContain(_planted, r.AllText());
            foreach (var o in r.Output)
            {
                Assert.DoesNotContain(_planted, JsonConvert.SerializeObject(o.BaseObject));
                Assert.DoesNotContain(_planted, string.Join(" ", o.Properties.Select(p => p.Name + "=" + SafeValue(p))));
            }
            foreach (var e in r.Errors) Assert.DoesNotContain(_planted, e.Exception.ToString() + e.ErrorDetails?.Message + e.TargetObject);
            Assert.All(r.Output.Select(o => o.BaseObject).OfType<SmsTemplate>(), t =>
                Assert.DoesNotContain(t.AdditionalProperties.Keys, k => k.Contains("password", StringComparison.OrdinalIgnoreCase)));
            Assert.All(Sim.State.Requests, q => Assert.DoesNotContain(_planted, (q.Body ?? string.Empty) + q.QueryString));
        }

        private static string SafeValue(PSPropertyInfo p)
        {
            try
            {
                return JsonConvert.SerializeObject(p.Value is PSObject o ? o.BaseObject : p.Value);
            }
            catch (Exception ex)
            {
                return ex.GetType().Name;
            }
        }

        [Fact]
        public void New_sends_a_TemplateRequest_with_is_template_true_and_the_password_reaches_only_the_service()
        {
            var r = Ps.Run("New-SmsTemplate -Name web-tpl -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor s6.large.2 " + Parts +
                " -VolumeType SSD -DataVolumeType SAS -TargetServerName web-target -ImageId img-1 -ProjectId proj-1 -TargetPassword (Secure $planted) -Verbose -Debug");
            Assert.True(r.Errors.Count == 0, r.Describe());
            var template = Assert.Single(r.Objects<SmsTemplate>());
            Assert.Equal("web-tpl", template.Name);
            Assert.True(template.IsTemplate);
            Assert.Equal("vpc-wave", template.Vpc!.Name);
            Assert.Equal(new[] { "sub-web", "sub-db" }, template.Nics.Select(n => n.Name));
            Assert.Equal(20, template.PublicIp!.BandwidthSize);
            Assert.Equal(new long?[] { 40, 100 }, template.Disks.Select(d => d.Size));
            Assert.Equal(new int?[] { 0, 1 }, template.Disks.Select(d => d.Index));
            Assert.Equal("proj-1", template.ProjectId);

            var body = MigrationProjectClientTests.CheckedBody(Sim.State, "POST", "/v3/vm/templates", "CreateTemplateReq");
            var sent = (JObject)body["template"]!;
            Assert.Empty(SdkShapes.Instance.Validate(sent, "TemplateRequest"));
            foreach (var key in MigrationProjectClientTests.Required("TemplateRequest")) Assert.NotNull(sent[key]);
            Assert.Equal(JTokenType.Boolean, sent["is_template"]!.Type);
            Assert.True((bool)sent["is_template"]!);
            Assert.Equal(JTokenType.Integer, sent["disk"]![1]!["size"]!.Type);
            Assert.Equal(JTokenType.Integer, sent["publicip"]!["bandwidth_size"]!.Type);
            foreach (var (part, model) in new[] { ("nics", "Nics"), ("security_groups", "SgObject"), ("disk", "TemplateDisk") })
            {
                foreach (var item in (JArray)sent[part]!)
                {
                    foreach (var key in MigrationProjectClientTests.Required(model)) Assert.True(item[key] != null, part + " lacks " + key);
                }
            }
            // The secret went to the service (the simulator keeps it), and nowhere else.
            Assert.Equal(_planted, Sim.State.Sms.Templates.PasswordOf(template.Id!));
            Assert.Equal("[redacted]", (string)sent["target_password"]!);
            NowhereIn(r);
        }

        [Fact]
        public void A_password_the_service_serves_is_never_kept_listed_or_by_id()
        {
            var id = Sim.State.Sms.Templates.Add("web-tpl", targetPassword: _planted);
            Sim.State.Sms.Templates.Add("db-tpl", region: "ap-southeast-3", availabilityZone: "ap-southeast-3b", targetPassword: _planted);
            // The simulator does answer it, as the real API does.
            Assert.Equal(_planted, (string)Sim.State.Sms.Templates.Get(id)!["target_password"]!);

            var listed = Ps.Run("Get-SmsTemplate -Verbose -Debug");
            Assert.True(listed.Errors.Count == 0, listed.Describe());
            Assert.Equal(2, listed.Objects<SmsTemplate>().Count());
            NowhereIn(listed);
            var byId = Ps.Run("Get-SmsTemplate -Id $args[0] -Verbose -Debug", id);
            Assert.Equal(id, Assert.Single(byId.Objects<SmsTemplate>()).Id);
            NowhereIn(byId);
            var asText = Ps.Run("Get-SmsTemplate | ForEach-Object { $_.ToString(); $_.Vpc.ToString(); $_.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" } }");
            NowhereIn(asText);
        }

        [Fact]
        public void Lists_with_the_APIs_filters_and_names_by_wildcard()
        {
            Sim.State.Sms.Templates.Add("web-1");
            Sim.State.Sms.Templates.Add("web-2", availabilityZone: "ap-southeast-1b");
            Sim.State.Sms.Templates.Add("db-1", region: "ap-southeast-3", availabilityZone: "ap-southeast-3a");
            var web = Ps.Run("Get-SmsTemplate -Name 'WEB-*'").Objects<SmsTemplate>().Select(t => t.Name);
            Assert.Equal(new[] { "web-1", "web-2" }, web);
            var zone = Ps.Run("Get-SmsTemplate -Region ap-southeast-1 -AvailabilityZone ap-southeast-1b").Objects<SmsTemplate>().Select(t => t.Name);
            Assert.Equal(new[] { "web-2" }, zone);
            var query = Sim.State.Requests.Last(q => q.Path == "/v3/vm/templates").Query;
            Assert.Equal("ap-southeast-1b", query["availability_zone"]);
            Assert.Equal("ap-southeast-1", query["region"]);
            Assert.True(int.Parse(query["limit"]) <= 100);
        }

        [Fact]
        public void A_row_with_a_field_of_the_wrong_type_is_an_error_naming_the_template_and_the_others_are_written()
        {
            Sim.State.Sms.Templates.Add("good-1");
            var bad = Sim.State.Sms.Templates.Create(new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "bad-1",
                ["publicip"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "5_bgp", ["bandwidth_size"] = "lots" },
            }, _planted);
            Sim.State.Sms.Templates.Add("good-2");
            var r = Ps.Run("Get-SmsTemplate");
            Assert.Equal(new[] { "good-1", "good-2" }, r.Objects<SmsTemplate>().Select(t => t.Name));
            var error = r.SingleError();
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("SMS template 'bad-1' (" + bad + ")", error.ToString());
            Assert.Contains("bandwidth_size", error.ToString());
            NowhereIn(r);
        }

        [Fact]
        public void Lists_many_pages()
        {
            for (var i = 0; i < 250; i++) Sim.State.Sms.Templates.Add("tpl-" + i.ToString("000"));
            var r = Ps.Run("Get-SmsTemplate");
            Assert.Equal(250, r.Objects<SmsTemplate>().Select(t => t.Id).Distinct().Count());
            var pages = Sim.State.Requests.Where(q => q.Path == "/v3/vm/templates").ToList();
            Assert.Equal(3, pages.Count);
            Assert.All(pages, p => Assert.Equal("100", p.Query["limit"]));
        }

        [Fact]
        public void By_id_unwraps_the_answer_and_an_unknown_id_is_ObjectNotFound()
        {
            var id = Sim.State.Sms.Templates.Add("web-tpl", isTemplate: false);
            var r = Ps.Run("$args[0], '0123456789abcdef0123456789abcdef' | Get-SmsTemplate", id);
            var template = Assert.Single(r.Objects<SmsTemplate>());
            Assert.Equal("web-tpl", template.Name);
            Assert.False(template.IsTemplate);
            Assert.Equal("false", template.IsTemplateText);
            Assert.Equal("SSD", template.Disks.Single().DiskType);
            Assert.Equal(ErrorCategory.ObjectNotFound, r.SingleError().CategoryInfo.Category);
        }

        [Fact]
        public void Set_sends_the_changes_with_the_current_name_and_PassThru_reads_back()
        {
            var id = Sim.State.Sms.Templates.Add("web-tpl");
            var r = Ps.Run("Get-SmsTemplate -Id $args[0] | Set-SmsTemplate -Flavor s6.xlarge.2 -PublicIp @{ Type = '5_bgp'; BandwidthSize = 50 } -TargetPassword (Secure $planted) -PassThru -Verbose", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            var template = Assert.Single(r.Objects<SmsTemplate>());
            Assert.Equal("s6.xlarge.2", template.Flavor);
            Assert.Equal(50, template.PublicIp!.BandwidthSize);
            Assert.Equal("subnet-wave", template.Nics.Single().Name);
            var body = MigrationProjectClientTests.CheckedBody(Sim.State, "PUT", "/v3/vm/templates/" + id, "UpdateTemplateReq");
            var sent = (JObject)body["template"]!;
            Assert.Empty(SdkShapes.Instance.Validate(sent, "TemplateRequest"));
            Assert.Equal("web-tpl", (string)sent["name"]!);
            Assert.Null(sent["nics"]);
            Assert.Null(sent["is_template"]);
            Assert.Equal(_planted, Sim.State.Sms.Templates.PasswordOf(id));
            NowhereIn(r);
        }

        [Fact]
        public void Set_WhatIf_sends_nothing_and_never_names_the_password()
        {
            var id = Sim.State.Sms.Templates.Add("web-tpl");
            var r = Ps.Run("Set-SmsTemplate -Id $args[0] -Flavor x -TargetPassword (Secure $planted) -WhatIf", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Sim.State.Requests);
            NowhereIn(r);
        }

        [Fact]
        public void A_failed_create_never_quotes_the_password()
        {
            Sim.State.AddFault(new FaultRule { Method = "POST", PathPattern = "^/v3/vm/templates$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.0007", ErrorMessage = "The template has no VPC or image." });
            var r = Ps.Run("New-SmsTemplate -Name web-tpl -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor s6.large.2 " + Parts + " -TargetPassword (Secure $planted) -Verbose -Debug");
            var error = r.SingleError();
            Assert.Equal("SMS.0007", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(Sim.State.Sms.Templates.Ids);
            NowhereIn(r);
        }

        [Fact]
        public void An_error_that_echoes_the_request_body_never_shows_the_password()
        {
            // A service that quotes the body it refused: the password it quotes must not reach any message.
            Sim.State.AddFault(new FaultRule
            {
                Method = "POST", PathPattern = "^/v3/vm/templates$", Kind = FaultKind.Error, StatusCode = 400, ErrorCode = "SMS.0201",
                ErrorMessage = "Invalid body: {\"template\":{\"name\":\"web-tpl\",\"target_password\":\"" + _planted + "\"}} target_password=" + _planted,
            });
            var r = Ps.Run("New-SmsTemplate -Name web-tpl -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor s6.large.2 " + Parts + " -TargetPassword (Secure $planted) -Verbose -Debug");
            var error = r.SingleError();
            Assert.Equal("SMS.0201", error.FullyQualifiedErrorId.Split(',')[0]);
            NowhereIn(r);
        }

        [Fact]
        public void Remove_with_Force_asks_nothing_and_with_WhatIf_still_sends_nothing()
        {
            var ids = Enumerable.Range(1, 2).Select(i => Sim.State.Sms.Templates.Add("force-" + i)).ToArray();
            var what = Ps.Run("Remove-SmsTemplate -Id $args[0] -Force -WhatIf", ids[0]);
            Assert.True(what.Errors.Count == 0, what.Describe());
            Assert.DoesNotContain(Sim.State.Requests, q => q.Method != "GET");
            // This host fails on any prompt (HostFunctionNotImplemented): a High-impact removal without -Confirm:$false passes only because -Force skips it.
            var r = Ps.Run("$args | Remove-SmsTemplate -Force", ids[0], ids[1]);
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Empty(Sim.State.Sms.Templates.Ids);
        }

        [Fact]
        public void Remove_deletes_one_with_DELETE_and_many_in_one_batch_and_an_unknown_id_fails_alone()
        {
            var ids = Enumerable.Range(1, 4).Select(i => Sim.State.Sms.Templates.Add("tpl-" + i)).ToArray();
            var one = Ps.Run("Remove-SmsTemplate -Id $args[0] -Confirm:$false", ids[0]);
            Assert.True(one.Errors.Count == 0, one.Describe());
            Assert.Single(Requests("DELETE"), q => q.Path == "/v3/vm/templates/" + ids[0]);

            Sim.State.ClearRequests();
            var many = Ps.Run("$args | Remove-SmsTemplate -Confirm:$false", ids[1], ids[2], "0123456789abcdef0123456789abcdef", ids[3]);
            var error = many.SingleError();
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("0123456789abcdef0123456789abcdef", error.TargetObject);
            Assert.Empty(Sim.State.Sms.Templates.Ids);
            var batch = Assert.Single(Sim.State.Requests, q => q.Method == "POST" && q.Path == "/v3/vm/templates/delete");
            var sent = JObject.Parse(batch.Body!);
            Assert.Empty(SdkShapes.Instance.Validate(sent, "DeletetemplatesReq"));
            Assert.Equal(4, ((JArray)sent["ids"]!).Count);
        }

        [Fact]
        public void Remove_of_many_sends_one_batch_per_50()
        {
            var ids = Enumerable.Range(1, 120).Select(i => (object)Sim.State.Sms.Templates.Add("tpl-" + i)).ToArray();
            var r = Ps.Run("$args | Remove-SmsTemplate -Confirm:$false", ids);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Sim.State.Sms.Templates.Ids);
            var batches = Sim.State.Requests.Where(q => q.Path == "/v3/vm/templates/delete").Select(q => ((JArray)JObject.Parse(q.Body!)["ids"]!).Count).ToList();
            Assert.Equal(new[] { 50, 50, 20 }, batches);
        }

        [Fact]
        public void Remove_WhatIf_deletes_nothing()
        {
            var id = Sim.State.Sms.Templates.Add("tpl-1");
            var r = Ps.Run("Remove-SmsTemplate -Id $args[0] -WhatIf", id);
            Assert.True(r.Errors.Count == 0, r.Describe());
            Assert.Empty(Sim.State.Requests);
            Assert.Single(Sim.State.Sms.Templates.Ids);
        }

        [Theory]
        [InlineData("-Nic @{ Id = 's'; Name = 's' }", "lacks the required key 'Cidr'")]
        [InlineData("-Nic @{ Id = 's'; Name = 's'; Cidr = 'c'; Mask = 'm' }", "'Mask'")]
        [InlineData("-Nic @{ Id = 's'; Name = 's'; Cidr = 'c' } -SecurityGroup @{ Name = 'sg' }", "lacks the required key 'Id'")]
        [InlineData("-Nic @{ Id = 's'; Name = 's'; Cidr = 'c' } -PublicIp @{ Type = '5_bgp'; Bandwidth = 5 }", "'Bandwidth'")]
        [InlineData("-Nic @{ Id = 's'; Name = 's'; Cidr = 'c' } -Disk @{ Index = 0; Name = 'vda'; Size = 40 }", "lacks the required key 'DiskType'")]
        [InlineData("-Nic @{ Id = 's'; Name = 's'; Cidr = 'c' } -Disk @{ Index = 'first'; Name = 'vda'; DiskType = 'SSD'; Size = 40 }", "'Index' must be a whole number")]
        [InlineData("-Nic @{ Id = 's'; Name = 's'; Cidr = 'c' } -Vpc @{ Id = 'v'; Subnet = 'x' }", "'Subnet'")]
        [InlineData("-Nic @{ Id = 's'; Name = 's'; Cidr = \"c`n\" }", "U+000A")]
        public void A_bad_part_is_refused_naming_the_key_before_any_request(string parts, string fragment)
        {
            var script = "New-SmsTemplate -Name web -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor f -TargetPassword (Secure $planted) " + parts
                + (parts.Contains("-Vpc") ? string.Empty : " -Vpc @{ Id = 'v' }")
                + (parts.Contains("-SecurityGroup") ? string.Empty : " -SecurityGroup @{ Id = 'g'; Name = 'g' }");
            var r = Ps.Run(script);
            var error = r.SingleError();
            Assert.Equal("InvalidSmsTemplate", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(fragment, error.ToString());
            Assert.Empty(Sim.State.Requests);
            NowhereIn(r);
        }

        [Fact]
        public void Template_ids_and_names_complete()
        {
            var id = Sim.State.Sms.Templates.Add("web-tpl");
            var ids = Ps.Run("(TabExpansion2 -inputScript 'Remove-SmsTemplate -Id ' -cursorColumn 23).CompletionMatches.CompletionText").Output.Select(o => o.ToString());
            Assert.Contains(id, ids);
            var names = Ps.Run("(TabExpansion2 -inputScript 'Get-SmsTemplate -Name we' -cursorColumn 24).CompletionMatches.CompletionText").Output.Select(o => o.ToString());
            Assert.Equal(new[] { "web-tpl" }, names);
        }
    }
}
