using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>
    /// Behind the checks of Connect-HuaweiCloud: when a header value the HTTP library refuses does reach the
    /// transport, its error carries neither the value nor the signature, in its message or anywhere in its chain.
    /// </summary>
    public class LibraryErrorTests : IClassFixture<SimulatorFixture>
    {
        private readonly SimulatorFixture _sim;

        public LibraryErrorTests(SimulatorFixture sim)
        {
            _sim = sim;
            _sim.Reset();
        }

        private HuaweiCloudContext Context(ApiCredential credential) =>
            new HuaweiCloudContext(SimulatorFixture.Region, "0a1b2c3d4e5f", "d0000000000000000000000000000001", _sim.Endpoint, _sim.Endpoint, _sim.Endpoint, credential);

        public static IEnumerable<object[]> BadTokens()
        {
            yield return new object[] { "\n" };
            yield return new object[] { "\r\nX-Injected: 1" };
        }

        [Theory]
        [MemberData(nameof(BadTokens))]
        public async Task A_token_the_library_refuses_is_not_quoted(string tail)
        {
            var planted = "MIIplanted" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
            var client = new SmsClient(Context(new TokenCredential(PsSession.Secure(planted + tail), null, null)));
            var error = await Assert.ThrowsAsync<HuaweiCloudApiException>(() => client.GetTaskAsync("0b1c2d3e-0000-4000-8000-000000000001", CancellationToken.None));
            Assert.Equal(ApiErrorKind.InvalidArgument, error.Kind);
            Assert.Contains("could not be sent", error.Message);
            Assert.DoesNotContain(planted, Everything(error));
            Assert.Empty(_sim.State.Requests);
        }

        [Fact]
        public async Task An_access_key_with_a_header_in_it_leaks_neither_the_header_nor_the_signature()
        {
            var planted = "HDRplanted" + Guid.NewGuid().ToString("N");
            var credential = new AccessKeyCredential("AK\r\nX-Planted: " + planted, PsSession.Secure(SimulatorCredentials.SecretKey), null);
            var client = new SmsClient(Context(credential));
            var error = await Assert.ThrowsAsync<HuaweiCloudApiException>(() => client.GetTaskAsync("0b1c2d3e-0000-4000-8000-000000000001", CancellationToken.None));
            Assert.Equal(ApiErrorKind.InvalidArgument, error.Kind);
            var text = Everything(error);
            Assert.DoesNotContain(planted, text);
            Assert.DoesNotContain("Signature=", text);
            Assert.Empty(_sim.State.Requests);
        }

        [Fact]
        public void Scrub_cuts_a_value_whole_escaped_or_line_by_line()
        {
            var headers = new[] { new KeyValuePair<string, string>("X-Auth-Token", "MIIsecret-token-value\r\nX-Evil: injected-line") };
            Assert.Equal("bad value: ***", LibraryErrors.Scrub("bad value: MIIsecret-token-value\r\nX-Evil: injected-line", headers));
            Assert.Equal("bad value: ***", LibraryErrors.Scrub("bad value: MIIsecret-token-value\\r\\nX-Evil: injected-line", headers));
            Assert.Equal("first *** then ***", LibraryErrors.Scrub("first MIIsecret-token-value then X-Evil: injected-line", headers));
            Assert.Equal("nothing here", LibraryErrors.Scrub("nothing here", headers));

            var original = new InvalidOperationException("outer", new FormatException("Invalid header value: MIIsecret-token-value"));
            var kept = LibraryErrors.Keep(original, headers)!;
            Assert.IsType<ScrubbedLibraryException>(kept);
            Assert.DoesNotContain("MIIsecret", kept.ToString());
            Assert.Contains("System.FormatException", ((ScrubbedLibraryException)kept).OriginalChain);
            var harmless = new InvalidOperationException("connection refused");
            Assert.Same(harmless, LibraryErrors.Keep(harmless, headers));
        }

        /// <summary>What a person could see of an exception: its text, stack and every inner exception's.</summary>
        private static string Everything(Exception error)
        {
            var parts = new List<string>();
            for (var e = error; e != null; e = e.InnerException)
            {
                parts.Add(e.ToString());
                parts.Add(e.Message);
                parts.AddRange(e.Data.Values.Cast<object>().Select(v => v?.ToString() ?? string.Empty));
                if (e is ScrubbedLibraryException s) parts.Add(s.OriginalChain);
            }
            return string.Join("\n", parts);
        }
    }
}
