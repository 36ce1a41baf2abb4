using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>One request the hostile server received.</summary>
    public sealed class HostileRequest
    {
        public HostileRequest(long sequence, string method, string path, IReadOnlyDictionary<string, string> query)
        {
            Sequence = sequence;
            Method = method;
            Path = path;
            Query = query;
        }

        public long Sequence { get; }
        public string Method { get; }
        public string Path { get; }
        public IReadOnlyDictionary<string, string> Query { get; }

        public override string ToString() => Method + " " + Path + (Query.Count == 0 ? string.Empty : "?" + string.Join("&", Query.Select(q => q.Key + "=" + q.Value)));
    }

    /// <summary>
    /// An API endpoint on 127.0.0.1 that answers what each test tells it to: answers a well-behaved service never
    /// sends (a count it does not keep, a field of the wrong type, an absurd Retry-After, escape sequences in a name).
    /// It speaks only as much of the API as the module needs to connect with a token (<c>GET /v3/auth/tokens</c>);
    /// every other route is a lambda a test maps (<see cref="Map"/>), the latest mapping first. Unmapped paths are
    /// 404 <c>APIGW.0101</c>. Every request is recorded.
    /// </summary>
    public sealed class HostileServer : IAsyncDisposable
    {
        public const string Region = "ap-southeast-1";
        public const string ProjectId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        public const string DomainId = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

        private readonly WebApplication _app;
        private readonly List<(string Method, Regex Path, Func<HttpContext, Task> Answer)> _routes = new List<(string, Regex, Func<HttpContext, Task>)>();
        private readonly ConcurrentQueue<HostileRequest> _requests = new ConcurrentQueue<HostileRequest>();
        private long _sequence;

        private HostileServer(WebApplication app)
        {
            _app = app;
        }

        /// <summary>The base URL with the bound port and a trailing slash.</summary>
        public Uri BaseUri { get; private set; } = null!;

        public static async Task<HostileServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
            builder.Logging.SetMinimumLevel(LogLevel.Critical);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new HostileServer(app);
            app.Run(server.AnswerAsync);
            await app.StartAsync().ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.BaseUri = new Uri(address.TrimEnd('/') + "/");
            server.Map("GET", "^/v3/auth/tokens$", ctx =>
            {
                ctx.Response.Headers["X-Subject-Token"] = ctx.Request.Headers["X-Subject-Token"].ToString();
                return Json(ctx, "{\"token\":{\"expires_at\":\"" + DateTime.UtcNow.AddHours(24).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'") + "\","
                    + "\"project\":{\"id\":\"" + ProjectId + "\",\"name\":\"" + Region + "\",\"domain\":{\"id\":\"" + DomainId + "\",\"name\":\"hostile\"}},"
                    + "\"user\":{\"id\":\"u1\",\"name\":\"hostile-user\",\"domain\":{\"id\":\"" + DomainId + "\",\"name\":\"hostile\"}}}}");
            });
            return server;
        }

        /// <summary>Answers <paramref name="method"/> requests whose path matches <paramref name="pathPattern"/>; the latest mapping wins.</summary>
        public void Map(string method, string pathPattern, Func<HttpContext, Task> answer)
        {
            lock (_routes) _routes.Insert(0, (method, new Regex(pathPattern, RegexOptions.CultureInvariant), answer));
        }

        /// <summary>Every request so far, in the order they arrived.</summary>
        public IReadOnlyList<HostileRequest> Requests => _requests.OrderBy(r => r.Sequence).ToList();

        /// <summary>The requests of one method whose path matches a pattern.</summary>
        public IReadOnlyList<HostileRequest> RequestsTo(string method, string pathPattern) =>
            Requests.Where(r => r.Method == method && Regex.IsMatch(r.Path, pathPattern)).ToList();

        private Task AnswerAsync(HttpContext ctx)
        {
            var query = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            _requests.Enqueue(new HostileRequest(Interlocked.Increment(ref _sequence), ctx.Request.Method, ctx.Request.Path.Value ?? "/", query));
            Func<HttpContext, Task>? answer;
            lock (_routes)
            {
                answer = _routes.FirstOrDefault(r => r.Method == ctx.Request.Method && r.Path.IsMatch(ctx.Request.Path.Value ?? "/")).Answer;
            }
            return answer is null
                ? Json(ctx, "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist or has not been published in the environment.\"}", 404)
                : answer(ctx);
        }

        /// <summary>Writes a JSON answer as it is given (the point is to send what a real service would not).</summary>
        public static Task Json(HttpContext ctx, string json, int status = 200)
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "application/json;charset=UTF-8";
            return ctx.Response.WriteAsync(json, Encoding.UTF8);
        }

        /// <summary>An integer query value, or <paramref name="fallback"/>.</summary>
        public static int QueryInt(HttpContext ctx, string name, int fallback) =>
            int.TryParse(ctx.Request.Query[name].ToString(), out var value) ? value : fallback;

        public async ValueTask DisposeAsync()
        {
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            {
                try
                {
                    await _app.StopAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
