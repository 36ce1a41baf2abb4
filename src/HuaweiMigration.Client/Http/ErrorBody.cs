using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HuaweiMigration.Client.Http
{
    /// <summary>
    /// What an error answer says, read the way Huawei's SDK core reads it — the first pair present together
    /// (<c>error_code</c>/<c>error_msg</c>, <c>errorCode</c>/<c>errorMsg</c>, <c>code</c>/<c>message</c>) at the top,
    /// else in nested objects (IAM's <c>{"error": {...}}</c>), else a lone code or message at the top — plus the
    /// detail SMS and DCS add: <c>encoded_authorization_message</c>, <c>error_param</c>, <c>details</c>, <c>error_ext_msg</c>.
    /// </summary>
    internal sealed class ErrorBody
    {
        private static readonly (string Code, string Message)[] Pairs = { ("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message") };

        public string? Code { get; private set; }
        public string? Message { get; private set; }
        public string? EncodedAuthorizationMessage { get; private set; }
        public string[] Parameters { get; private set; } = new string[0];
        public IReadOnlyList<HuaweiCloudErrorDetail> Details { get; private set; } = new HuaweiCloudErrorDetail[0];
        public string? ExtMessage { get; private set; }

        public static ErrorBody Parse(string? content)
        {
            var result = new ErrorBody();
            if (!(ApiJson.TryParse(content) is JObject body)) return result;
            var pair = FindPair(body, depth: 0);
            result.Code = pair?.Code ?? Text(body["error_code"]) ?? Text(body["code"]);
            result.Message = pair?.Message ?? Text(body["error_msg"]) ?? Text(body["message"]);
            result.EncodedAuthorizationMessage = Text(body["encoded_authorization_message"]);
            result.ExtMessage = Text(body["error_ext_msg"]);
            if (body["error_param"] is JArray parameters)
            {
                result.Parameters = parameters.Select(Text).Where(p => p != null).Select(p => p!).ToArray();
            }
            if (body["details"] is JArray details)
            {
                result.Details = details.OfType<JObject>()
                    .Select(d => new HuaweiCloudErrorDetail(Text(d["error_code"]) ?? Text(d["code"]), Text(d["error_msg"]) ?? Text(d["message"])))
                    .ToArray();
            }
            return result;
        }

        private static (string? Code, string? Message)? FindPair(JObject o, int depth)
        {
            foreach (var (code, message) in Pairs)
            {
                if (o[code] != null && o[message] != null) return (Text(o[code]), Text(o[message]));
            }
            if (depth >= 4) return null;
            foreach (var nested in o.Properties().Select(p => p.Value).OfType<JObject>())
            {
                var found = FindPair(nested, depth + 1);
                if (found != null) return found;
            }
            return null;
        }

        /// <summary>A value of the body as text for a person: without control characters or escape sequences.</summary>
        private static string? Text(JToken? token) =>
            ServerText.ForPerson(token is null || token.Type == JTokenType.Null ? null : token.Type == JTokenType.String ? (string?)token : token.ToString(Formatting.None));
    }
}
