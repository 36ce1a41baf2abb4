using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Client.Json;
using HuaweiMigration.Client.Signing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// Sends API calls over one shared RestSharp client: builds the URI, lets the credential sign what is really
    /// sent, turns failures into <see cref="HuaweiCloudApiException"/> and reports each call to the log.
    /// </summary>
    internal sealed class ApiTransport
    {
        // One HttpClient for the process: contexts come and go, sockets should not.
        private static readonly Lazy<RestClient> SharedClient = new Lazy<RestClient>(CreateClient, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Headers whose values may appear in debug output; every other header shows as <c>***</c>.</summary>
        private static readonly HashSet<string> LoggableHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Content-Type", "Content-Length", "X-Sdk-Date", "X-Project-Id", "X-Domain-Id", "X-Request-Id", "Retry-After", "Date", "Server",
        };

        internal static readonly ApiTransport Shared = new ApiTransport(null);

        private readonly RestClient _client;

        internal ApiTransport(RestClient? client)
        {
            _client = client ?? SharedClient.Value;
        }

        /// <summary>The time one HTTP request may take before it is abandoned.</summary>
        internal TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        private static RestClient CreateClient()
        {
            var options = new RestClientOptions
            {
                ConfigureMessageHandler = _ => CreateHandler(),
                UserAgent = "HuaweiMigration/" + typeof(ApiTransport).Assembly.GetName().Version,
                ThrowOnAnyError = false,
                ThrowOnDeserializationError = false,
                FollowRedirects = false,
                Timeout = Timeout.InfiniteTimeSpan,
                // Any HTTP answer is an answer; its status is judged here, not by RestSharp.
                CalculateResponseStatus = _ => ResponseStatus.Completed,
            };
            return new RestClient(options);
        }

        /// <summary>
        /// The HTTP handler. An answer abandoned half-read (its command cancelled, a paged read no longer wanted, a
        /// body past its deadline) is disposed from another thread while <see cref="BodyCapture"/> still reads it. A
        /// pooled connection must then be closed, never drained for reuse: the drain raced the reader, handed the
        /// connection back with the abandoned reader still on it, and the next request's answer went to that reader
        /// (measured: a poll's read by id waited the whole 60 s request time-out; the service had answered in 1 ms).
        /// SocketsHttpHandler with MaxResponseDrainSize 0 closes instead. It is made by name because this library
        /// targets netstandard2.0; where it does not exist (Windows PowerShell) the framework's handler is used.
        /// </summary>
        internal static HttpMessageHandler CreateHandler()
        {
            var sockets = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
            if (sockets != null && sockets.GetProperty("IsSupported")?.GetValue(null) is not false
                && Activator.CreateInstance(sockets) is HttpMessageHandler handler)
            {
                sockets.GetProperty("UseCookies")!.SetValue(handler, false);
                sockets.GetProperty("AllowAutoRedirect")!.SetValue(handler, false);
                sockets.GetProperty("AutomaticDecompression")!.SetValue(handler, DecompressionMethods.GZip | DecompressionMethods.Deflate);
                sockets.GetProperty("MaxResponseDrainSize")!.SetValue(handler, 0);
                return handler;
            }
            return new HttpClientHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
        }

        /// <summary>How failed calls are retried.</summary>
        internal RetryPolicy Retry { get; set; } = RetryPolicy.Default;

        /// <summary>
        /// Sends a call and returns the successful answer, or throws <see cref="HuaweiCloudApiException"/>. Passing
        /// failures are retried by <see cref="Retry"/> within the endpoint's <see cref="RetryBudget"/>; a refused token
        /// is renewed once; every retry is reported to the log.
        /// </summary>
        public async Task<ApiResponse> SendAsync(
            ApiRequest request,
            ApiCredential? credential,
            string? domainId,
            string? projectId,
            IApiLog log,
            CancellationToken cancellationToken)
        {
            var budget = RetryBudget.For(request.BaseUri);
            budget.Deposit();
            var clock = Stopwatch.StartNew();
            var renewed = false;
            var attempt = new Attempt();
            for (var retry = 0; ; retry++)
            {
                HuaweiCloudApiException failure;
                try
                {
                    return await SendOnceAsync(request, credential, domainId, projectId, log, attempt, cancellationToken).ConfigureAwait(false);
                }
                catch (HuaweiCloudApiException ex)
                {
                    failure = ex;
                }
                catch (ObjectDisposedException) when (credential?.Disposed == true)
                {
                    // Disconnect-HuaweiCloud disposed the secrets while this request was being signed.
                    throw ApiCredential.DisconnectedError(null);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    // The HTTP library refused the request before sending it (a header value it will not send): its
                    // text quotes the value, which may be a token or a signature, so it is scrubbed here.
                    throw Refused(request, attempt, ex);
                }

                if (failure.Kind == ApiErrorKind.Authentication && !renewed && credential != null && request.Scope != AuthScope.Anonymous && credential.Invalidate(attempt.CredentialState))
                {
                    // A 401 means the request was not processed: fresh credentials and one replay are safe.
                    renewed = true;
                    retry--;
                    log.Verbose(request.Service + ": the credentials were refused (" + (failure.ErrorCode ?? "401") + "); authenticating again and retrying once.");
                    continue;
                }

                var verdict = RetryDecision.Decide(
                    new RetryInput(RetryDecision.Classify(failure), request.Idempotent, retry, clock.Elapsed, budget.HasToken, failure.RetryAfter, RetryPolicy.NextJitter()),
                    Retry);
                if (verdict.Action == RetryAction.ReadFirst)
                {
                    // The action may or may not have happened: the caller looks before sending it again.
                    failure.MaybeApplied = true;
                    throw failure;
                }
                if (verdict.Action == RetryAction.GiveUp)
                {
                    if (verdict.Reason is null) throw failure;
                    log.Verbose(request.Service + ": " + Describe(failure) + "; " + verdict.Reason);
                    throw Final(failure, verdict.Reason);
                }
                if (verdict.SpendsBudget && !budget.TryWithdraw())
                {
                    log.Verbose(request.Service + ": not retrying: the retry budget for " + request.BaseUri.GetLeftPart(UriPartial.Authority) + " is spent (too many failures).");
                    throw failure;
                }
                var delay = verdict.Delay;
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: {1}; retrying in {2:0.00} s (attempt {3} of {4}).",
                    request.Service, Describe(failure), delay.TotalSeconds, retry + 2, Retry.MaxRetries + 1));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Query parameters whose values never appear in debug output, whatever they hold.</summary>
        private static readonly string[] SecretQueryWords = { "token", "secret", "password", "signature", "credential", "key", "auth", "sig" };

        /// <summary>
        /// The request's URI as debug output shows it: the values of query parameters named like a secret shown as
        /// <c>***</c>, user information dropped, and any header value it quotes (a token, a signature) cut out.
        /// </summary>
        internal static string LoggableUri(Uri uri, IEnumerable<KeyValuePair<string, string>>? headers)
        {
            var text = uri.GetLeftPart(UriPartial.Path);
            if (!string.IsNullOrEmpty(uri.UserInfo)) text = text.Replace(uri.UserInfo + "@", string.Empty);
            var query = uri.Query;
            if (query.Length > 1)
            {
                var parts = query.Substring(1).Split('&');
                for (var i = 0; i < parts.Length; i++)
                {
                    var eq = parts[i].IndexOf('=');
                    var name = Uri.UnescapeDataString(eq < 0 ? parts[i] : parts[i].Substring(0, eq));
                    if (eq >= 0 && SecretQueryWords.Any(w => name.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0))
                    {
                        parts[i] = parts[i].Substring(0, eq + 1) + "***";
                    }
                }
                text += "?" + string.Join("&", parts);
            }
            return ServerText.Clean(LibraryErrors.Scrub(text, headers)) ?? string.Empty;
        }

        private static string Describe(HuaweiCloudApiException failure) =>
            failure.Kind switch
            {
                ApiErrorKind.Throttled => "throttled (" + (failure.ErrorCode ?? "429") + (failure.RetryAfter.HasValue ? ", Retry-After " + RetryDecision.Describe(failure.RetryAfter.Value, "s") : string.Empty) + ")",
                ApiErrorKind.ServerError => "HTTP " + failure.StatusCode.ToString(CultureInfo.InvariantCulture),
                ApiErrorKind.Timeout => "no answer in time",
                ApiErrorKind.InvalidResponse => "an answer that could not be read",
                _ => failure.NotSent ? "could not connect" : "the connection failed",
            };

        /// <summary>The failure with why it was not tried again added to its message; everything else kept.</summary>
        internal static HuaweiCloudApiException Final(HuaweiCloudApiException failure, string reason) =>
            new HuaweiCloudApiException(
                JoinSentences(failure.Message, reason),
                failure.Kind, failure.StatusCode, failure.ErrorCode, failure.ErrorMessage, failure.RequestId, failure.Service, failure)
            {
                RetryAfter = failure.RetryAfter,
                NotSent = failure.NotSent,
                Oversized = failure.Oversized,
                Truncated = failure.Truncated,
                EncodedAuthorizationMessage = failure.EncodedAuthorizationMessage,
                ErrorParameters = failure.ErrorParameters,
                Details = failure.Details,
                ErrorExtMessage = failure.ErrorExtMessage,
            };

        /// <summary>Two sentences as one text: the first ends with a full stop (added when it has none) before the second.</summary>
        internal static string JoinSentences(string first, string second)
        {
            var head = first.TrimEnd();
            if (head.Length == 0) return second;
            var last = head[head.Length - 1];
            return head + (last is '.' or '!' or '?' ? " " : ". ") + second;
        }

        /// <summary>What one attempt used: the credential's state (its token), for the refusal to name, and the headers it sent, for error texts to leave out.</summary>
        private sealed class Attempt
        {
            public object? CredentialState { get; set; }

            /// <summary>The headers sent and the request's own secrets (<see cref="ApiRequest.Secrets"/>), read when a text is scrubbed.</summary>
            public IEnumerable<KeyValuePair<string, string>>? Headers { get; set; }
        }

        /// <summary>A request the HTTP library would not send, told without quoting anything it was given.</summary>
        private static HuaweiCloudApiException Refused(ApiRequest request, Attempt attempt, Exception error) =>
            new HuaweiCloudApiException(
                "The " + request.Service + " request could not be sent: the HTTP library refused it ("
                    + LibraryErrors.Scrub(error.GetBaseException().Message, attempt.Headers).TrimEnd('.') + ").",
                ApiErrorKind.InvalidArgument,
                service: request.Service,
                innerException: LibraryErrors.Keep(error, attempt.Headers));

        private async Task<ApiResponse> SendOnceAsync(
            ApiRequest request,
            ApiCredential? credential,
            string? domainId,
            string? projectId,
            IApiLog log,
            Attempt attempt,
            CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timeout = request.Timeout ?? RequestTimeout;
            var rest = new RestRequest(BuildPath(request.BaseUri, request.PathSegments), request.Method)
            {
                Timeout = timeout,
            };
            foreach (var q in request.Query)
            {
                rest.AddQueryParameter(q.Key, q.Value, encode: true);
            }
            var body = request.JsonBody is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(request.JsonBody);
            var uri = _client.BuildUri(rest);

            var outgoing = new OutgoingRequest(request.Method.ToString().ToUpperInvariant(), uri, body, request.Scope, domainId, projectId);
            foreach (var h in request.Headers) outgoing.SetHeader(h.Key, h.Value);
            // Read lazily: the credential adds its headers below. A secret the body carries is hidden like a header value.
            attempt.Headers = Hidden(request, outgoing);
            var hidden = attempt.Headers;
            if (credential != null && request.Scope != AuthScope.Anonymous)
            {
                if (credential.Disposed) throw ApiCredential.DisconnectedError(null);
                await credential.ApplyAsync(outgoing, cancellationToken).ConfigureAwait(false);
            }
            attempt.CredentialState = outgoing.CredentialState;
            foreach (var h in outgoing.Headers)
            {
                rest.AddHeader(h.Key, h.Value);
            }
            rest.AddHeader("Accept", "application/json");
            if (request.JsonBody != null)
            {
                rest.AddStringBody(request.JsonBody, ContentType.Json);
            }

            if (log.VerboseEnabled) log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}", request.Service, outgoing.Method, uri));
            if (log.DebugEnabled)
            {
                log.Debug("> " + outgoing.Method + " " + LoggableUri(uri, outgoing.Headers));
                foreach (var h in outgoing.Headers)
                {
                    log.Debug("> " + h.Key + ": " + (LoggableHeaders.Contains(h.Key) ? h.Value : "***"));
                }
                if (request.JsonBody != null)
                {
                    log.Debug(request.SensitiveBody ? "> (body with credentials, not shown)" : "> (" + body.Length + " bytes of JSON)");
                }
            }

            // The body is read from the stream as it arrives (capped, straight into the model) inside RestSharp's
            // response writer; a failure while reading it is told apart from a failure to get an answer at all.
            rest.CompletionOption = HttpCompletionOption.ResponseHeadersRead;
            var answer = new BodyCapture(request.ResultType, timeout, cancellationToken);
            rest.AdvancedResponseWriter = answer.Read;

            var watch = Stopwatch.StartNew();
            RestResponse response;
            try
            {
                response = await _client.ExecuteAsync(rest, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (answer.Status != 0)
            {
                throw BodyFailure(request, outgoing, uri, answer, ex, watch, log);
            }
            cancellationToken.ThrowIfCancellationRequested();
            watch.Stop();

            // The writer kept the headers as they came (a failed request has none).
            var headers = answer.Status != 0 ? answer.Headers : ReadHeaders(response);
            var requestId = headers.TryGetValue("X-Request-Id", out var sentId) ? ServerText.Clean(sentId) : null;
            var status = (int)response.StatusCode;

            if (response.ResponseStatus != ResponseStatus.Completed || status == 0)
            {
                var timedOut = response.ResponseStatus == ResponseStatus.TimedOut;
                if (log.DebugEnabled) log.Debug(string.Format(CultureInfo.InvariantCulture, "< no answer after {0} ms ({1})", watch.ElapsedMilliseconds, timedOut ? "timed out" : "connection failed"));
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: no answer after {1} ms ({2}).", request.Service, watch.ElapsedMilliseconds, timedOut ? "timed out" : "connection failed"));
                var reason = LibraryErrors.Scrub(response.ErrorException?.GetBaseException().Message ?? response.ErrorMessage ?? "no answer", hidden);
                throw new HuaweiCloudApiException(
                    timedOut
                        ? string.Format(CultureInfo.InvariantCulture, "The {0} service did not answer {1} {2} within {3:0.#} seconds.", request.Service, outgoing.Method, uri.AbsolutePath, timeout.TotalSeconds)
                        : string.Format(CultureInfo.InvariantCulture, "Could not reach the {0} service at {1}: {2}", request.Service, uri.GetLeftPart(UriPartial.Authority), reason),
                    timedOut ? ApiErrorKind.Timeout : ApiErrorKind.Connection,
                    service: request.Service,
                    innerException: LibraryErrors.Keep(response.ErrorException, hidden))
                {
                    NotSent = !timedOut && IsConnectFailure(response.ErrorException),
                };
            }

            if (log.VerboseEnabled)
            {
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2} in {3} ms{4}.", request.Service, status, response.StatusDescription ?? response.StatusCode.ToString(), watch.ElapsedMilliseconds,
                    requestId is null ? string.Empty : ", request id " + requestId));
            }
            if (log.DebugEnabled)
            {
                log.Debug(string.Format(CultureInfo.InvariantCulture, "< {0} {1} ({2} ms)", status,
                    ServerText.Clean(LibraryErrors.Scrub(response.StatusDescription ?? response.StatusCode.ToString(), hidden)) ?? string.Empty, watch.ElapsedMilliseconds));
                foreach (var h in headers)
                {
                    log.Debug("< " + h.Key + ": " + (LoggableHeaders.Contains(h.Key) ? h.Value : "***"));
                }
                log.Debug("< (" + answer.BytesRead + " bytes)");
            }

            if (status >= 200 && status < 300)
            {
                return new ApiResponse(status, answer.Text ?? string.Empty, headers, requestId) { Value = answer.Value, Parsed = answer.Parsed };
            }
            var content = answer.Text ?? string.Empty;
            if (status >= 300 && status < 400)
            {
                throw Redirect(request, status, ServerText.Clean(response.StatusDescription), headers, requestId);
            }
            // A proxy's error page may echo the request's headers (a token, a signature): what was sent is cut out
            // of the answer before any of it becomes a message.
            var error = ToException(request.Service, status, ServerText.Clean(LibraryErrors.Scrub(response.StatusDescription, hidden)),
                LibraryErrors.Scrub(content, hidden), requestId);
            error.RetryAfter = headers.TryGetValue("Retry-After", out var retryAfter) ? ParseRetryAfter(retryAfter) : null;
            throw error;
        }

        /// <summary>What no text of an answer may show: the values of the headers sent (read when used) and the body's secrets.</summary>
        private static IEnumerable<KeyValuePair<string, string>> Hidden(ApiRequest request, OutgoingRequest outgoing) =>
            outgoing.Headers.Concat(request.Secrets.Select(secret => new KeyValuePair<string, string>(LibraryErrors.BodySecret, secret)));

        /// <summary>A failure while the body was read: too large, unreadable, cut short, or too slow.</summary>
        private static HuaweiCloudApiException BodyFailure(ApiRequest request, OutgoingRequest outgoing, Uri uri, BodyCapture answer, Exception ex, Stopwatch watch, IApiLog log)
        {
            var hidden = Hidden(request, outgoing);
            var requestId = answer.RequestId;
            var suffix = requestId is null ? "." : "; request id " + requestId + ".";
            log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0}: HTTP {1}, but its body failed after {2} bytes in {3} ms ({4}).", request.Service, answer.Status, answer.BytesRead, watch.ElapsedMilliseconds, ServerText.Clean(LibraryErrors.Scrub(ex.GetBaseException().Message, hidden))));
            var tooLarge = Find<ResponseTooLargeException>(ex);
            if (tooLarge != null)
            {
                return new HuaweiCloudApiException(
                    "The " + request.Service + " service sent an answer that was refused: " + tooLarge.Message.TrimEnd('.') + suffix,
                    ApiErrorKind.InvalidResponse, answer.Status, requestId: requestId, service: request.Service, innerException: tooLarge)
                {
                    Oversized = true,
                };
            }
            var json = Find<JsonException>(ex) ?? (Exception?)Find<DecoderFallbackException>(ex);
            if (json != null)
            {
                return new HuaweiCloudApiException(
                    "The " + request.Service + " service sent an answer that could not be read as JSON (" + ServerText.Clean(LibraryErrors.Scrub(json.Message, hidden)) + ")" + suffix,
                    ApiErrorKind.InvalidResponse, answer.Status, requestId: requestId, service: request.Service, innerException: json)
                {
                    Truncated = json is AnswerEndedEarlyException,
                };
            }
            if (answer.TimedOut)
            {
                return new HuaweiCloudApiException(
                    string.Format(CultureInfo.InvariantCulture, "The {0} service did not finish its answer to {1} {2} within {3:0.#} seconds{4}", request.Service, outgoing.Method, uri.AbsolutePath, answer.Timeout.TotalSeconds, suffix),
                    ApiErrorKind.Timeout, service: request.Service, requestId: requestId, innerException: ex);
            }
            return new HuaweiCloudApiException(
                "The " + request.Service + " service's answer was cut off after " + answer.BytesRead + " bytes (" + ServerText.Clean(LibraryErrors.Scrub(ex.GetBaseException().Message, hidden)) + ")" + suffix,
                ApiErrorKind.Connection, requestId: requestId, service: request.Service, innerException: ex);
        }

        private static TException? Find<TException>(Exception? error) where TException : Exception
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is TException found) return found;
                if (e is AggregateException aggregate && aggregate.InnerExceptions.Count == 1) return Find<TException>(aggregate.InnerExceptions[0]);
            }
            return null;
        }

        /// <summary>A redirect is never followed (credentials stay with the endpoint they were meant for): it is named.</summary>
        private static HuaweiCloudApiException Redirect(ApiRequest request, int status, string? description, IReadOnlyDictionary<string, string> headers, string? requestId)
        {
            string target = "no Location";
            if (headers.TryGetValue("Location", out var location))
            {
                target = Uri.TryCreate(request.BaseUri, location, out var to) ? to.GetLeftPart(UriPartial.Authority) : "an unreadable Location";
            }
            return new HuaweiCloudApiException(
                string.Format(CultureInfo.InvariantCulture,
                    "The {0} endpoint {1} answered with a redirect (HTTP {2}{3}) to {4}. Redirects are not followed, so no credentials are sent elsewhere: check the endpoint (Connect-HuaweiCloud -Endpoint/-{0}Endpoint){5}",
                    request.Service, request.BaseUri.GetLeftPart(UriPartial.Authority), status, string.IsNullOrEmpty(description) ? string.Empty : " " + description, target,
                    requestId is null ? "." : "; request id " + requestId + "."),
                ApiErrorKind.InvalidArgument, status, requestId: requestId, service: request.Service);
        }

        /// <summary>True when the connection itself could not be made: the request never left this machine.</summary>
        private static bool IsConnectFailure(Exception? error)
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is System.Net.Sockets.SocketException socket)
                {
                    return socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused
                        or System.Net.Sockets.SocketError.HostNotFound
                        or System.Net.Sockets.SocketError.HostUnreachable
                        or System.Net.Sockets.SocketError.NetworkUnreachable
                        or System.Net.Sockets.SocketError.TryAgain;
                }
            }
            return false;
        }

        /// <summary>Delays longer than this are no delay anyone means: a Retry-After beyond any sensible range.</summary>
        private static readonly double SensibleSeconds = TimeSpan.FromDays(36500).TotalSeconds;

        /// <summary>
        /// <c>Retry-After</c> as seconds or an HTTP date; null for a value that is neither, negative or not a number
        /// (NaN), which is ignored. A delay past any sensible range (<c>1e308</c>, <c>Infinity</c>, twenty digits: more
        /// than a century) is <see cref="TimeSpan.MaxValue"/>, a Retry-After too long, never an overflow.
        /// </summary>
        internal static TimeSpan? ParseRetryAfter(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                if (double.IsNaN(seconds) || seconds < 0) return null;
                return seconds >= SensibleSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        private static Dictionary<string, string> ReadHeaders(RestResponse response)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in response.Headers ?? Enumerable.Empty<HeaderParameter>())
            {
                if (h.Name != null) headers[h.Name] = h.Value?.ToString() ?? string.Empty;
            }
            foreach (var h in response.ContentHeaders ?? Enumerable.Empty<HeaderParameter>())
            {
                if (h.Name != null) headers[h.Name] = h.Value?.ToString() ?? string.Empty;
            }
            return headers;
        }

        private static string BuildPath(Uri baseUri, IReadOnlyList<string> segments)
        {
            var sb = new StringBuilder(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
            foreach (var s in segments)
            {
                sb.Append('/').Append(SdkHmacSigner.Escape(s));
            }
            return sb.ToString();
        }

        /// <summary>An error answer as the client's one error type, with what its body says (<see cref="ErrorBody"/>).</summary>
        internal static HuaweiCloudApiException ToException(string service, int status, string? statusDescription, string content, string? requestId)
        {
            var body = ErrorBody.Parse(content);
            var code = body.Code;
            var message = body.Message;
            var kind = HuaweiCloudApiException.Classify(status, code);
            var text = new StringBuilder();
            text.Append(service).Append(" error");
            if (code != null) text.Append(' ').Append(code);
            text.Append(": ");
            if (message != null) text.Append(message);
            else if (code != null) text.Append("the service gave no message.");
            else
            {
                // Nothing readable: say so, with at most a short excerpt that quotes no secret.
                text.Append("the service answered HTTP ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(" without an error code or message");
                var excerpt = ServerText.Excerpt(content);
                text.Append(excerpt is null ? "." : " (it said: " + excerpt + ").");
            }
            if (body.ExtMessage != null) text.Append(" (").Append(Truncate(body.ExtMessage, 200)).Append(')');
            text.Append(" (HTTP ").Append(status.ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(statusDescription)) text.Append(' ').Append(statusDescription);
            if (requestId != null) text.Append(", request id ").Append(requestId);
            text.Append(')');
            return new HuaweiCloudApiException(text.ToString(), kind, status, code, message, requestId, service)
            {
                EncodedAuthorizationMessage = body.EncodedAuthorizationMessage,
                ErrorParameters = body.Parameters,
                Details = body.Details,
                ErrorExtMessage = body.ExtMessage,
            };
        }

        /// <summary>
        /// The answer to an action: its model when it has one, or nothing for an empty body. The body was read as
        /// JSON all the same, so an unreadable answer left the action's outcome open rather than passing as success.
        /// </summary>
        internal static T? ReadAction<T>(ApiResponse response) where T : class => response.Value as T;

        /// <summary>The successful answer's model, read from the stream when the request named its type.</summary>
        internal static T Read<T>(ApiResponse response, string service)
        {
            if (response.Parsed)
            {
                if (response.Value is T value) return value;
                throw new HuaweiCloudApiException(
                    "The " + service + " service sent an empty answer where " + typeof(T).Name + " was expected" + (response.RequestId is null ? "." : "; request id " + response.RequestId + "."),
                    ApiErrorKind.InvalidResponse, response.StatusCode, requestId: response.RequestId, service: service);
            }
            try
            {
                return ApiJson.Deserialize<T>(response.Content);
            }
            catch (JsonException ex)
            {
                throw new HuaweiCloudApiException(
                    "The " + service + " service sent an answer that could not be read as JSON (" + ex.Message + ")"
                        + (response.RequestId is null ? "." : "; request id " + response.RequestId + "."),
                    ApiErrorKind.InvalidResponse,
                    response.StatusCode,
                    requestId: response.RequestId,
                    service: service,
                    innerException: ex);
            }
        }

        private static string Truncate(string s, int max) => s.Length <= max ? s : s.Substring(0, max) + "…";
    }
}
