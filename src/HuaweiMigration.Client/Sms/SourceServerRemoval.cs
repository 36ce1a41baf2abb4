using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>
    /// The removal of source servers: every server read fresh in one go; a server that still has a task refused
    /// (naming the task) before anyone is asked to confirm and before any write, unless -Force, which removes the
    /// task first exactly as <c>Remove-SmsTask -Force -Wait</c> does (the engine's <see cref="RemovalJob{TTask}"/> with
    /// <see cref="SmsRemoval.Rules"/>); then the servers are deleted, one with <c>DELETE /v3/sources/{id}</c>, more in
    /// batches of at most 50 (<c>POST /v3/sources/delete</c>). With -WhatIf nothing is read: each server is only named.
    /// </summary>
    public sealed class SourceServerRemovalJob : ITaskJob<SmsSourceServer>
    {
        private const string Verb = "Remove";
        private readonly IEngineHost _host;
        private readonly SmsClient _client;
        private readonly TaskService<SmsTask> _tasks;
        private readonly WaitPlan _plan;
        private readonly int _throttle;
        private readonly bool _force;
        private readonly bool _passThru;
        private readonly List<string> _accepted = new List<string>();
        private readonly Dictionary<string, SmsSourceServer?> _given = new Dictionary<string, SmsSourceServer?>(StringComparer.Ordinal);

        public SourceServerRemovalJob(IEngineHost host, SmsClient client, TaskService<SmsTask> tasks, WaitPlan plan, int throttle, bool force, bool passThru)
        {
            _host = host;
            _client = client;
            _tasks = tasks;
            _plan = plan;
            _throttle = throttle;
            _force = force;
            _passThru = passThru;
        }

        /// <summary>"SMS source server 'web-01' (id)", or by id alone.</summary>
        public static string Describe(string id, SmsSourceServer? server) => TaskService<SmsTask>.Describe("SMS source server", id, server?.Name);

        public void Add(string id, SmsSourceServer? server)
        {
            if (_host.WhatIf)
            {
                _host.ShouldProcess(Describe(id, server), Verb, _force);
                return;
            }
            if (_given.ContainsKey(id)) return;
            _accepted.Add(id);
            _given[id] = server;
        }

        public void End()
        {
            if (_accepted.Count == 0) return;
            var read = ReadAll();
            // Every refusal first, before anyone is asked; then the others, asked about as they are now.
            var removable = new List<SmsSourceServer>();
            foreach (var id in _accepted)
            {
                if (read.Found.TryGetValue(id, out var server))
                {
                    if (server.CurrentTask is null || _force) removable.Add(server);
                    else _host.WriteError(HasTask(id, server));
                }
                else if (read.Errors.TryGetValue(id, out var error))
                {
                    _host.WriteError(Failed(id, _given[id], error as HuaweiCloudApiException ?? new HuaweiCloudApiException(error.Message, ApiErrorKind.InvalidResponse, service: "SMS", innerException: error)));
                }
                else
                {
                    _host.WriteError(Failed(id, _given[id], new HuaweiCloudApiException(Describe(id, _given[id]) + " does not exist.", ApiErrorKind.NotFound, 404, service: "SMS")));
                }
            }
            var confirmed = removable.Where(s => _host.ShouldProcess(Describe(s.Id!, s), Verb, _force)).ToList();
            // The time limit runs from here: the time spent answering prompts is not the wait's.
            _plan.Start();
            var withTask = confirmed.Where(s => s.CurrentTask != null).ToList();
            var freed = withTask.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : RemoveTasks(withTask);
            var toDelete = confirmed.Where(s => s.CurrentTask is null || freed.Contains(s.Id!)).ToList();
            Delete(toDelete);
        }

        /// <summary>The servers' current state (their tasks), in one go: per-id reads or the listing, whichever costs less.</summary>
        private RefreshResult<SmsSourceServer> ReadAll()
        {
            try
            {
                return _host.Await(_client.CreateSourceServerRefresher(_throttle, 1).RefreshAsync(_accepted, _host.Cancellation));
            }
            catch (HuaweiCloudApiException ex)
            {
                var failed = new RefreshResult<SmsSourceServer>();
                foreach (var id in _accepted) failed.Errors[id] = ex;
                return failed;
            }
        }

        /// <summary>
        /// -Force: the servers' tasks removed as Remove-SmsTask -Force -Wait removes them (paused first when they run,
        /// then deleted, then waited for until gone); returns the servers whose task is gone. A server whose task
        /// stays is not deleted, and says so.
        /// </summary>
        private HashSet<string> RemoveTasks(List<SmsSourceServer> servers)
        {
            var host = new TaskRemovalHost(_host);
            var job = new RemovalJob<SmsTask>(host, _tasks, SmsRemoval.Rules, _plan, _throttle, force: true, wait: true, passThru: true);
            foreach (var server in servers) job.Add(server.CurrentTask!.Id!, null);
            job.End();
            var freed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var server in servers)
            {
                var task = server.CurrentTask!;
                if (host.Removed.Contains(task.Id!)) freed.Add(server.Id!);
                else _host.WriteError(TaskStayed(server.Id!, server));
            }
            return freed;
        }

        /// <summary>Deletes the servers, one alone or up to 50 a batch, <see cref="_throttle"/> requests at a time.</summary>
        private void Delete(List<SmsSourceServer> servers)
        {
            if (servers.Count == 0) return;
            var batches = new List<List<SmsSourceServer>>();
            for (var i = 0; i < servers.Count; i += SmsClient.MaxBatchDelete) batches.Add(servers.Skip(i).Take(SmsClient.MaxBatchDelete).ToList());
            var outcomes = _host.Await(DeleteAllAsync(batches));
            foreach (var server in servers)
            {
                var error = outcomes.TryGetValue(server.Id!, out var e) ? e : null;
                if (error != null) _host.WriteError(Failed(server.Id!, server, error));
                else if (_passThru) _host.WriteObject(server);
            }
        }

        private async Task<Dictionary<string, HuaweiCloudApiException?>> DeleteAllAsync(List<List<SmsSourceServer>> batches)
        {
            var outcomes = new Dictionary<string, HuaweiCloudApiException?>(StringComparer.Ordinal);
            using var slots = new System.Threading.SemaphoreSlim(_throttle, _throttle);
            var sends = batches.Select(async batch =>
            {
                await slots.WaitAsync(_host.Cancellation).ConfigureAwait(false);
                try
                {
                    return await _client.DeleteSourceServersAsync(batch.Select(s => s.Id!).ToList(), _host.Cancellation).ConfigureAwait(false);
                }
                catch (HuaweiCloudApiException ex)
                {
                    return batch.ToDictionary(s => s.Id!, _ => (HuaweiCloudApiException?)ex, StringComparer.Ordinal);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            foreach (var result in await Task.WhenAll(sends).ConfigureAwait(false))
            {
                foreach (var kv in result) outcomes[kv.Key] = kv.Value;
            }
            return outcomes;
        }

        private static TaskError HasTask(string id, SmsSourceServer server)
        {
            var who = Describe(id, server);
            var task = TaskService<SmsTask>.Describe("SMS task", server.CurrentTask!.Id ?? string.Empty, server.CurrentTask.Name);
            var message = who + " still has " + task + (string.IsNullOrEmpty(server.CurrentTask.State) ? string.Empty : " (" + server.CurrentTask.State + ")")
                + "; a source server with a task is not removed. Remove the task first, or use -Force to remove it with the server.";
            return new TaskError(id, new HuaweiCloudApiException(message, ApiErrorKind.InvalidOperation, service: "SMS"),
                "SmsSourceServerHasTask", ApiErrorKind.InvalidOperation, message,
                "Remove-SmsTask -Id " + server.CurrentTask.Id + " -Force -Wait; then Remove-SmsSourceServer -Id " + id + ". Or: Remove-SmsSourceServer -Id " + id + " -Force");
        }

        private static TaskError TaskStayed(string id, SmsSourceServer server)
        {
            var who = Describe(id, server);
            var message = who + " was not removed: its task " + TaskService<SmsTask>.Describe("", server.CurrentTask!.Id ?? string.Empty, server.CurrentTask.Name).Trim()
                + " could not be removed (see the error about the task).";
            return new TaskError(id, new HuaweiCloudApiException(message, ApiErrorKind.InvalidOperation, service: "SMS"),
                "SmsSourceServerTaskNotRemoved", ApiErrorKind.InvalidOperation, message);
        }

        private static TaskError Failed(string id, SmsSourceServer? server, HuaweiCloudApiException error)
        {
            var who = Describe(id, server);
            var message = error.Kind == ApiErrorKind.NotFound
                ? "No SMS source server has the id '" + id + "'. " + error.Message
                : TaskErrors.Named(who, error.Said);
            return TaskError.FromApi(id, error, message);
        }

        /// <summary>The engine's host for the task removal: everything goes to the command's host, but the tasks it reports removed are kept here.</summary>
        private sealed class TaskRemovalHost : IEngineHost
        {
            private readonly IEngineHost _inner;

            public TaskRemovalHost(IEngineHost inner) => _inner = inner;

            public HashSet<string> Removed { get; } = new HashSet<string>(StringComparer.Ordinal);

            public System.Threading.CancellationToken Cancellation => _inner.Cancellation;

            public Http.IApiLog Log => _inner.Log;

            public bool WhatIf => _inner.WhatIf;

            public bool ShouldProcess(string target, string action, bool force = false) => _inner.ShouldProcess(target, action, force);

            public void WriteObject(object item)
            {
                if (item is SmsTask task && task.Id != null) Removed.Add(task.Id);
            }

            /// <summary>A task already gone (deleted meanwhile) frees its server as well as a removal does: not an error here.</summary>
            public void WriteError(TaskError error)
            {
                if (error.Exception.Kind == ApiErrorKind.NotFound) Removed.Add(error.Target);
                else _inner.WriteError(error);
            }

            public void WriteProgress(WaitProgress progress) => _inner.WriteProgress(progress);

            public T Await<T>(Task<T> task) => _inner.Await(task);
        }
    }
}
