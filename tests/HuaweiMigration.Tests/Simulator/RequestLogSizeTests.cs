using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// One request-log entry holds a few KB whatever the request carried: header values, the query string and the
    /// body are cut (and say so), and all of an entry's text together stays within <see cref="RequestCapture.MaxEntryBytes"/>.
    /// Counted exactly, in process; the memory this saves is measured in <see cref="RequestLogMemoryTests"/>.
    /// </summary>
    public sealed class RequestLogSizeTests : IAsyncLifetime
    {
        /// <summary>Room for the notes of what was cut ("…(30000 chars in all)"), which are not counted in the budget.</summary>
        private const int Notes = 200;

        private SimulatorHost _host = null!;
        private HttpClient _http = null!;

        public async Task InitializeAsync()
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 3, DcsTaskCount = 0 });
            _http = new HttpClient { BaseAddress = _host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _host.DisposeAsync();
        }

        [Fact]
        public async Task Thirty_KB_of_headers_a_6_KB_query_string_and_a_2_MB_body_leave_an_entry_of_4_KB()
        {
            var query = new StringBuilder("v3/tasks/delete?limit=1&offset=0");
            for (var i = 0; query.Length < 6000; i++) query.Append("&q").Append(i).Append('=').Append('q', 290);
            var body = Encoding.UTF8.GetBytes("{\"ids\":[\"a\"],\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
            using var request = new HttpRequestMessage(HttpMethod.Post, query.ToString()) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            for (var h = 0; h < 10; h++) request.Headers.TryAddWithoutValidation("X-Pad-" + h, new string((char)('a' + h), 3000));
            (await _http.SendAsync(request)).Dispose();

            var entry = Assert.Single(_host.State.Requests);
            Assert.All(entry.Headers, h => Assert.True(h.Value.Length <= RequestCapture.MaxHeaderValue + 30, h.Key + ": " + h.Value.Length + " chars"));
            Assert.Contains(entry.Headers, h => h.Key == "X-Pad-0" && h.Value.EndsWith("…(3000 chars in all)", StringComparison.Ordinal));
            Assert.InRange(entry.Headers.Sum(h => h.Key.Length + h.Value.Length + 2), 1, RequestCapture.MaxHeaders);
            Assert.InRange(entry.QueryString.Length, RequestCapture.MaxQueryString, RequestCapture.MaxQueryString + 30);
            Assert.EndsWith("(" + (query.Length - "v3/tasks/delete".Length) + " chars in all)", entry.QueryString, StringComparison.Ordinal);
            // The decoded query holds the whole parameters only: never a value cut short.
            Assert.Equal("1", entry.Query["limit"]);
            Assert.All(entry.Query.Where(q => q.Key.StartsWith('q')), q => Assert.Equal(290, q.Value.Length));
            Assert.EndsWith("(" + body.Length + " bytes in all)", entry.Body, StringComparison.Ordinal);
            Assert.StartsWith("{\"ids\":[\"a\"],\"pad\":\"xxx", entry.Body, StringComparison.Ordinal);

            var total = Encoding.UTF8.GetByteCount(entry.Path) + Encoding.UTF8.GetByteCount(entry.QueryString) +
                        entry.Headers.Sum(h => Encoding.UTF8.GetByteCount(h.Key) + Encoding.UTF8.GetByteCount(h.Value) + 2) +
                        Encoding.UTF8.GetByteCount(entry.Body!);
            Assert.InRange(total, RequestCapture.MaxEntryBytes - Notes, RequestCapture.MaxEntryBytes + Notes);
        }

        [Fact]
        public async Task A_small_request_is_kept_whole()
        {
            const string body = "{\"ids\":[\"mig-1\",\"mig-2\"]}";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            (await _http.PostAsync("v3/tasks/delete?limit=5&name=a%20b", content)).Dispose();

            var entry = Assert.Single(_host.State.Requests);
            Assert.Equal(body, entry.Body);
            Assert.Equal("?limit=5&name=a%20b", entry.QueryString);
            Assert.Equal("a b", entry.Query["name"]);
            Assert.Equal("/v3/tasks/delete", entry.Path);
            Assert.Equal("application/json; charset=utf-8", entry.Headers["Content-Type"]);
        }
    }
}
