using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>The answer of <c>GET /v3/tasks/{id}/speed-limit</c>.</summary>
    public sealed class SmsSpeedLimitAnswer
    {
        public IList<SmsSpeedLimitRule> SpeedLimit { get; set; } = new List<SmsSpeedLimitRule>();
    }

    public sealed partial class SmsClient
    {
        private static readonly Regex TimeOfDay = new Regex("^([01][0-9]|2[0-3]):[0-5][0-9]\\z", RegexOptions.CultureInvariant);

        /// <summary><c>GET /v3/tasks/{id}/speed-limit</c>: the task's bandwidth schedule, rules in order of start.</summary>
        public async Task<IReadOnlyList<SmsSpeedLimitRule>> GetSpeedLimitAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "tasks", id, "speed-limit");
            var answer = await SendAsync<SmsSpeedLimitAnswer>(request, cancellationToken).ConfigureAwait(false);
            var rules = (answer.SpeedLimit ?? new List<SmsSpeedLimitRule>()).OrderBy(r => r.Start, StringComparer.Ordinal).ToList();
            foreach (var rule in rules) rule.TaskId = id;
            return rules;
        }

        /// <summary><c>POST /v3/tasks/{id}/speed-limit</c>: replaces the schedule (an empty list clears it). Rules are checked first (<see cref="ValidateSpeedLimits"/>).</summary>
        public Task SetSpeedLimitAsync(string id, IReadOnlyList<SmsSpeedLimitRule> rules, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            ValidateSpeedLimits(rules);
            var body = new JObject
            {
                ["speed_limit"] = new JArray(rules.Select(r =>
                {
                    var o = new JObject { ["start"] = r.Start, ["end"] = r.End, ["speed"] = r.Speed };
                    if (r.OverSpeedThreshold.HasValue) o["over_speed_threshold"] = r.OverSpeedThreshold.Value;
                    return (object)o;
                }).ToArray()),
            };
            // Setting the same schedule twice leaves it the same: safe to retry like a read.
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Post, "v3", "tasks", id, "speed-limit") { JsonBody = body.ToString(Newtonsoft.Json.Formatting.None) };
            return SendAsync(request, cancellationToken);
        }

        /// <summary>
        /// Throws unless every rule has a start and end of the form HH:MM with the start first, a speed of 0 to 1000
        /// Mbit/s and a threshold of 0 to 100 %, and no two rules overlap. The exception names
        /// <paramref name="paramName"/> (a cmdlet passes its own parameter's name, such as <c>Rule</c>).
        /// </summary>
        public static void ValidateSpeedLimits(IReadOnlyList<SmsSpeedLimitRule> rules, string paramName = "rules")
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var r = rules[i] ?? throw new ArgumentException("Speed limit rule " + (i + 1) + " is empty.", paramName);
                var name = "Speed limit rule " + (i + 1) + " (" + r + ")";
                if (r.Start is null || !TimeOfDay.IsMatch(r.Start)) throw new ArgumentException(name + ": Start '" + r.Start + "' is not a time of day HH:MM (00:00 to 23:59).", paramName);
                if (r.End is null || !TimeOfDay.IsMatch(r.End)) throw new ArgumentException(name + ": End '" + r.End + "' is not a time of day HH:MM (00:00 to 23:59).", paramName);
                if (string.CompareOrdinal(r.Start, r.End) >= 0) throw new ArgumentException(name + ": Start must be before End.", paramName);
                if (r.Speed is null || r.Speed < 0 || r.Speed > 1000) throw new ArgumentException(name + ": Speed must be 0 to 1000 Mbit/s.", paramName);
                if (r.OverSpeedThreshold is double t && (t < 0 || t > 100 || double.IsNaN(t))) throw new ArgumentException(name + ": OverSpeedThreshold must be 0 to 100 (%).", paramName);
            }
            var ordered = rules.Select((r, i) => (Rule: r, Index: i + 1)).OrderBy(x => x.Rule.Start, StringComparer.Ordinal).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (string.CompareOrdinal(ordered[i].Rule.Start, ordered[i - 1].Rule.End) < 0)
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                        "Speed limit rules {0} ({1}) and {2} ({3}) overlap: a time of day may have one limit only.",
                        ordered[i - 1].Index, ordered[i - 1].Rule, ordered[i].Index, ordered[i].Rule), paramName);
                }
            }
        }
    }
}
