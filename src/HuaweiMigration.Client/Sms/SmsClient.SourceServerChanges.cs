using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Actions;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>Renaming, moving and deleting source servers (UpdateServerName, DeleteServer, DeleteServers).</summary>
    public sealed partial class SmsClient
    {
        /// <summary>The longest source server name the module sends.</summary>
        public const int MaxSourceServerNameLength = 255;

        /// <summary>
        /// Throws unless <paramref name="name"/> is a name a source server can be given: 1 to 255 characters, no
        /// control characters, not only white space.
        /// </summary>
        public static string ValidateSourceServerName(string? name, string paramName = "name")
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A source server name must not be empty.", paramName);
            if (name!.Length > MaxSourceServerNameLength)
            {
                throw new ArgumentException("The source server name is " + name.Length + " characters long; at most " + MaxSourceServerNameLength + " are allowed.", paramName);
            }
            try
            {
                return InputValidation.NoControlCharacters(name, "source server name");
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(ex.Message, paramName);
            }
        }

        /// <summary>
        /// <c>PUT /v3/sources/{id}</c> (PutSourceServerBody): renames the server (<c>name</c>) and/or moves it to
        /// another migration project (<c>migprojectid</c>, the API's spelling). At least one must be given.
        /// </summary>
        public Task UpdateSourceServerAsync(string id, string? name, string? migrationProjectId, CancellationToken cancellationToken)
        {
            InputValidation.SmsSourceServerId(id);
            if (name is null && migrationProjectId is null) throw new ArgumentException("Give a new name or a migration project to change.", nameof(name));
            var body = new JObject();
            if (name != null) body["name"] = ValidateSourceServerName(name);
            if (migrationProjectId != null) body["migprojectid"] = InputValidation.SmsMigrationProjectId(migrationProjectId);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Put, "v3", "sources", id)
            {
                JsonBody = body.ToString(Newtonsoft.Json.Formatting.None),
                Idempotent = false,
            };
            return SendAsync(request, cancellationToken);
        }

        /// <summary><c>DELETE /v3/sources/{id}</c>; sent again after an unclear failure only if the server is still there.</summary>
        public Task DeleteSourceServerAsync(string id, CancellationToken cancellationToken)
        {
            InputValidation.SmsSourceServerId(id);
            return SendWriteAsync(id, "the deletion of source server " + id, () => new ApiRequest(Service, _context.SmsEndpoint, Method.Delete, "v3", "sources", id),
                (ids, ct) => CreateSourceServerRefresher(missesBeforeConfirm: 1).RefreshAsync(ids, ct), SourceServerGone, s => s.State, cancellationToken);
        }

        /// <summary>
        /// Deletes up to 50 source servers with one <c>POST /v3/sources/delete {"ids"}</c> (one with
        /// <c>DELETE /v3/sources/{id}</c>); each gets its own outcome (null: deleted, or the failure). A batch the API
        /// refuses is deleted one server at a time, so only the servers really in the way fail.
        /// </summary>
        public Task<IReadOnlyDictionary<string, HuaweiCloudApiException?>> DeleteSourceServersAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            foreach (var id in ids) InputValidation.SmsSourceServerId(id);
            return DeleteBatchAsync<SmsSourceServer>(ids, "source servers", DeleteSourceServerAsync, new[] { "v3", "sources", "delete" },
                (pending, ct) => CreateSourceServerRefresher(missesBeforeConfirm: 1).RefreshAsync(pending, ct), SourceServerGone, s => s.State, cancellationToken);
        }

        /// <summary>A deletion took effect when the server is gone; a server still there shows it did not.</summary>
        private static bool? SourceServerGone(SmsSourceServer? server) => server is null;

        /// <summary>Reads many source servers at once: per-id GETs or the paged listing, whichever costs fewer requests.</summary>
        internal TaskRefresher<SmsSourceServer> CreateSourceServerRefresher(int maxConcurrentGets = 8, int missesBeforeConfirm = 2) =>
            new TaskRefresher<SmsSourceServer>(
                GetSourceServerAsync,
                async (offset, limit, ct) =>
                {
                    var page = await ListSourceServersPageAsync(null, new SmsSourceServerFilter(), offset, limit, ct).ConfigureAwait(false);
                    return (page.Count, page.SourceServers);
                },
                s => s.Id ?? string.Empty,
                MaxPageSize,
                maxConcurrentGets,
                missesBeforeConfirm,
                ListConcurrency,
                _log);

        /// <summary>
        /// The batch deletion of tasks and of source servers: up to 50 ids in one <c>POST …/delete {"ids"}</c> (one id
        /// with <paramref name="deleteOne"/>), never sent twice once it took effect; a batch the API refuses whole is
        /// deleted one at a time to find which are in the way.
        /// </summary>
        private async Task<IReadOnlyDictionary<string, HuaweiCloudApiException?>> DeleteBatchAsync<T>(
            IReadOnlyList<string> ids,
            string plural,
            Func<string, CancellationToken, Task> deleteOne,
            string[] batchPath,
            Func<IReadOnlyList<string>, CancellationToken, Task<RefreshResult<T>>> read,
            Func<T?, bool?> tookEffect,
            Func<T, string?> stateOf,
            CancellationToken cancellationToken) where T : class
        {
            if (ids.Count == 0 || ids.Count > MaxBatchDelete) throw new ArgumentOutOfRangeException(nameof(ids), ids.Count, "A batch deletion takes 1 to 50 ids.");
            var result = new Dictionary<string, HuaweiCloudApiException?>(StringComparer.Ordinal);
            if (ids.Count == 1)
            {
                result[ids[0]] = await OutcomeOf(deleteOne(ids[0], cancellationToken)).ConfigureAwait(false);
                return result;
            }
            var outcomes = await new ActionSender<T, bool>(
                Service,
                "the batch deletion",
                async (pending, ct) =>
                {
                    var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Post, batchPath)
                    {
                        JsonBody = new JObject { ["ids"] = new JArray(pending.Cast<object>().ToArray()) }.ToString(Newtonsoft.Json.Formatting.None),
                        Idempotent = false,
                    };
                    await SendAsync(request, ct).ConfigureAwait(false);
                    return pending.ToDictionary(id => id, _ => true, StringComparer.Ordinal);
                },
                read,
                tookEffect,
                (_, __) => true,
                stateOf,
                RetryPolicy.Default,
                _log).SendAsync(ids, cancellationToken).ConfigureAwait(false);

            var refused = new List<string>();
            foreach (var id in ids)
            {
                if (!outcomes.TryGetValue(id, out var outcome) || outcome.Error is null) result[id] = null;
                else if (outcome.Error.OutcomeUnknown || outcome.Error.Kind == ApiErrorKind.Authentication || outcome.Error.Kind == ApiErrorKind.PermissionDenied) result[id] = outcome.Error;
                else refused.Add(id);
            }
            if (refused.Count > 0)
            {
                _log.Verbose("SMS: the batch deletion of " + refused.Count + " " + plural + " was refused; deleting them one at a time to see which are in the way.");
                var single = refused.Select(async id => (id, error: await OutcomeOf(deleteOne(id, cancellationToken)).ConfigureAwait(false))).ToList();
                foreach (var (id, error) in await Task.WhenAll(single).ConfigureAwait(false)) result[id] = error;
            }
            return result;
        }

        /// <summary>One write to one object, never sent twice once it took effect (<see cref="ActionSender{TObject, TResult}"/>).</summary>
        private Task SendWriteAsync<T>(string id, string what, Func<ApiRequest> build,
            Func<IReadOnlyList<string>, CancellationToken, Task<RefreshResult<T>>> read, Func<T?, bool?> tookEffect, Func<T, string?> stateOf,
            CancellationToken cancellationToken) where T : class =>
            new ActionSender<T, bool>(
                Service,
                what,
                async (ids, ct) =>
                {
                    var request = build();
                    request.Idempotent = false;
                    // The body is read as JSON though nothing in it is used: an unreadable answer leaves the outcome open.
                    request.ResultType = typeof(JToken);
                    await SendAsync(request, ct).ConfigureAwait(false);
                    return new Dictionary<string, bool> { [id] = true };
                },
                read,
                tookEffect,
                (_, __) => true,
                stateOf,
                RetryPolicy.Default,
                _log).SendOneAsync(id, cancellationToken);
    }
}
