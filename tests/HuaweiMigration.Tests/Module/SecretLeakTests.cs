using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Every cmdlet, on success and error paths, with -Verbose and -Debug, under each kind of credential: no
    /// password, secret key, security token, token, signature or Redis password in any stream or error record.
    /// </summary>
    public class SecretLeakTests : LifecycleTestBase
    {
        /// <summary>What the module sent, read off the wire from here on (the request log keeps secrets out).</summary>
        private readonly WireSecrets _wire;

        public SecretLeakTests() => _wire = new WireSecrets(Sim.State);

        private const string EveryCmdlet = @"
            $all = @()
            $all += Get-HuaweiCloudContext
            $all += Get-HuaweiCloudContext | ForEach-Object { $_.ToString(); $_.PSObject.Properties | ForEach-Object { ""$($_.Name)=$($_.Value)"" } }
            $all += Get-SmsTask -Verbose -Debug
            $all += Get-SmsTask -Id $sms[0], 'no-such-task' -Verbose -Debug
            $all += Get-SmsTask -Id 'bad/id' -Verbose -Debug
            $all += Suspend-SmsTask -Id $sms[1] -Wait -PollInterval 0.05 -Verbose -Debug
            $all += Suspend-SmsTask -Id $sms[2] -Verbose -Debug
            $all += Start-SmsTask -Id $sms[1] -Wait -PollInterval 0.05 -Verbose -Debug
            $all += Start-SmsTask -Id $sms[3] -Verbose -Debug
            $all += Remove-SmsTask -Id $sms[3] -Confirm:$false -Verbose -Debug
            $all += Remove-SmsTask -Id $sms[4] -Force -Wait -PassThru -PollInterval 0.05 -Verbose -Debug
            $all += Wait-SmsTask -Id $sms[5] -State MIGRATE_SUCCESS -Timeout 1 -PollInterval 0.2 -Verbose -Debug
            $all += Get-DcsMigrationTask -Verbose -Debug
            $all += Get-DcsMigrationTask -Id $dcs[0], '00000000-0000-0000-0000-00000000beef' -Verbose -Debug
            $all += Stop-DcsMigrationTask -Id $dcs[1] -Wait -PollInterval 0.05 -Verbose -Debug
            $all += Get-DcsMigrationTask | Stop-DcsMigrationTask -Verbose -Debug
            $all | ForEach-Object { $_; $_.PSObject.Properties | ForEach-Object { ""$($_.Name)=$($_.Value)"" } }";

        [Fact]
        public void No_secret_in_any_stream_or_error_record()
        {
            var text = new StringBuilder();
            foreach (var (connect, setup) in Connections())
            {
                var sms = new[] { AddTasks(1, "RUNNING", "a")[0], AddTasks(1, "RUNNING", "b")[0], AddTasks(1, "RUNNING", "c")[0], AddTasks(1, "READY", "d")[0], AddTasks(1, "RUNNING", "e")[0], AddTasks(1, "RUNNING", "f")[0] };
                var dcs = new[] { Sim.State.Dcs.Add("dcs-a", "INCRMIGEATING"), Sim.State.Dcs.Add("dcs-b", "FULLMIGRATING"), Sim.State.Dcs.Add("dcs-c", "SUCCESS") };
                Ps.Set("sms", sms);
                Ps.Set("dcs", dcs);
                setup();
                var connected = Ps.Run(connect + " -Verbose -Debug");
                Assert.True(connected.Errors.Count == 0, connected.Describe());
                text.Append(connected.AllText());

                // Error paths the API causes: denied, throttled, unreadable, expired.
                Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Throttle, Count = 1 });
                Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v2/.*/migration-tasks$", Kind = FaultKind.Error, StatusCode = 403, ErrorCode = "DCS.4001", ErrorMessage = "Forbidden", Count = 1 });
                Sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks/", Kind = FaultKind.MalformedJson, Count = 1 });
                var r = Ps.Run(EveryCmdlet);
                Sim.State.ClearFaults();
                Sim.State.ExpireAllTokens();
                var again = Ps.Run("Get-SmsTask -First 1 -Verbose -Debug");

                Assert.NotEmpty(r.Verbose);
                Assert.NotEmpty(r.Debug);
                Assert.True(r.Errors.Count >= 5, r.Describe());
                text.Append(r.AllText()).Append(again.AllText());
            }

            // Bad credentials: the error paths of Connect itself.
            Ps.Set("bad", PsSession.Credential(SimulatorCredentials.UserName, "Wrong-" + SimulatorCredentials.Password));
            Ps.Set("badsk", PsSession.Secure("X" + SimulatorCredentials.SecretKey));
            var refused = Ps.Run(@"
                Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential $bad -DomainName sim-domain -Verbose -Debug
                Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -AccessKey " + SimulatorCredentials.AccessKey + @" -SecretKey $badsk -Verbose -Debug");
            Assert.Equal(2, refused.Errors.Count);
            text.Append(refused.AllText());

            var all = text.ToString();
            Assert.Contains("SMS: GET", all);
            var hits = Secrets().Where(s => all.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(hits.Count == 0, hits.Count + " secret(s) found in the output: " + string.Join(", ", hits.Select(h => h.Substring(0, Math.Min(6, h.Length)) + "…")));
            Assert.DoesNotContain("redis-SECRET", all, StringComparison.OrdinalIgnoreCase);
        }

        private IEnumerable<(string Connect, Action Setup)> Connections()
        {
            yield return ("$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential $cred -DomainName sim-domain", () => { });
            yield return ("$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -AccessKey " + SimulatorCredentials.TemporaryAccessKey + " -SecretKey $sk -SecurityToken $st", () =>
            {
                Ps.Set("sk", PsSession.Secure(SimulatorCredentials.TemporarySecretKey));
                Ps.Set("st", PsSession.Secure(SimulatorCredentials.SecurityToken));
            });
            yield return ("$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Token $token", () => Ps.Set("token", PsSession.Secure(IssueToken())));
        }

        /// <summary>Every secret this test's session used, as read off the wire by the simulator.</summary>
        private IEnumerable<string> Secrets()
        {
            var secrets = new HashSet<string>(StringComparer.Ordinal)
            {
                SimulatorCredentials.Password, SimulatorCredentials.SecretKey, SimulatorCredentials.TemporarySecretKey,
                SimulatorCredentials.SecurityToken, "Wrong-" + SimulatorCredentials.Password, "X" + SimulatorCredentials.SecretKey,
            };
            foreach (var header in new[] { "X-Auth-Token", "X-Subject-Token", "X-Security-Token" })
            {
                secrets.UnionWith(_wire.In(header));
            }
            secrets.UnionWith(_wire.In("Authorization").Select(auth => Regex.Match(auth, "Signature=([0-9a-f]+)").Groups[1].Value));
            secrets.RemoveWhere(s => s.Length < 8);
            Assert.Contains(secrets, s => s.StartsWith("MIIsim", StringComparison.Ordinal));
            return secrets;
        }

        private string IssueToken()
        {
            using var http = new HttpClient();
            var body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName
                + "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName
                + "\"}}}},\"scope\":{\"project\":{\"name\":\"ap-southeast-1\"}}}}";
            using var response = http.PostAsync(new Uri(Sim.BaseUri, "v3/auth/tokens"), new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
            return response.Headers.GetValues("X-Subject-Token").Single();
        }
    }
}
