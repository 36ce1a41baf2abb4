using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>One page of <c>GET /v3/migprojects</c>.</summary>
    public sealed class SmsMigrationProjectPage
    {
        public long Count { get; set; }
        public IList<SmsMigrationProject> Migprojects { get; set; } = new List<SmsMigrationProject>();
    }

    /// <summary>The answer of a create (<c>{"id"}</c>).</summary>
    public sealed class SmsCreatedAnswer
    {
        public string? Id { get; set; }
    }

    /// <summary>
    /// The settings of a migration project to create or change: null leaves a setting as it is (on a change) or to the
    /// service's default (on a creation).
    /// </summary>
    public sealed class SmsMigrationProjectSettings
    {
        public string? Name { get; set; }
        public string? Region { get; set; }
        /// <summary>MIGRATE_BLOCK or MIGRATE_FILE.</summary>
        public string? Type { get; set; }
        public string? Description { get; set; }
        public string? EnterpriseProject { get; set; }
        public bool? UseExistingServer { get; set; }
        public bool? UsePublicIp { get; set; }
        public bool? Syncing { get; set; }
        public bool? StartTargetServer { get; set; }
        public bool? StartNetworkCheck { get; set; }
        /// <summary>Mbit/s, 0 (no limit) to 10000.</summary>
        public int? SpeedLimit { get; set; }

        /// <summary>The settings given here over <paramref name="current"/>'s: the whole project a PUT takes.</summary>
        internal SmsMigrationProjectSettings Over(SmsMigrationProject current) => new SmsMigrationProjectSettings
        {
            Name = Name ?? current.Name,
            Region = Region ?? current.Region,
            Type = Type ?? current.Type,
            Description = Description ?? current.Description,
            EnterpriseProject = EnterpriseProject ?? current.EnterpriseProject,
            UseExistingServer = UseExistingServer ?? current.UseExistingServer,
            UsePublicIp = UsePublicIp ?? current.UsePublicIp,
            Syncing = Syncing ?? current.Syncing,
            StartTargetServer = StartTargetServer ?? current.StartTargetServer,
            StartNetworkCheck = StartNetworkCheck ?? current.StartNetworkCheck,
            SpeedLimit = SpeedLimit ?? current.SpeedLimit,
        };

        /// <summary>Throws unless every given setting is one the API takes.</summary>
        internal void Validate(bool creating)
        {
            if (creating)
            {
                if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("A migration project needs a name.", nameof(Name));
                if (string.IsNullOrWhiteSpace(Region)) throw new ArgumentException("A migration project needs a region.", nameof(Region));
            }
            if (Name != null) ResourceName(Name, "migration project name", nameof(Name), 100);
            if (Region != null) InputValidation.Region(Region);
            if (Type != null && Type != "MIGRATE_BLOCK" && Type != "MIGRATE_FILE") throw new ArgumentException("The migration type '" + Type + "' is neither MIGRATE_BLOCK nor MIGRATE_FILE.", nameof(Type));
            if (Description != null)
            {
                InputValidation.NoControlCharacters(Description, "description");
                if (Description.Length > 255) throw new ArgumentException("The description is " + Description.Length + " characters long; at most 255 are allowed.", nameof(Description));
            }
            if (EnterpriseProject != null) InputValidation.NoControlCharacters(EnterpriseProject, "enterprise project");
            if (SpeedLimit is int s && (s < 0 || s > 10000)) throw new ArgumentException("The speed limit must be 0 (no limit) to 10000 Mbit/s, was " + s + ".", nameof(SpeedLimit));
        }

        /// <summary>
        /// Throws unless <paramref name="name"/> is 1 to <paramref name="maxLength"/> letters (Chinese ones included), digits,
        /// '_' and '-', as SMS names its projects (at most 100) and templates (255).
        /// </summary>
        internal static void ResourceName(string name, string what, string paramName, int maxLength = 255)
        {
            if (name.Length == 0 || name.Length > maxLength) throw new ArgumentException("The " + what + " must be 1 to " + maxLength + " characters long.", paramName);
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c) && !char.IsControl(c) || c == '_' || c == '-') continue;
                InputValidation.NoControlCharacters(name, what);
                throw new ArgumentException("The " + what + " '" + name + "' contains '" + c + "': only letters, digits, '_' and '-' are allowed.", paramName);
            }
        }

        internal JObject ToJson(bool? isDefault)
        {
            var o = new JObject();
            void Put(string key, object? value)
            {
                if (value != null) o[key] = JToken.FromObject(value);
            }
            Put("name", Name);
            Put("region", Region);
            Put("type", Type);
            Put("description", Description);
            Put("enterprise_project", EnterpriseProject);
            Put("exist_server", UseExistingServer);
            Put("use_public_ip", UsePublicIp);
            Put("syncing", Syncing);
            Put("start_target_server", StartTargetServer);
            Put("start_network_check", StartNetworkCheck);
            Put("speed_limit", SpeedLimit);
            Put("isdefault", isDefault);
            return o;
        }
    }

    public sealed partial class SmsClient
    {
        /// <summary>The largest page of <c>GET /v3/migprojects</c> the module asks for.</summary>
        public const int MigrationProjectPageSize = 100;

        /// <summary>Throws unless <paramref name="id"/> can be a migration project id.</summary>
        public static string MigrationProjectId(string? id) => InputValidation.Id(id, 64, "SMS migration project id");

        /// <summary><c>GET /v3/migprojects</c>: one page.</summary>
        public async Task<SmsMigrationProjectPage> ListMigrationProjectsPageAsync(long offset, int limit, CancellationToken cancellationToken)
        {
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "migprojects")
                .AddQuery("limit", limit)
                .AddQuery("offset", offset);
            var page = await SendAsync<SmsMigrationProjectPage>(request, cancellationToken).ConfigureAwait(false);
            page.Migprojects ??= new List<SmsMigrationProject>();
            return page;
        }

        /// <summary>Lists migration projects lazily, page by page; <paramref name="nameMatch"/> (exact or wildcard) is applied here, as the API has no name filter.</summary>
        public IEnumerable<SmsMigrationProject> EnumerateMigrationProjects(Func<string?, bool>? nameMatch, PagingRequest paging, CancellationToken cancellationToken)
        {
            var clientSide = nameMatch != null;
            IEnumerable<SmsMigrationProject> all = PageReader<SmsMigrationProject>.ReadAll(
                async (offset, limit, ct) =>
                {
                    var page = await ListMigrationProjectsPageAsync(offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.Migprojects);
                },
                p => p.Id ?? string.Empty,
                clientSide ? 0 : paging.Skip,
                clientSide ? null : paging.First,
                MigrationProjectPageSize,
                ListConcurrency,
                count => paging.OnTotalCount?.Invoke(count, clientSide ? 0.5 : 1.0),
                _log,
                cancellationToken,
                "SMS migration projects");
            return clientSide ? paging.ApplyHere(all, p => nameMatch!(p.Name)) : all;
        }

        /// <summary><c>GET /v3/migprojects/{id}</c>. The answer has no id; the project returned carries <paramref name="id"/>.</summary>
        public async Task<SmsMigrationProject> GetMigrationProjectAsync(string id, CancellationToken cancellationToken)
        {
            MigrationProjectId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "migprojects", id);
            var project = await SendAsync<SmsMigrationProject>(request, cancellationToken).ConfigureAwait(false);
            project.Id = id;
            return project;
        }

        /// <summary>The account's default migration project (the one new agents register into), or null when the listing has none.</summary>
        public Task<SmsMigrationProject?> GetDefaultMigrationProjectAsync(CancellationToken cancellationToken) =>
            // The listing's own paging (PageReader: the count never trusted alone), stopped at the first default project.
            Task.Run<SmsMigrationProject?>(() => EnumerateMigrationProjects(null, new PagingRequest(), cancellationToken).FirstOrDefault(p => p.IsDefault == true), cancellationToken);

        /// <summary><c>POST /v3/migprojects</c> (name, region and type required; type MIGRATE_BLOCK when not given); answers the new id.</summary>
        public async Task<string> CreateMigrationProjectAsync(SmsMigrationProjectSettings settings, CancellationToken cancellationToken)
        {
            settings.Type ??= "MIGRATE_BLOCK";
            settings.Validate(creating: true);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Post, "v3", "migprojects")
            {
                JsonBody = settings.ToJson(null).ToString(Newtonsoft.Json.Formatting.None),
                Idempotent = false,
            };
            var answer = await SendAsync<SmsCreatedAnswer>(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(answer.Id))
            {
                throw new HuaweiCloudApiException("SMS created the migration project '" + settings.Name + "' but did not say its id.", ApiErrorKind.InvalidResponse, service: Service);
            }
            return answer.Id!;
        }

        /// <summary>
        /// <c>PUT /v3/migprojects/{id}</c> with the whole project: its current settings (read first, or
        /// <paramref name="current"/>) with <paramref name="changes"/> over them.
        /// </summary>
        public async Task UpdateMigrationProjectAsync(string id, SmsMigrationProjectSettings changes, CancellationToken cancellationToken, SmsMigrationProject? current = null)
        {
            MigrationProjectId(id);
            changes.Validate(creating: false);
            current ??= await GetMigrationProjectAsync(id, cancellationToken).ConfigureAwait(false);
            var whole = changes.Over(current);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Put, "v3", "migprojects", id)
            {
                JsonBody = whole.ToJson(current.IsDefault).ToString(Newtonsoft.Json.Formatting.None),
                Idempotent = false,
                ResultType = typeof(JToken),
            };
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>PUT /v3/migprojects/{id}/default</c>: makes the project the account's default.</summary>
        public Task SetDefaultMigrationProjectAsync(string id, CancellationToken cancellationToken)
        {
            MigrationProjectId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Put, "v3", "migprojects", id, "default") { Idempotent = false };
            return SendAsync(request, cancellationToken);
        }

        /// <summary><c>DELETE /v3/migprojects/{id}</c>. The service refuses the default project.</summary>
        public Task DeleteMigrationProjectAsync(string id, CancellationToken cancellationToken)
        {
            MigrationProjectId(id);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Delete, "v3", "migprojects", id) { Idempotent = false };
            return SendAsync(request, cancellationToken);
        }
    }
}
