using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using RestSharp;

namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// RestSharp's response writer for one call: keeps the status and headers, and reads the body from the stream
    /// (<see cref="ResponseBody"/>) — a success into <see cref="ResultType"/>, anything else as short text. The
    /// read is bounded by the request's time-out and by cancellation, both of which close the stream under it.
    /// </summary>
    internal sealed class BodyCapture
    {
        private readonly CancellationToken _cancellation;

        public BodyCapture(Type? resultType, TimeSpan timeout, CancellationToken cancellationToken)
        {
            ResultType = resultType;
            Timeout = timeout;
            _cancellation = cancellationToken;
        }

        /// <summary>The model a success is read into; null to keep the body as text.</summary>
        public Type? ResultType { get; }

        public TimeSpan Timeout { get; }

        /// <summary>The HTTP status, once the headers arrived (0 before).</summary>
        public int Status { get; private set; }

        public string? RequestId { get; private set; }
        public long BytesRead { get; private set; }
        public bool TimedOut { get; private set; }

        /// <summary>The body as text (error answers, and successes read without a model).</summary>
        public string? Text { get; private set; }

        /// <summary>The model read from a success.</summary>
        public object? Value { get; private set; }

        /// <summary>True when <see cref="Value"/> was read (it may be null for an empty body).</summary>
        public bool Parsed { get; private set; }

        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The writer RestSharp calls with the answer, headers read and the body still on the wire.</summary>
        public RestResponse Read(HttpResponseMessage message, RestRequest request)
        {
            Status = (int)message.StatusCode;
            foreach (var h in message.Headers) Headers[h.Key] = string.Join(",", h.Value);
            if (message.Content != null) foreach (var h in message.Content.Headers) Headers[h.Key] = string.Join(",", h.Value);
            Headers.TryGetValue("X-Request-Id", out var requestId);
            RequestId = Json.ServerText.Clean(requestId);

            using var deadline = new CancellationTokenSource(Timeout);
            using var onDeadline = deadline.Token.Register(() => { TimedOut = true; message.Dispose(); });
            using var onCancel = _cancellation.Register(message.Dispose);
            using (var body = ResponseBody.Open(message))
            {
                try
                {
                    if (Status >= 200 && Status < 300 && ResultType != null)
                    {
                        Value = ResponseBody.Parse(body, ResultType);
                        Parsed = true;
                    }
                    else if (Status >= 200 && Status < 300)
                    {
                        Text = ResponseBody.ReadAllText(body);
                    }
                    else
                    {
                        Text = ResponseBody.ReadText(body);
                    }
                }
                finally
                {
                    BytesRead = body.BytesRead;
                }
            }
            _cancellation.ThrowIfCancellationRequested();

            return new RestResponse(request)
            {
                StatusCode = message.StatusCode,
                StatusDescription = message.ReasonPhrase,
                ResponseStatus = ResponseStatus.Completed,
                IsSuccessStatusCode = message.IsSuccessStatusCode,
                Content = Text,
                ContentLength = BytesRead,
            };
        }
    }
}
