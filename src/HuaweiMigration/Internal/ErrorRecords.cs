using System;
using System.Management.Automation;
using HuaweiMigration.Client;

namespace HuaweiMigration.Internal
{
    /// <summary>
    /// Turns client failures into ErrorRecords with stable ids, real categories and the task as target. Every record
    /// carries a <see cref="HuaweiCloudApiException"/> (a subclass for time-outs and bad arguments), so one
    /// <c>catch [HuaweiMigration.HuaweiCloudApiException]</c> catches every error of the module.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorCategory Category(ApiErrorKind kind) => kind switch
        {
            ApiErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ApiErrorKind.Authentication => ErrorCategory.AuthenticationError,
            ApiErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            ApiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            ApiErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
            ApiErrorKind.Throttled => ErrorCategory.LimitsExceeded,
            ApiErrorKind.ServerError => ErrorCategory.ConnectionError,
            ApiErrorKind.Connection => ErrorCategory.ConnectionError,
            ApiErrorKind.Timeout => ErrorCategory.OperationTimeout,
            ApiErrorKind.InvalidResponse => ErrorCategory.InvalidResult,
            _ => ErrorCategory.InvalidResult,
        };

        /// <summary>The error id when the service gave no <c>error_code</c>.</summary>
        public static string DefaultId(ApiErrorKind kind) => kind switch
        {
            ApiErrorKind.InvalidArgument => "InvalidRequest",
            ApiErrorKind.Authentication => "AuthenticationFailed",
            ApiErrorKind.PermissionDenied => "PermissionDenied",
            ApiErrorKind.NotFound => "NotFound",
            ApiErrorKind.InvalidOperation => "InvalidState",
            ApiErrorKind.Throttled => "Throttled",
            ApiErrorKind.ServerError => "ServerError",
            ApiErrorKind.Connection => "ConnectionFailed",
            ApiErrorKind.Timeout => "RequestTimedOut",
            ApiErrorKind.InvalidResponse => "InvalidResponse",
            _ => "ApiError",
        };

        private static string? Advice(HuaweiCloudApiException ex) => ex.Kind switch
        {
            ApiErrorKind.Authentication => "Check the credentials, or run Connect-HuaweiCloud again.",
            ApiErrorKind.PermissionDenied => "Ask the account administrator for the SMS or DCS permissions this call needs" +
                (ex.ErrorParameters.Length > 0 ? " (" + string.Join(", ", ex.ErrorParameters) + ")" : string.Empty) +
                (ex.EncodedAuthorizationMessage != null
                    ? ". The exception's EncodedAuthorizationMessage says which policy denied it (decode it with IAM's decode-authorization-message)."
                    : "."),
            ApiErrorKind.Throttled => "Wait a few seconds and try again, or lower -ThrottleLimit.",
            ApiErrorKind.ServerError => "The service failed; try again later and quote the request id to Huawei support if it persists.",
            ApiErrorKind.Connection => "Check the network and the endpoint (Get-HuaweiCloudContext shows it).",
            _ => null,
        };

        public static ErrorRecord FromApi(HuaweiCloudApiException ex, object? target, string? friendlyMessage = null)
        {
            var record = new ErrorRecord(ex, ex.ErrorCode ?? (ex.Disconnected ? "HuaweiCloudDisconnected" : DefaultId(ex.Kind)), Category(ex.Kind), target);
            var advice = Advice(ex);
            if (friendlyMessage != null || advice != null)
            {
                record.ErrorDetails = new ErrorDetails(friendlyMessage ?? ex.Message) { RecommendedAction = advice ?? string.Empty };
            }
            return record;
        }

        /// <summary>
        /// The error for an API object the service sent with fields of the wrong type (<see cref="Models.ApiObject.UnreadableFields"/>),
        /// naming the object and each field; null for any other object.
        /// </summary>
        public static ErrorRecord? Unreadable(object? written)
        {
            if (!((written is PSObject shown ? shown.BaseObject : written) is Models.ApiObject { UnreadableFields: { } fields } read)) return null;
            var (what, id, service) = read switch
            {
                Models.SmsTask t => (Client.Sms.SmsTaskService.DescribeTask(t.Id, t), t.Id, "SMS"),
                Models.DcsMigrationTask d => (Client.Dcs.DcsTaskService.DescribeTask(d.TaskId, d), d.TaskId, "DCS"),
                Models.SmsSourceServer s => ("SMS source server " + (s.Name is { Length: > 0 } name ? "'" + name + "' (" + s.Id + ")" : s.Id), s.Id, "SMS"),
                Models.SmsMigrationProject p => ("SMS migration project " + (p.Name is { Length: > 0 } name ? "'" + name + "' (" + p.Id + ")" : p.Id), p.Id, "SMS"),
                Models.SmsTemplate t => ("SMS template " + (t.Name is { Length: > 0 } name ? "'" + name + "' (" + t.Id + ")" : t.Id), t.Id, "SMS"),
                Models.SmsMigrationError e => ("The error of SMS source server " + (e.Name is { Length: > 0 } name ? "'" + name + "' (" + e.Id + ")" : e.Id), e.Id, "SMS"),
                _ => (read.GetType().Name, (string?)null, "API"),
            };
            var message = what + ": the " + service + " service sent " + (fields.Count == 1 ? "a field" : fields.Count + " fields")
                + " of the wrong type, so it is not written: " + string.Join("; ", fields) + ".";
            return new ErrorRecord(new HuaweiCloudApiException(message, ApiErrorKind.InvalidResponse, service: service), "UnreadableField", ErrorCategory.InvalidResult, id ?? (object)read)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "The other objects were written. Run the command again later; if this answer persists, report it to Huawei support with the field named.",
                },
            };
        }

        /// <summary>The record of an error the engine reports about one task.</summary>
        public static ErrorRecord FromTask(Client.Engine.TaskError error)
        {
            if (error.ErrorId is null && error.Exception is HuaweiCloudApiException api) return FromApi(api, error.Target, error.Message);
            var record = new ErrorRecord(error.Exception, error.ErrorId ?? DefaultId(error.Kind), Category(error.Kind), error.Target);
            if (error.Message != null || error.RecommendedAction != null)
            {
                record.ErrorDetails = new ErrorDetails(error.Message ?? error.Exception.Message) { RecommendedAction = error.RecommendedAction ?? string.Empty };
            }
            return record;
        }

        /// <summary>An argument refused before any request: the exception is a <see cref="HuaweiCloudArgumentException"/> keeping the message and ParamName.</summary>
        public static ErrorRecord InvalidArgument(ArgumentException ex, string errorId, object? target) =>
            new ErrorRecord(HuaweiCloudArgumentException.From(ex), errorId, ErrorCategory.InvalidArgument, target);

        /// <summary>An argument refused before any request, by the module itself.</summary>
        public static ErrorRecord InvalidArgument(string message, string? paramName, string errorId, object? target) =>
            new ErrorRecord(new HuaweiCloudArgumentException(message, paramName), errorId, ErrorCategory.InvalidArgument, target);

        /// <summary>Something gave up waiting for one item (not Ctrl+C): a time-out for that item only.</summary>
        public static ErrorRecord Cancelled(OperationCanceledException ex, object? target) =>
            new ErrorRecord(new HuaweiCloudTimeoutException(ex.Message, null, ex), "OperationCancelled", ErrorCategory.OperationTimeout, target);

        /// <summary>A failure nobody foresaw, for one item; the original failure is the inner exception.</summary>
        public static ErrorRecord Unexpected(Exception ex, object? target) =>
            new ErrorRecord(new HuaweiCloudApiException(ex.Message, ApiErrorKind.InvalidResponse, innerException: ex), "UnexpectedFailure", ErrorCategory.InvalidResult, target);

        public static ErrorRecord Disconnected(Models.HuaweiCloudContext context) =>
            new ErrorRecord(
                new HuaweiCloudApiException("This connection to " + context.Region + " was closed by Disconnect-HuaweiCloud; its secrets are gone. Run Connect-HuaweiCloud again.", ApiErrorKind.Authentication)
                {
                    Disconnected = true,
                },
                "HuaweiCloudDisconnected",
                ErrorCategory.AuthenticationError,
                context)
            {
                ErrorDetails = new ErrorDetails("This connection to " + context.Region + " was closed by Disconnect-HuaweiCloud. Run Connect-HuaweiCloud again.")
                {
                    RecommendedAction = "Connect-HuaweiCloud -Region " + context.Region + " ...",
                },
            };

        public static ErrorRecord NotConnected() =>
            new ErrorRecord(
                new HuaweiCloudApiException("You are not connected to Huawei Cloud. Run Connect-HuaweiCloud first, or pass -Context.", ApiErrorKind.Authentication),
                "HuaweiCloudNotConnected",
                ErrorCategory.AuthenticationError,
                null)
            {
                ErrorDetails = new ErrorDetails("You are not connected to Huawei Cloud. Run Connect-HuaweiCloud first, or pass -Context.")
                {
                    RecommendedAction = "Connect-HuaweiCloud -Region <region> -Credential <PSCredential> -DomainName <account>",
                },
            };
    }
}
