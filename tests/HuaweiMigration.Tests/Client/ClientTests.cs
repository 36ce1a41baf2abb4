using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>The client alone, over real HTTP against the simulator.</summary>
    public class ClientTests : IClassFixture<SimulatorFixture>
    {
        private readonly SimulatorFixture _sim;

        public ClientTests(SimulatorFixture sim)
        {
            _sim = sim;
            _sim.Reset();
        }

        private ConnectRequest Password() => new ConnectRequest
        {
            AuthType = HuaweiCloudAuthType.Password,
            Region = SimulatorFixture.Region,
            Endpoint = _sim.Endpoint,
            UserName = SimulatorCredentials.UserName,
            Password = PsSession.Secure(SimulatorCredentials.Password),
            DomainName = SimulatorCredentials.DomainName,
        };

        private ConnectRequest AccessKey(string ak = SimulatorCredentials.AccessKey, string sk = SimulatorCredentials.SecretKey) => new ConnectRequest
        {
            AuthType = HuaweiCloudAuthType.AccessKey,
            Region = SimulatorFixture.Region,
            Endpoint = _sim.Endpoint,
            AccessKey = ak,
            SecretKey = PsSession.Secure(sk),
        };

        [Fact]
        public async Task Password_connect_gets_a_project_scoped_token()
        {
            var context = await HuaweiCloudConnector.ConnectAsync(Password(), null, CancellationToken.None);

            Assert.Equal(SimulatorCredentials.ProjectIdFor(SimulatorFixture.Region), context.ProjectId);
            Assert.Equal(SimulatorCredentials.DomainId, context.DomainId);
            Assert.Equal(HuaweiCloudAuthType.Password, context.AuthType);
            Assert.Equal(SimulatorCredentials.UserName, context.UserName);
            Assert.NotNull(context.ExpiresAt);
            Assert.InRange(context.ExpiresAt!.Value, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
            var issue = Assert.Single(_sim.Requests("POST", "/v3/auth/tokens"));
            Assert.Equal(201, issue.StatusCode);
            Assert.Contains("\"project\":{\"name\":\"" + SimulatorFixture.Region + "\"}", issue.Body);
        }

        [Fact]
        public async Task Wrong_password_is_an_authentication_error()
        {
            var request = Password();
            request.Password = PsSession.Secure("not-the-password");
            var ex = await Assert.ThrowsAsync<HuaweiCloudApiException>(() => HuaweiCloudConnector.ConnectAsync(request, null, CancellationToken.None));
            Assert.Equal(ApiErrorKind.Authentication, ex.Kind);
            Assert.Equal(401, ex.StatusCode);
            Assert.DoesNotContain("not-the-password", ex.ToString());
        }

        [Fact]
        public async Task Listing_450_tasks_takes_three_pages_of_at_most_200()
        {
            var context = await HuaweiCloudConnector.ConnectAsync(Password(), null, CancellationToken.None);
            _sim.State.ClearRequests();

            var tasks = new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest(), CancellationToken.None).ToList();

            Assert.Equal(450, tasks.Count);
            Assert.Equal(450, tasks.Select(t => t.Id).Distinct().Count());
            var calls = _sim.ListCalls();
            Assert.Equal(3, calls.Length);
            Assert.All(calls, c => Assert.True(int.Parse(c.Query["limit"]) <= 200));
            // The first page alone, then the rest together (in any order).
            Assert.Equal("0", calls[0].Query["offset"]);
            Assert.Equal(new[] { "200", "400" }, calls.Skip(1).Select(c => c.Query["offset"]).OrderBy(o => int.Parse(o)));
            Assert.All(calls, c => Assert.Equal("Token", c.AuthKind));
            Assert.All(calls, c => Assert.True(c.AuthValid));
        }

        [Fact]
        public async Task Access_key_requests_are_signed_and_verified_by_the_simulator()
        {
            var context = await HuaweiCloudConnector.ConnectAsync(AccessKey(), null, CancellationToken.None);
            Assert.Equal(SimulatorCredentials.DomainId, context.DomainId);
            Assert.Equal(SimulatorCredentials.ProjectIdFor(SimulatorFixture.Region), context.ProjectId);

            var task = new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest { First = 1 }, CancellationToken.None).Single();
            var detail = await new SmsClient(context).GetTaskAsync(task.Id, CancellationToken.None);
            Assert.Equal(task.Id, detail.Id);

            var signed = _sim.State.Requests.Where(r => r.Path.StartsWith("/v3/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(signed);
            Assert.All(signed, r =>
            {
                Assert.Equal("AkSk", r.AuthKind);
                Assert.True(r.AuthValid, r.ToString());
                Assert.Equal(SimulatorCredentials.AccessKey, r.AccessKey);
            });
            // SMS is an account-level service: its signed calls carry the domain id.
            Assert.All(_sim.ListCalls(), r => Assert.Equal(SimulatorCredentials.DomainId, r.Headers["X-Domain-Id"]));
        }

        [Fact]
        public async Task An_access_key_looks_up_its_account_and_project_at_once()
        {
            // The account lookup is held back 1.5 s: the project lookup goes out meanwhile, not after it.
            _sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/auth/domains$", Kind = FaultKind.Latency, Delay = TimeSpan.FromSeconds(1.5) });
            var context = await HuaweiCloudConnector.ConnectAsync(AccessKey(), null, CancellationToken.None);

            Assert.Equal(SimulatorCredentials.DomainId, context.DomainId);
            Assert.Equal(SimulatorCredentials.ProjectIdFor(SimulatorFixture.Region), context.ProjectId);
            var domains = Assert.Single(_sim.Requests("GET", "/v3/auth/domains"));
            var projects = Assert.Single(_sim.Requests("GET", "/v3/projects"));
            Assert.True(projects.Timestamp - domains.Timestamp < TimeSpan.FromSeconds(1), "the project lookup waited for the account's: " + (projects.Timestamp - domains.Timestamp));
            Assert.True(projects.AuthValid, projects.ToString());
        }

        [Fact]
        public async Task A_wrong_secret_key_is_refused_by_the_signature_check()
        {
            var ex = await Assert.ThrowsAsync<HuaweiCloudApiException>(() =>
                HuaweiCloudConnector.ConnectAsync(AccessKey(sk: "WrongSecretKey000000000000000000000000001"), null, CancellationToken.None));
            Assert.Equal(ApiErrorKind.Authentication, ex.Kind);
            Assert.Contains(_sim.State.Requests, r => r.AuthKind == "AkSk" && !r.AuthValid);
        }

        [Fact]
        public async Task Temporary_keys_send_their_security_token()
        {
            var request = AccessKey(SimulatorCredentials.TemporaryAccessKey, SimulatorCredentials.TemporarySecretKey);
            request.SecurityToken = PsSession.Secure(SimulatorCredentials.SecurityToken);
            var context = await HuaweiCloudConnector.ConnectAsync(request, null, CancellationToken.None);
            _ = new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest { First = 1 }, CancellationToken.None).ToList();
            var list = Assert.Single(_sim.ListCalls());
            Assert.True(list.AuthValid);
            Assert.Equal(SimulatorCredentials.TemporaryAccessKey, list.AccessKey);
        }

        [Fact]
        public async Task A_ready_token_is_validated_and_used_as_is()
        {
            var token = await IssueTokenAsync();
            _sim.State.ClearRequests();
            var context = await HuaweiCloudConnector.ConnectAsync(new ConnectRequest
            {
                AuthType = HuaweiCloudAuthType.Token,
                Region = SimulatorFixture.Region,
                Endpoint = _sim.Endpoint,
                Token = PsSession.Secure(token),
            }, null, CancellationToken.None);

            Assert.Equal(SimulatorCredentials.ProjectIdFor(SimulatorFixture.Region), context.ProjectId);
            Assert.Equal(HuaweiCloudAuthType.Token, context.AuthType);
            Assert.NotNull(context.ExpiresAt);
            _ = new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest { First = 2 }, CancellationToken.None).ToList();
            Assert.Empty(_sim.Requests("POST", "/v3/auth/tokens"));
            var list = Assert.Single(_sim.ListCalls());
            Assert.Equal("Token", list.AuthKind);
            Assert.True(list.AuthValid);
            Assert.Equal(token, _sim.Secrets.Of(list, "X-Auth-Token"));
        }

        [Fact]
        public async Task Environment_variables_give_an_access_key_context()
        {
            var env = new Dictionary<string, string>
            {
                [ConnectRequest.EnvAccessKey] = SimulatorCredentials.AccessKey,
                [ConnectRequest.EnvSecretKey] = SimulatorCredentials.SecretKey,
                [ConnectRequest.EnvProjectId] = "0123456789abcdef0123456789abcdef",
            };
            var request = new ConnectRequest { Region = SimulatorFixture.Region, Endpoint = _sim.Endpoint };
            request.ApplyEnvironment(name => env.TryGetValue(name, out var v) ? v : null);
            var context = await HuaweiCloudConnector.ConnectAsync(request, null, CancellationToken.None);
            Assert.Equal(HuaweiCloudAuthType.AccessKey, context.AuthType);
            Assert.Equal(SimulatorCredentials.AccessKey, context.AccessKey);
            Assert.Equal("0123456789abcdef0123456789abcdef", context.ProjectId);
        }

        [Fact]
        public void Missing_environment_variables_are_named_in_the_error()
        {
            var request = new ConnectRequest { Region = SimulatorFixture.Region };
            var ex = Assert.Throws<ArgumentException>(() => request.ApplyEnvironment(_ => null));
            Assert.Contains(ConnectRequest.EnvAccessKey, ex.Message);
            Assert.Contains(ConnectRequest.EnvSecretKey, ex.Message);
        }

        [Fact]
        public async Task A_403_with_an_SMS_body_keeps_code_message_and_request_id()
        {
            var context = await HuaweiCloudConnector.ConnectAsync(Password(), null, CancellationToken.None);
            _sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.Error, StatusCode = 403, ErrorCode = "SMS.9004", ErrorMessage = "You do not have permission to perform this operation." });

            var ex = Assert.Throws<HuaweiCloudApiException>(() =>
                new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest(), CancellationToken.None).ToList());

            Assert.Equal(ApiErrorKind.PermissionDenied, ex.Kind);
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("SMS.9004", ex.ErrorCode);
            Assert.Equal("You do not have permission to perform this operation.", ex.ErrorMessage);
            var logged = Assert.Single(_sim.ListCalls());
            Assert.NotNull(logged.RequestId);
            Assert.Equal(logged.RequestId, ex.RequestId);
        }

        [Fact]
        public async Task Malformed_json_is_an_invalid_response_not_a_crash()
        {
            var context = await HuaweiCloudConnector.ConnectAsync(Password(), null, CancellationToken.None);
            _sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.MalformedJson, Count = -1 });
            var ex = Assert.Throws<HuaweiCloudApiException>(() =>
                new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest(), CancellationToken.None).ToList());
            Assert.Equal(ApiErrorKind.InvalidResponse, ex.Kind);
            Assert.Contains("could not be read", ex.Message);
            // Read again until the attempts or the endpoint's retry budget run out, whichever comes first.
            Assert.True(ex.Message.Contains("Gave up after 7 attempts") || ex.Message.Contains("retry budget"), ex.Message);
        }

        [Fact]
        public async Task One_unreadable_answer_to_a_read_is_read_again()
        {
            var context = await HuaweiCloudConnector.ConnectAsync(Password(), null, CancellationToken.None);
            var before = _sim.State.Requests.Count(r => r.Method == "GET" && r.Path == "/v3/tasks");
            _sim.State.AddFault(new FaultRule { Method = "GET", PathPattern = "^/v3/tasks$", Kind = FaultKind.MalformedJson });
            var tasks = new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest(), CancellationToken.None).ToList();
            Assert.Equal(_sim.State.Sms.Ids.Count(), tasks.Count);
            var pages = (tasks.Count + SmsClient.MaxPageSize - 1) / SmsClient.MaxPageSize;
            Assert.Equal(before + pages + 1, _sim.State.Requests.Count(r => r.Method == "GET" && r.Path == "/v3/tasks"));
        }

        [Fact]
        public async Task Show_reads_sub_tasks_servers_and_epoch_dates()
        {
            var context = await HuaweiCloudConnector.ConnectAsync(Password(), null, CancellationToken.None);
            // Tasks that have started have sub-tasks; READY ones have none yet.
            var id = _sim.State.Sms.Ids.First(i => _sim.State.Sms.GetState(i) == "RUNNING");
            var task = await new SmsClient(context).GetTaskAsync(id, CancellationToken.None);
            Assert.Equal(id, task.Id);
            Assert.NotEqual(SmsTaskState.Unknown, task.State);
            Assert.Equal(task.RawState, task.State.ToString());
            Assert.NotEmpty(task.SubTasks);
            Assert.NotNull(task.SourceServer);
            Assert.NotNull(task.TargetServer);
            Assert.NotNull(task.CreateDate);
            Assert.Equal(DateTimeKind.Utc, task.CreateDate!.Value.Kind);
            Assert.InRange(task.CreateDate.Value, new DateTime(2015, 1, 1), DateTime.UtcNow.AddDays(1));
        }

        [Fact]
        public async Task An_expiring_password_token_is_renewed_before_use()
        {
            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 5, TokenLifetime = TimeSpan.FromSeconds(2) });
            var request = Password();
            request.Endpoint = sim.BaseUri;
            var context = await HuaweiCloudConnector.ConnectAsync(request, null, CancellationToken.None);
            var client = new SmsClient(context);
            _ = client.EnumerateTasks(new SmsTaskFilter(), new PagingRequest(), CancellationToken.None).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2.2));
            var tasks = client.EnumerateTasks(new SmsTaskFilter(), new PagingRequest(), CancellationToken.None).ToList();

            Assert.Equal(5, tasks.Count);
            // At least one renewal; on a busy machine the first listing may itself come late enough to renew once more.
            Assert.InRange(sim.State.Requests.Count(r => r.Method == "POST" && r.Path == "/v3/auth/tokens"), 2, 3);
            Assert.DoesNotContain(sim.State.Requests, r => r.Path == "/v3/tasks" && !r.AuthValid);
        }

        private async Task<string> IssueTokenAsync()
        {
            using var http = new HttpClient();
            var body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName
                + "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName
                + "\"}}}},\"scope\":{\"project\":{\"name\":\"" + SimulatorFixture.Region + "\"}}}}";
            using var response = await http.PostAsync(new Uri(_sim.Endpoint, "v3/auth/tokens"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(201, (int)response.StatusCode);
            return response.Headers.GetValues("X-Subject-Token").Single();
        }
    }
}
