using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>One page of <c>GET /v3/errors</c>.</summary>
    public sealed class SmsMigrationErrorPage
    {
        public long Count { get; set; }
        public IList<SmsMigrationError> MigrationErrors { get; set; } = new List<SmsMigrationError>();
    }

    /// <summary>Triage: the overview of source-server states, the servers in error, consistency results, log upload.</summary>
    public sealed partial class SmsClient
    {
        /// <summary>The largest page of <c>GET /v3/errors</c> (the API reference: limit 0 to 100).</summary>
        public const int MaxErrorPageSize = 100;

        /// <summary><c>GET /v3/sources/overview</c>: how many source servers are in each state.</summary>
        public Task<SmsOverview> GetOverviewAsync(CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "sources", "overview");
            return SendAsync<SmsOverview>(request, cancellationToken);
        }

        /// <summary><c>GET /v3/errors</c>: one page (the SDK requires <c>offset</c>, so it is always sent).</summary>
        public async Task<SmsMigrationErrorPage> ListMigrationErrorsPageAsync(string? enterpriseProjectId, long offset, int limit, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "errors")
                .AddQuery("enterprise_project_id", enterpriseProjectId)
                .AddQuery("limit", limit)
                .AddQuery("offset", offset);
            var page = await SendAsync<SmsMigrationErrorPage>(request, cancellationToken).ConfigureAwait(false);
            page.MigrationErrors ??= new List<SmsMigrationError>();
            foreach (var error in page.MigrationErrors) ReadErrorJson(error);
            return page;
        }

        /// <summary>The source servers in error, lazily, page by page (stopping the enumeration stops the paging).</summary>
        public IEnumerable<SmsMigrationError> EnumerateMigrationErrors(string? enterpriseProjectId, PagingRequest paging, CancellationToken cancellationToken) =>
            PageReader<SmsMigrationError>.ReadAll(
                async (offset, limit, ct) =>
                {
                    var page = await ListMigrationErrorsPageAsync(enterpriseProjectId, offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.MigrationErrors);
                },
                e => e.Id ?? e.Name + "|" + e.SourceIp, paging.Skip, paging.First, MaxErrorPageSize, ListConcurrency,
                count => paging.OnTotalCount?.Invoke(count, 1.0),
                _log, cancellationToken, "SMS migration errors");

        /// <summary>
        /// Reads <c>error_json</c> ({"error_code", "error_msg", "error_param"}) into the error's typed fields. Text that
        /// is not a JSON object leaves them empty: the raw text stays, and the row is written as any other. The text
        /// was already cleaned for a person when it was read, inside the JSON too.
        /// </summary>
        internal static void ReadErrorJson(SmsMigrationError error)
        {
            if (string.IsNullOrWhiteSpace(error.ErrorJson)) return;
            JObject json;
            try
            {
                if (!(JToken.Parse(error.ErrorJson!) is JObject o)) return;
                json = o;
            }
            catch (JsonException)
            {
                return;
            }
            error.ErrorCode = Text(json["error_code"] ?? json["errorCode"] ?? json["code"]);
            error.ErrorMessage = Text(json["error_msg"] ?? json["errorMsg"] ?? json["message"]);
            var parameters = json["error_param"] ?? json["error_params"];
            error.ErrorParameters = parameters switch
            {
                JArray array => array.Select(Text).Where(t => t != null).Select(t => t!).ToArray(),
                null => new string[0],
                _ when parameters.Type == JTokenType.Null => new string[0],
                _ => Text(parameters) is string one ? new[] { one } : new string[0],
            };
        }

        private static string? Text(JToken? token) =>
            token is null || token.Type == JTokenType.Null ? null
            : token.Type == JTokenType.String ? (string?)token
            : token.ToString(Formatting.None);

        /// <summary><c>GET /v3/tasks/{id}/consistency-result</c>: the task's consistency check results.</summary>
        public async Task<SmsConsistencyResult> GetConsistencyResultAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "tasks", id, "consistency-result");
            var result = await SendAsync<SmsConsistencyResult>(request, cancellationToken).ConfigureAwait(false);
            result.TaskId ??= id;
            result.ResultList ??= new ApiList<string>();
            foreach (var text in result.ResultList)
            {
                if (ReadConsistencyCheck(text) is SmsConsistencyCheck check) result.Checks.Add(check);
            }
            return result;
        }

        /// <summary>
        /// One text of result_list read as a check ({finished_time, check_result, consistency_result: [...]}, or one
        /// directory's ConsistencyResult on its own); null for text that is not such JSON, which stays in ResultList only.
        /// </summary>
        internal static SmsConsistencyCheck? ReadConsistencyCheck(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                if (!(JToken.Parse(text!) is JObject json)) return null;
                if (json["dir_check"] != null && json["consistency_result"] == null)
                {
                    return new SmsConsistencyCheck { ConsistencyResult = { json.ToObject<SmsConsistencyDirectory>(Json.ApiJson.Serializer)! } };
                }
                return json.ToObject<SmsConsistencyCheck>(Json.ApiJson.Serializer);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // OBS bucket names: 3 to 63 lowercase letters, digits, hyphens and periods, starting and ending with a letter or digit.
        private static readonly Regex BucketName = new Regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\\z", RegexOptions.CultureInvariant);
        private static readonly Regex IpAddress = new Regex("^[0-9]{1,3}(\\.[0-9]{1,3}){3}\\z", RegexOptions.CultureInvariant);

        /// <summary>Throws unless <paramref name="bucket"/> is a valid OBS bucket name; the message names <paramref name="paramName"/>.</summary>
        public static string ValidateBucketName(string? bucket, string paramName = "bucketName")
        {
            if (string.IsNullOrEmpty(bucket)) throw new ArgumentException("The bucket name is empty.", paramName);
            InputValidation.NoControlCharacters(bucket!, "bucket name");
            if (!BucketName.IsMatch(bucket!) || bucket!.Contains("..") || bucket.Contains(".-") || bucket.Contains("-.") || IpAddress.IsMatch(bucket))
            {
                throw new ArgumentException(
                    "'" + bucket + "' is not an OBS bucket name: use 3 to 63 lowercase letters, digits, hyphens and periods, starting and ending with a letter or digit (not an IP address).",
                    paramName);
            }
            return bucket;
        }

        /// <summary>
        /// <c>POST /v3/tasks/{id}/log</c> <c>{"log_bucket"}</c>: the agent uploads its logs to the OBS bucket (the task's
        /// <c>LogCollectStatus</c> tells how it goes). Sent once: an upload is not repeated after an unclear failure.
        /// </summary>
        public Task CollectLogAsync(string id, string bucket, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            ValidateBucketName(bucket);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Post, "v3", "tasks", id, "log")
            {
                JsonBody = new JObject { ["log_bucket"] = bucket }.ToString(Formatting.None),
                Idempotent = false,
            };
            return SendAsync(request, cancellationToken);
        }
    }
}
