using System;
using System.Collections.Generic;

namespace HuaweiMigration
{
    /// <summary>What kind of failure an API call ended in; the PowerShell layer maps it to an error category.</summary>
    public enum ApiErrorKind
    {
        /// <summary>The request was malformed or refused as invalid (HTTP 400 without a more specific code).</summary>
        InvalidArgument,
        /// <summary>HTTP 401: bad, missing or expired credentials.</summary>
        Authentication,
        /// <summary>HTTP 403: authenticated but not allowed.</summary>
        PermissionDenied,
        /// <summary>HTTP 404, or a service code that means "no such object" (DCS.4133).</summary>
        NotFound,
        /// <summary>HTTP 409, or a state-conflict code (SMS.1038, SMS.1039, SMS.1040, SMS.2015, DCS.4957).</summary>
        InvalidOperation,
        /// <summary>HTTP 429 or the gateway's throttling code (APIG.0308).</summary>
        Throttled,
        /// <summary>HTTP 5xx.</summary>
        ServerError,
        /// <summary>No answer: the connection failed or was dropped.</summary>
        Connection,
        /// <summary>No answer in time.</summary>
        Timeout,
        /// <summary>An answer that could not be read (malformed JSON, cut short).</summary>
        InvalidResponse,
    }

    /// <summary>One code and message pair of an error body's <c>details</c>.</summary>
    public sealed class HuaweiCloudErrorDetail
    {
        public HuaweiCloudErrorDetail(string? code, string? message)
        {
            Code = code;
            Message = message;
        }

        public string? Code { get; }
        public string? Message { get; }

        public override string ToString() => (Code ?? "?") + ": " + Message;
    }

    /// <summary>
    /// The base of every exception the module's errors carry: an API answer that was not a success, no usable answer
    /// at all, or a refusal of the module's own (a bad argument, a task in the wrong state, a wait that timed out).
    /// It lives in HuaweiMigration.Models, which PowerShell loads normally, so scripts can write
    /// <c>catch [HuaweiMigration.HuaweiCloudApiException]</c> and a Pester <c>Mock</c> can throw one:
    /// <c>[HuaweiMigration.HuaweiCloudApiException]::new('SMS task web-01 ...', 'InvalidOperation', 400, 'SMS.1038')</c>.
    /// </summary>
    public class HuaweiCloudApiException : Exception
    {
        /// <summary>An error with only a message (kind <see cref="ApiErrorKind.InvalidOperation"/>, no status): for tests and mocks.</summary>
        public HuaweiCloudApiException(string message)
            : this(message, ApiErrorKind.InvalidOperation)
        {
        }

        /// <summary>An error with a message and the failure that caused it (kind <see cref="ApiErrorKind.InvalidOperation"/>).</summary>
        public HuaweiCloudApiException(string message, Exception? innerException)
            : this(message, ApiErrorKind.InvalidOperation, innerException: innerException)
        {
        }

        /// <summary>An error of a kind, as an API answer would give it: for tests and mocks (from PowerShell: <c>::new('msg', 'NotFound', 404, 'SMS.9004')</c>).</summary>
        public HuaweiCloudApiException(string message, ApiErrorKind kind, int statusCode, string? errorCode)
            : this(message, kind, statusCode, errorCode, null)
        {
        }

        /// <summary>The full form: every field an API answer gives.</summary>
        public HuaweiCloudApiException(
            string message,
            ApiErrorKind kind,
            int statusCode = 0,
            string? errorCode = null,
            string? errorMessage = null,
            string? requestId = null,
            string? service = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            StatusCode = statusCode;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            RequestId = requestId;
            Service = service;
        }

        /// <summary>The HTTP status code, or 0 when no answer arrived.</summary>
        public int StatusCode { get; }

        /// <summary>The service's <c>error_code</c> (e.g. <c>SMS.9004</c>), when the answer had one.</summary>
        public string? ErrorCode { get; }

        /// <summary>The service's <c>error_msg</c>, when the answer had one.</summary>
        public string? ErrorMessage { get; }

        /// <summary>The <c>X-Request-Id</c> response header: quote it to Huawei support.</summary>
        public string? RequestId { get; }

        /// <summary>
        /// SMS: the encoded reason IAM refused the request (a 403 by policy); decode it with IAM's
        /// decode-authorization-message API to see which policy statement denied which action.
        /// </summary>
        public string? EncodedAuthorizationMessage { get; internal set; }

        /// <summary>SMS <c>error_param</c>: the values the message refers to (the denied action, the bad parameter).</summary>
        public string[] ErrorParameters { get; internal set; } = new string[0];

        /// <summary>SMS <c>details</c>: further code and message pairs.</summary>
        public IReadOnlyList<HuaweiCloudErrorDetail> Details { get; internal set; } = new HuaweiCloudErrorDetail[0];

        /// <summary>DCS <c>error_ext_msg</c>: extra detail, when the service gives it.</summary>
        public string? ErrorExtMessage { get; internal set; }

        /// <summary>IAM, SMS or DCS.</summary>
        public string? Service { get; }

        /// <summary>The kind of failure.</summary>
        public ApiErrorKind Kind { get; }

        /// <summary>How long the service asked to wait before trying again (<c>Retry-After</c>), when it said.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>
        /// True when the request surely never reached the service (the connection was refused), so repeating it is
        /// safe even for an action.
        /// </summary>
        public bool NotSent { get; internal set; }

        /// <summary>
        /// True when an action failed in a way that leaves open whether it took effect (no answer, or a gateway
        /// error): the caller must look before sending it again.
        /// </summary>
        public bool MaybeApplied { get; internal set; }

        /// <summary>
        /// True when an action's answer was lost and the task could not be read afterwards: it may or may not have
        /// taken effect. A wait can still tell; without one, the task should be looked at.
        /// </summary>
        public bool OutcomeUnknown { get; internal set; }

        /// <summary>True when the answer was refused for its size (over the 64 MB cap) while it was read.</summary>
        public bool Oversized { get; internal set; }

        /// <summary>
        /// True when the connection was closed by <c>Disconnect-HuaweiCloud</c> (anywhere in the process): nothing was
        /// sent, and nothing will be until the user connects again, so waiting or retrying is pointless.
        /// </summary>
        public bool Disconnected { get; internal set; }

        /// <summary>
        /// True when an unreadable answer ended before its JSON did: cut on the way, so asking again may bring it whole
        /// (an answer read whole that is not JSON would only come back the same, and is not asked for again).
        /// </summary>
        public bool Truncated { get; internal set; }

        /// <summary>
        /// The message for a line that names the task first: the service's code and words without the "SMS error …:"
        /// lead-in ("SMS.1038 Only running tasks can be paused. (HTTP 400 …)"), and all that follows them.
        /// </summary>
        internal string Said
        {
            get
            {
                var message = Message;
                if (string.IsNullOrEmpty(Service)) return message;
                var lead = Service + " error" + (ErrorCode is null ? string.Empty : " " + ErrorCode) + ": ";
                if (!message.StartsWith(lead, StringComparison.Ordinal)) return message;
                return (ErrorCode is null ? string.Empty : ErrorCode + " ") + message.Substring(lead.Length);
            }
        }

        /// <summary>Codes that mean the object is in the wrong state for the request.</summary>
        internal static bool IsStateConflictCode(string? code) =>
            code is "SMS.1038" or "SMS.1039" or "SMS.1040" or "SMS.2015" or "DCS.4957";

        /// <summary>Classifies an HTTP error answer.</summary>
        internal static ApiErrorKind Classify(int status, string? code)
        {
            if (code is "DCS.4133") return ApiErrorKind.NotFound;
            if (IsStateConflictCode(code) || status == 409) return ApiErrorKind.InvalidOperation;
            if (status == 429 || code is "APIG.0308" or "APIGW.0308") return ApiErrorKind.Throttled;
            switch (status)
            {
                case 401: return ApiErrorKind.Authentication;
                case 403: return ApiErrorKind.PermissionDenied;
                case 404: return ApiErrorKind.NotFound;
                case 408: return ApiErrorKind.Timeout;
            }
            if (status >= 500) return ApiErrorKind.ServerError;
            return ApiErrorKind.InvalidArgument;
        }
    }

    /// <summary>A wait or a request that did not end in time (kind <see cref="ApiErrorKind.Timeout"/>).</summary>
    public class HuaweiCloudTimeoutException : HuaweiCloudApiException
    {
        public HuaweiCloudTimeoutException(string message)
            : this(message, null)
        {
        }

        public HuaweiCloudTimeoutException(string message, string? service, Exception? innerException = null)
            : base(message, ApiErrorKind.Timeout, service: service, innerException: innerException)
        {
        }
    }

    /// <summary>
    /// An argument refused before any request (an id that cannot be one, a bad rule or option), kind
    /// <see cref="ApiErrorKind.InvalidArgument"/>; <see cref="ParamName"/> names the parameter when known.
    /// </summary>
    public class HuaweiCloudArgumentException : HuaweiCloudApiException
    {
        public HuaweiCloudArgumentException(string message)
            : this(message, null)
        {
        }

        public HuaweiCloudArgumentException(string message, string? paramName, Exception? innerException = null)
            : base(message, ApiErrorKind.InvalidArgument, innerException: innerException)
        {
            ParamName = paramName;
        }

        /// <summary>The parameter the argument was given for, when known.</summary>
        public string? ParamName { get; }

        /// <summary>The module's error for an <see cref="ArgumentException"/>: its message and parameter, with it as the inner exception.</summary>
        public static HuaweiCloudArgumentException From(ArgumentException error) =>
            new HuaweiCloudArgumentException(error.Message, error.ParamName, error);
    }
}
