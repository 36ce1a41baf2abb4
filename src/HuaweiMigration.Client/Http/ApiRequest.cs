using System;
using System.Collections.Generic;
using RestSharp;

namespace HuaweiMigration.Client.Http
{
    /// <summary>Which scope header a signed request carries.</summary>
    internal enum AuthScope
    {
        /// <summary>Account-level service (SMS, IAM global calls): <c>X-Domain-Id</c>.</summary>
        Domain,
        /// <summary>Project-level service (DCS): <c>X-Project-Id</c>.</summary>
        Project,
        /// <summary>No credential at all (issuing a token).</summary>
        Anonymous,
    }

    /// <summary>One API call, before the transport turns it into HTTP.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(string service, Uri baseUri, Method method, params string[] pathSegments)
        {
            Service = service;
            BaseUri = baseUri;
            Method = method;
            PathSegments = pathSegments;
        }

        public string Service { get; }
        public Uri BaseUri { get; }
        public Method Method { get; }

        /// <summary>Path segments, unescaped; the transport escapes each one.</summary>
        public IReadOnlyList<string> PathSegments { get; }

        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>JSON body, already serialized; null for none.</summary>
        public string? JsonBody { get; set; }

        /// <summary>True when the body holds a secret (password token request): it is never logged.</summary>
        public bool SensitiveBody
        {
            get => _sensitiveBody || Secrets.Count > 0;
            set => _sensitiveBody = value;
        }

        private bool _sensitiveBody;

        /// <summary>
        /// The secrets the body carries (a password): the body is never logged, and an answer that quotes one of them
        /// (an error echoing the request) has it cut out before any of its text is shown, as header values are.
        /// </summary>
        public List<string> Secrets { get; } = new List<string>();

        public AuthScope Scope { get; set; } = AuthScope.Domain;

        /// <summary>
        /// True when sending the request twice does no harm (reads, issuing a token): such calls are retried after
        /// any passing failure. Actions are retried only when they surely did not take effect.
        /// </summary>
        public bool Idempotent { get; set; } = true;

        /// <summary>
        /// The model a successful answer is read into, straight from the response stream; null keeps the body as
        /// text. An answer that is not one whole JSON document of this shape is an unreadable answer.
        /// </summary>
        public Type? ResultType { get; set; }

        /// <summary>How long this one HTTP request may take (the context's setting when null).</summary>
        public TimeSpan? Timeout { get; set; }

        public ApiRequest AddQuery(string name, object? value)
        {
            if (value != null)
            {
                Query.Add(new KeyValuePair<string, string>(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            }
            return this;
        }
    }

    /// <summary>A successful answer.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(int statusCode, string content, IReadOnlyDictionary<string, string> headers, string? requestId)
        {
            StatusCode = statusCode;
            Content = content;
            Headers = headers;
            RequestId = requestId;
        }

        public int StatusCode { get; }
        public string Content { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }
        public string? RequestId { get; }

        /// <summary>The model read from the stream (<see cref="ApiRequest.ResultType"/>); null for an empty body.</summary>
        public object? Value { get; internal set; }

        /// <summary>True when the body was read into <see cref="Value"/> rather than kept as <see cref="Content"/>.</summary>
        public bool Parsed { get; internal set; }
    }
}
