using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Simulator.Dcs;
using HuaweiMigration.Simulator.Iam;
using HuaweiMigration.Simulator.Sms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HuaweiMigration.Simulator;

/// <summary>Marks the simulator's own endpoints; anything routed without it answers APIGW.0101 like the real gateway.</summary>
internal sealed record SimRoute(bool RequiresAuth, bool IssuesToken = false, bool Control = false);

internal static class Routes
{
    public static void Configure(WebApplication app, SimulatorState state)
    {
        app.UseRouting();
        app.Use((ctx, next) => Pipeline.InvokeAsync(ctx, next, state));

        var api = new SimRoute(RequiresAuth: true);
        void Map(string method, string pattern, Func<HttpContext, Task> handler, SimRoute? route = null)
        {
            app.MapMethods(pattern, new[] { method }, new RequestDelegate(handler)).WithMetadata(route ?? api);
            if (!(route ?? api).Control) state.ApiRoutes.Add((method, pattern));
        }

        // IAM
        Map("POST", "/v3/auth/tokens", ctx => IamEndpoints.IssueToken(ctx, state, Pipeline.Body(ctx)), new SimRoute(RequiresAuth: false, IssuesToken: true));
        Map("GET", "/v3/auth/tokens", ctx => IamEndpoints.ValidateToken(ctx, state));
        Map("GET", "/v3/projects", IamEndpoints.ListProjects);
        Map("GET", "/v3/auth/domains", IamEndpoints.ListDomains);

        // SMS v3
        Map("GET", "/v3/tasks", ctx => SmsEndpoints.List(ctx, state.Sms));
        Map("GET", "/v3/tasks/{task_id}", ctx => SmsEndpoints.Show(ctx, state.Sms));
        Map("POST", "/v3/tasks/{task_id}/action", ctx => SmsEndpoints.Action(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("DELETE", "/v3/tasks/{task_id}", ctx => SmsEndpoints.Delete(ctx, state.Sms));
        Map("POST", "/v3/tasks/delete", ctx => SmsEndpoints.BatchDelete(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("GET", "/v3/tasks/{task_id}/speed-limit", ctx => SmsEndpoints.GetSpeedLimit(ctx, state.Sms));
        Map("POST", "/v3/tasks/{task_id}/speed-limit", ctx => SmsEndpoints.SetSpeedLimit(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("GET", "/v3/sources", ctx => SmsEndpoints.ListSources(ctx, state.Sms));
        Map("GET", "/v3/sources/{source_id}", ctx => SmsEndpoints.ShowSource(ctx, state.Sms));
        Map("PUT", "/v3/sources/{source_id}", ctx => SourceServerEndpoints.Update(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("DELETE", "/v3/sources/{source_id}", ctx => SourceServerEndpoints.Delete(ctx, state.Sms));
        Map("POST", "/v3/sources/delete", ctx => SourceServerEndpoints.BatchDelete(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("POST", "/v3/tasks", ctx => TaskCreateEndpoints.Create(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("PUT", "/v3/tasks/{task_id}", ctx => TaskCreateEndpoints.Update(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("GET", "/v3/migprojects", ctx => MigProjectEndpoints.List(ctx, state.Sms.Projects));
        Map("POST", "/v3/migprojects", ctx => MigProjectEndpoints.Create(ctx, state.Sms.Projects, Pipeline.Body(ctx)));
        Map("GET", "/v3/migprojects/{mig_project_id}", ctx => MigProjectEndpoints.Show(ctx, state.Sms.Projects));
        Map("PUT", "/v3/migprojects/{mig_project_id}", ctx => MigProjectEndpoints.Update(ctx, state.Sms.Projects, Pipeline.Body(ctx)));
        Map("PUT", "/v3/migprojects/{mig_project_id}/default", ctx => MigProjectEndpoints.SetDefault(ctx, state.Sms.Projects));
        Map("DELETE", "/v3/migprojects/{mig_project_id}", ctx => MigProjectEndpoints.Delete(ctx, state.Sms.Projects));
        Map("GET", "/v3/vm/templates", ctx => TemplateEndpoints.List(ctx, state.Sms.Templates));
        Map("POST", "/v3/vm/templates", ctx => TemplateEndpoints.Create(ctx, state.Sms.Templates, Pipeline.Body(ctx)));
        Map("GET", "/v3/vm/templates/{id}", ctx => TemplateEndpoints.Show(ctx, state.Sms.Templates));
        Map("PUT", "/v3/vm/templates/{id}", ctx => TemplateEndpoints.Update(ctx, state.Sms.Templates, Pipeline.Body(ctx)));
        Map("DELETE", "/v3/vm/templates/{id}", ctx => TemplateEndpoints.Delete(ctx, state.Sms.Templates));
        Map("POST", "/v3/vm/templates/delete", ctx => TemplateEndpoints.BatchDelete(ctx, state.Sms.Templates, Pipeline.Body(ctx)));
        Map("GET", "/v3/sources/overview", ctx => TriageEndpoints.Overview(ctx, state.Sms));
        Map("GET", "/v3/errors", ctx => TriageEndpoints.ListErrors(ctx, state.Sms));
        Map("GET", "/v3/tasks/{task_id}/consistency-result", ctx => TriageEndpoints.ConsistencyResult(ctx, state.Sms));
        Map("GET", "/v3/tasks/{task_id}/configuration-setting", ctx => TriageEndpoints.ShowConfiguration(ctx, state.Sms));
        Map("POST", "/v3/tasks/{task_id}/configuration-setting", ctx => TriageEndpoints.SetConfiguration(ctx, state.Sms, Pipeline.Body(ctx)));
        Map("POST", "/v3/tasks/{task_id}/log", ctx => TriageEndpoints.CollectLog(ctx, state.Sms, Pipeline.Body(ctx)));

        // DCS v2
        Map("GET", "/v2/{project_id}/migration-tasks", ctx => DcsEndpoints.List(ctx, state.Dcs));
        Map("GET", "/v2/{project_id}/migration-task/{task_id}", ctx => DcsEndpoints.Show(ctx, state.Dcs));
        Map("POST", "/v2/{project_id}/migration-task/{task_id}/stop", ctx => DcsEndpoints.Stop(ctx, state.Dcs));
        Map("POST", "/v2/{project_id}/migration-task/batch-stop", ctx => DcsEndpoints.BatchStop(ctx, state.Dcs, state.Behaviour, Pipeline.Body(ctx)));
        Map("DELETE", "/v2/{project_id}/migration-tasks/delete", ctx => DcsEndpoints.Delete(ctx, state.Dcs, Pipeline.Body(ctx)));
        Map("POST", "/v2/{project_id}/migration-tasks/batch-restart", ctx => DcsEndpoints.BatchRestart(ctx, state.Dcs, state.Behaviour, Pipeline.Body(ctx)));
        Map("GET", "/v2/{project_id}/migration-task/{task_id}/stats", ctx => DcsEndpoints.Stats(ctx, state.Dcs));
        Map("POST", "/v2/{project_id}/migration-task/{task_id}/exchange-ip", ctx => DcsCutoverEndpoints.ExchangeIp(ctx, state.Dcs, Pipeline.Body(ctx)));
        Map("POST", "/v2/{project_id}/migration-task/{task_id}/rollback-ip", ctx => DcsCutoverEndpoints.RollbackIp(ctx, state.Dcs));
        Map("GET", "/v2/{project_id}/migration-task/{task_id}/logs", ctx => DcsCutoverEndpoints.Logs(ctx, state.Dcs));
        Map("POST", "/v2/{project_id}/migration-task", ctx => DcsCreateEndpoints.CreateBackupImport(ctx, state.Dcs, Pipeline.Body(ctx)));
        Map("POST", "/v2/{project_id}/migration/instance", ctx => DcsCreateEndpoints.CreateOnline(ctx, state.Dcs, Pipeline.Body(ctx)));
        Map("POST", "/v2/{project_id}/migration/{task_id}/task", ctx => DcsCreateEndpoints.Configure(ctx, state.Dcs, Pipeline.Body(ctx)));
        Map("PUT", "/v2/{project_id}/migration-task/{task_id}", ctx => DcsCreateEndpoints.UpdateResumeMode(ctx, state.Dcs, Pipeline.Body(ctx)));

        ControlApi.Map(state, (method, pattern, handler) => Map(method, pattern, handler, new SimRoute(RequiresAuth: false, Control: true)));
        SetupControlApi.Map(state, (method, pattern, handler) => Map(method, pattern, handler, new SimRoute(RequiresAuth: false, Control: true)));
        DcsCreateControlApi.Map(state, (method, pattern, handler) => Map(method, pattern, handler, new SimRoute(RequiresAuth: false, Control: true)));
        DcsFailNamedControlApi.Map(state, (method, pattern, handler) => Map(method, pattern, handler, new SimRoute(RequiresAuth: false, Control: true)));
    }
}

/// <summary>Request id, logging, latency, faults, gateway 404 and authentication, in the order the real gateway applies them.</summary>
internal static class Pipeline
{
    private const string BodyKey = "sim.body";

    public static byte[] Body(HttpContext ctx) => ctx.Items.TryGetValue(BodyKey, out var b) && b is byte[] bytes ? bytes : Array.Empty<byte>();

    public static async Task InvokeAsync(HttpContext ctx, RequestDelegate next, SimulatorState state)
    {
        var requestId = Reply.NewRequestId();
        ctx.Response.Headers["X-Request-Id"] = requestId;
        ctx.Response.ContentType = Reply.JsonContentType;
        var route = ctx.GetEndpoint()?.Metadata.GetMetadata<SimRoute>();
        if (route is { Control: true })
        {
            // Control calls stay out of the log so tests can assert on exactly the module's traffic.
            try
            {
                ctx.Items[BodyKey] = await ReadBodyAsync(ctx).ConfigureAwait(false);
                await next(ctx).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
            {
                var (status, _, message) = Refusal(ex);
                await Reply.Error(ctx, status, "SIM." + status.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), message).ConfigureAwait(false);
            }
            return;
        }

        var sequence = state.NextSequence();
        var timestamp = DateTime.UtcNow;
        var aborted = ctx.RequestAborted;
        var path = ctx.Request.Path.Value ?? "/";
        var method = ctx.Request.Method;
        var original = ctx.Response.Body;
        var body = Array.Empty<byte>();
        AuthResult auth = new();
        FaultRule? fault = null;
        var answered = true;
        var recorded = false;

        // The whole answer is buffered so a fault can cut it and the log can record the final status.
        using var buffer = new MemoryStream();
        ctx.Response.Body = buffer;
        try
        {
            body = await ReadBodyAsync(ctx).ConfigureAwait(false);
            ctx.Items[BodyKey] = body;
            auth = route is { IssuesToken: true } ? new AuthResult { Kind = "Password" } : Auth.Evaluate(ctx, state.Identity, body);
            ctx.Items[AuthResult.ItemKey] = auth;

            var latency = state.Latency;
            if (latency > TimeSpan.Zero) await Task.Delay(latency, aborted).ConfigureAwait(false);

            fault = state.Faults.Take(method, path, ctx.Request.QueryString.Value);
            if (fault is not null && fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay, aborted).ConfigureAwait(false);

            switch (fault?.Kind)
            {
                case null:
                case FaultKind.Latency:
                case FaultKind.CutBody:
                    await ProcessAsync(ctx, next, route, auth).ConfigureAwait(false);
                    break;
                case FaultKind.InflatedCount:
                    await ProcessAsync(ctx, next, route, auth).ConfigureAwait(false);
                    Inflate(buffer, fault.CountOffset != 0 ? fault.CountOffset : 7);
                    break;
                case FaultKind.Redirect:
                    ctx.Response.StatusCode = fault.StatusCode > 0 ? fault.StatusCode : 301;
                    ctx.Response.Headers["Location"] = fault.Location ?? "https://elsewhere.example.com/v3/tasks";
                    break;
                case FaultKind.OversizedBody:
                    ctx.Response.Body = original;
                    ctx.Response.StatusCode = 200;
                    RecordOnce();
                    await StreamOversizedAsync(ctx, fault, aborted).ConfigureAwait(false);
                    return;
                case FaultKind.Error:
                    await FaultError(ctx, path, fault.StatusCode > 0 ? fault.StatusCode : 500,
                        fault.ErrorCode ?? "SIM.0500", fault.ErrorMessage ?? "Simulated server error.").ConfigureAwait(false);
                    break;
                case FaultKind.Throttle:
                    if (fault.RetryAfter is TimeSpan retry)
                    {
                        // As long: a retryAfter of years (to test a client's ceiling) must not wrap around to 0.
                        ctx.Response.Headers["Retry-After"] = Math.Max(0L, (long)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    await Reply.Error(ctx, fault.StatusCode > 0 ? fault.StatusCode : 429, fault.ErrorCode ?? "APIG.0308",
                        fault.ErrorMessage ?? "The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 second").ConfigureAwait(false);
                    break;
                case FaultKind.MalformedJson:
                    ctx.Response.StatusCode = fault.StatusCode > 0 ? fault.StatusCode : 200;
                    await ctx.Response.WriteAsync("{\"tasks\": [ {", Encoding.UTF8, aborted).ConfigureAwait(false);
                    break;
                case FaultKind.ExpiredToken:
                    await Reply.Error(ctx, 401, fault.ErrorCode ?? "APIGW.0301",
                        fault.ErrorMessage ?? "Incorrect IAM authentication information: the token has expired").ConfigureAwait(false);
                    break;
                case FaultKind.DropConnection:
                    answered = false;
                    RecordOnce();
                    ctx.Abort();
                    return;
            }

            ctx.Response.Body = original;
            RecordOnce();
            if (fault?.Kind == FaultKind.CutBody)
            {
                ctx.Response.ContentLength = buffer.Length;
                await original.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)(buffer.Length / 2)), aborted).ConfigureAwait(false);
                await original.FlushAsync(aborted).ConfigureAwait(false);
                // Abort discards output Kestrel has not yet handed to the socket; give the half body time to leave.
                await Task.Delay(50, aborted).ConfigureAwait(false);
                ctx.Abort();
            }
            else if (buffer.Length > 0)
            {
                ctx.Response.ContentLength = buffer.Length;
                await original.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            answered = false;
        }
        catch (Exception ex) when (!ctx.Response.HasStarted)
        {
            ctx.Response.Body = original;
            ctx.Response.Headers.Remove("X-Subject-Token");
            var (status, code, message) = Refusal(ex);
            await Reply.ServiceError(ctx, status, code, message).ConfigureAwait(false);
        }
        finally
        {
            ctx.Response.Body = original;
            RecordOnce();
        }

        // Logged before the answer leaves (a client that has its answer finds its request in the log), and at the
        // latest when the request ends.
        void RecordOnce()
        {
            if (recorded) return;
            recorded = true;
            state.Record(RequestCapture.Capture(ctx.Request, body, sequence, timestamp, requestId, answered ? ctx.Response.StatusCode : 0,
                auth, fault, (where, value) => state.ReportSecret(sequence, where, value)));
        }
    }

    /// <summary>Rewrites a buffered JSON answer's top-level "count".</summary>
    private static void Inflate(MemoryStream buffer, int offset)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(buffer.ToArray());
        if (node is System.Text.Json.Nodes.JsonObject o && o["count"] is { } count)
        {
            o["count"] = count.GetValue<long>() + offset;
            buffer.SetLength(0);
            var bytes = Encoding.UTF8.GetBytes(o.ToJsonString());
            buffer.Write(bytes, 0, bytes.Length);
        }
    }

    /// <summary>A well-formed JSON answer of the asked size, written in 64 KB chunks from one reused buffer.</summary>
    private static async Task StreamOversizedAsync(HttpContext ctx, FaultRule fault, CancellationToken aborted)
    {
        var size = fault.SizeBytes > 0 ? fault.SizeBytes : 80L * 1024 * 1024;
        var head = Encoding.UTF8.GetBytes("{\"count\":1,\"tasks\":[{\"id\":\"oversized\",\"name\":\"");
        var tail = Encoding.UTF8.GetBytes("\"}]}");
        ctx.Response.StatusCode = 200;
        if (fault.DeclareLength) ctx.Response.ContentLength = size;
        await ctx.Response.Body.WriteAsync(head, aborted).ConfigureAwait(false);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        var left = size - head.Length - tail.Length;
        try
        {
            // Kestrel drops writes silently once the client has gone, so the loop asks.
            while (left > 0 && !aborted.IsCancellationRequested)
            {
                var n = (int)Math.Min(chunk.Length, left);
                await ctx.Response.Body.WriteAsync(chunk.AsMemory(0, n), aborted).ConfigureAwait(false);
                left -= n;
            }
            if (aborted.IsCancellationRequested) return;
            await ctx.Response.Body.WriteAsync(tail, aborted).ConfigureAwait(false);
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            // The client stopped reading (as it should, at its cap).
        }
    }

    /// <summary>
    /// What a request that could not be handled gets: 413 for a body over the limit, 400 for one that is not
    /// UTF-8 JSON, 500 for the simulator's own failures — always a Huawei-shaped body with the request id.
    /// </summary>
    private static (int Status, string Code, string Message) Refusal(Exception ex) =>
        ex switch
        {
            BadHttpRequestException bad when bad.StatusCode == 413 => (413, "APIGW.0413", "The request body is larger than the gateway accepts."),
            BadHttpRequestException bad => (bad.StatusCode, "APIGW.0201", "Bad request: " + bad.Message),
            System.Text.Json.JsonException or DecoderFallbackException => (400, "APIGW.0201", "The request body is not valid UTF-8 JSON: " + ex.Message),
            FormatException or InvalidOperationException or ArgumentException => (400, "APIGW.0201", "The request is not valid: " + ex.Message),
            _ => (500, "SIM.0500", "Simulator internal error: " + ex.GetType().Name + ": " + ex.Message),
        };

    private static Task ProcessAsync(HttpContext ctx, RequestDelegate next, SimRoute? route, AuthResult auth)
    {
        if (route is null)
        {
            return Reply.Error(ctx, 404, "APIGW.0101", "The API does not exist or has not been published in the environment");
        }
        if (route.RequiresAuth && !auth.Valid)
        {
            return Reply.Error(ctx, 401, "APIGW.0301", auth.Error ?? "Incorrect IAM authentication information");
        }
        return next(ctx);
    }

    private static Task FaultError(HttpContext ctx, string path, int status, string code, string message) => Reply.ServiceError(ctx, status, code, message);

    /// <summary>The largest request body accepted: API Gateway's 12 MB (413 beyond).</summary>
    internal const int MaxRequestBody = 12 * 1024 * 1024;

    /// <summary>How much of a refused body is read and dropped so the client can read its 413; beyond, the connection is cut.</summary>
    private const long MaxDrain = 1024L * 1024 * 1024;

    /// <summary>
    /// Reads the body once, into one array sized by Content-Length when it is given. A body over
    /// <see cref="MaxRequestBody"/> is drained through a small buffer (nothing kept) and refused with 413.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContext ctx)
    {
        var declared = ctx.Request.ContentLength;
        var aborted = ctx.RequestAborted;
        var stream = ctx.Request.Body;
        if (declared == 0) return Array.Empty<byte>();
        if (declared > MaxRequestBody)
        {
            await DrainAsync(stream, aborted).ConfigureAwait(false);
            throw new BadHttpRequestException("The request body is larger than " + MaxRequestBody + " bytes.", 413);
        }
        if (declared is long exact)
        {
            var body = new byte[exact];
            var read = 0;
            while (read < body.Length)
            {
                var n = await stream.ReadAsync(body.AsMemory(read), aborted).ConfigureAwait(false);
                if (n == 0) throw new BadHttpRequestException("The request body ended before its Content-Length.", 400);
                read += n;
            }
            return body;
        }
        using var ms = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int got;
        while ((got = await stream.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0)
        {
            if (ms.Length + got > MaxRequestBody)
            {
                await DrainAsync(stream, aborted).ConfigureAwait(false);
                throw new BadHttpRequestException("The request body is larger than " + MaxRequestBody + " bytes.", 413);
            }
            ms.Write(buffer, 0, got);
        }
        return ms.ToArray();
    }

    private static async Task DrainAsync(Stream stream, CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        long drained = 0;
        int n;
        while (drained < MaxDrain && (n = await stream.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0) drained += n;
    }
}
