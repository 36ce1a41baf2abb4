using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>One page of <c>GET /v3/vm/templates</c>.</summary>
    public sealed class SmsTemplatePage
    {
        public long Count { get; set; }
        public IList<SmsTemplate> Templates { get; set; } = new List<SmsTemplate>();
    }

    /// <summary>The answer of <c>GET /v3/vm/templates/{id}</c>: the template in an envelope.</summary>
    public sealed class SmsTemplateAnswer
    {
        public SmsTemplate? Template { get; set; }
    }

    /// <summary>What to list of the templates: the API's filters plus the module's exact or wildcard name test.</summary>
    public sealed class SmsTemplateFilter
    {
        /// <summary>Sent as the API's <c>name</c> filter; <see cref="NameMatch"/> decides.</summary>
        public string? NameQuery { get; set; }
        public Func<string?, bool>? NameMatch { get; set; }
        public string? Region { get; set; }
        public string? AvailabilityZone { get; set; }
    }

    public sealed partial class SmsClient
    {
        /// <summary>The largest page of <c>GET /v3/vm/templates</c> (the API reference: limit 0 to 100, 50 when not given).</summary>
        public const int TemplatePageSize = 100;

        /// <summary>The most ids one <c>POST /v3/vm/templates/delete</c> carries.</summary>
        public const int MaxTemplateBatchDelete = 50;

        /// <summary>Throws unless <paramref name="id"/> can be a template id.</summary>
        public static string TemplateId(string? id) => InputValidation.Id(id, 64, "SMS template id");

        /// <summary><c>GET /v3/vm/templates</c>: one page.</summary>
        public async Task<SmsTemplatePage> ListTemplatesPageAsync(SmsTemplateFilter filter, long offset, int limit, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "vm", "templates")
                .AddQuery("name", string.IsNullOrEmpty(filter.NameQuery) ? null : filter.NameQuery)
                .AddQuery("availability_zone", filter.AvailabilityZone)
                .AddQuery("region", filter.Region)
                .AddQuery("limit", limit)
                .AddQuery("offset", offset);
            var page = await SendAsync<SmsTemplatePage>(request, cancellationToken).ConfigureAwait(false);
            page.Templates ??= new List<SmsTemplate>();
            return page;
        }

        /// <summary>Lists templates lazily, page by page; names are matched exactly or by wildcard here.</summary>
        public IEnumerable<SmsTemplate> EnumerateTemplates(SmsTemplateFilter filter, PagingRequest paging, CancellationToken cancellationToken)
        {
            var clientSide = filter.NameMatch != null;
            IEnumerable<SmsTemplate> all = PageReader<SmsTemplate>.ReadAll(
                async (offset, limit, ct) =>
                {
                    var page = await ListTemplatesPageAsync(filter, offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.Templates);
                },
                t => t.Id ?? string.Empty,
                clientSide ? 0 : paging.Skip,
                clientSide ? null : paging.First,
                TemplatePageSize,
                ListConcurrency,
                count => paging.OnTotalCount?.Invoke(count, clientSide ? 0.5 : 1.0),
                _log,
                cancellationToken,
                "SMS templates");
            return clientSide ? paging.ApplyHere(all, t => filter.NameMatch!(t.Name)) : all;
        }

        /// <summary><c>GET /v3/vm/templates/{id}</c>, unwrapped; the target password it carries is never kept.</summary>
        public async Task<SmsTemplate> GetTemplateAsync(string id, CancellationToken cancellationToken)
        {
            TemplateId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "vm", "templates", id);
            var answer = await SendAsync<SmsTemplateAnswer>(request, cancellationToken).ConfigureAwait(false);
            var template = answer.Template
                ?? throw new HuaweiCloudApiException("SMS answered the template " + id + " without a template.", ApiErrorKind.InvalidResponse, service: Service);
            if (string.IsNullOrEmpty(template.Id)) template.Id = id;
            return template;
        }

        /// <summary><c>POST /v3/vm/templates</c> <c>{"template": {...}}</c> with <c>is_template: true</c> (a template without it is deleted with its task); answers the new id.</summary>
        public async Task<string> CreateTemplateAsync(SmsTemplateSettings settings, CancellationToken cancellationToken)
        {
            var body = new JObject { ["template"] = settings.ToJson(creating: true) };
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Post, "v3", "vm", "templates")
            {
                JsonBody = body.ToString(Newtonsoft.Json.Formatting.None),
                Idempotent = false,
            };
            HideSecret(request, body["template"]);
            var answer = await SendAsync<SmsCreatedAnswer>(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(answer.Id))
            {
                throw new HuaweiCloudApiException("SMS created the template '" + settings.Name + "' but did not say its id.", ApiErrorKind.InvalidResponse, service: Service);
            }
            return answer.Id!;
        }

        /// <summary>
        /// <c>PUT /v3/vm/templates/{id}</c> <c>{"template": {...}}</c> with the settings given; TemplateRequest requires a
        /// name, so the template's current name goes when no new one is given (read first, or <paramref name="currentName"/>).
        /// </summary>
        public async Task UpdateTemplateAsync(string id, SmsTemplateSettings changes, CancellationToken cancellationToken, string? currentName = null)
        {
            TemplateId(id);
            var template = changes.ToJson(creating: false);
            if (template["name"] is null)
            {
                currentName ??= (await GetTemplateAsync(id, cancellationToken).ConfigureAwait(false)).Name;
                template.AddFirst(new JProperty("name", currentName));
            }
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Put, "v3", "vm", "templates", id)
            {
                JsonBody = new JObject { ["template"] = template }.ToString(Newtonsoft.Json.Formatting.None),
                Idempotent = false,
                ResultType = typeof(JToken),
            };
            HideSecret(request, template);
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>DELETE /v3/vm/templates/{id}</c>.</summary>
        public Task DeleteTemplateAsync(string id, CancellationToken cancellationToken)
        {
            TemplateId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Delete, "v3", "vm", "templates", id) { Idempotent = false };
            return SendAsync(request, cancellationToken);
        }

        /// <summary>
        /// Deletes templates: one alone with <c>DELETE</c>, more with <c>POST /v3/vm/templates/delete {"ids"}</c> in batches
        /// of <see cref="MaxTemplateBatchDelete"/>. Each id gets its outcome (null: deleted). A batch the service refuses
        /// (one id unknown, say) is deleted one template at a time, so only the templates really in the way fail.
        /// </summary>
        public async Task<IReadOnlyDictionary<string, HuaweiCloudApiException?>> DeleteTemplatesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            foreach (var id in ids) TemplateId(id);
            var result = new Dictionary<string, HuaweiCloudApiException?>(StringComparer.Ordinal);
            var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
            for (var start = 0; start < distinct.Count; start += MaxTemplateBatchDelete)
            {
                var batch = distinct.Skip(start).Take(MaxTemplateBatchDelete).ToList();
                var outcomes = await DeleteBatchAsync<SmsTemplate>(batch, "templates", DeleteTemplateAsync, new[] { "v3", "vm", "templates", "delete" },
                    (pending, ct) => CreateTemplateRefresher().RefreshAsync(pending, ct), t => t is null, _ => "present", cancellationToken).ConfigureAwait(false);
                foreach (var outcome in outcomes) result[outcome.Key] = outcome.Value;
            }
            return result;
        }

        /// <summary>Reads templates by id (GET each, or the listing when that costs less): whether a deletion took effect.</summary>
        private TaskRefresher<SmsTemplate> CreateTemplateRefresher() =>
            new TaskRefresher<SmsTemplate>(
                GetTemplateAsync,
                async (offset, limit, ct) =>
                {
                    var page = await ListTemplatesPageAsync(new SmsTemplateFilter(), offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.Templates);
                },
                t => t.Id ?? string.Empty,
                TemplatePageSize,
                8,
                1,
                ListConcurrency,
                _log);

        /// <summary>The target password a template body carries is one of the request's secrets: never logged, cut out of any answer that quotes it.</summary>
        private static void HideSecret(ApiRequest request, JToken? template)
        {
            if (template?["target_password"] is JValue { Type: JTokenType.String } password) request.Secrets.Add((string)password!);
        }
    }
}
