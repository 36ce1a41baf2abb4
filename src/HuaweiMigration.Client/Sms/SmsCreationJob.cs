using System;
using System.Collections.Concurrent;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Client.Engine;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>How one source server's task creation ended: the new task's id, or why not.</summary>
    public sealed class SmsCreation
    {
        public SmsCreation(SmsNewTask task, string? taskId, Exception? error)
        {
            Task = task;
            TaskId = taskId;
            Error = error;
        }

        /// <summary>What was asked.</summary>
        public SmsNewTask Task { get; }

        /// <summary>The new task's id; null when it was not created.</summary>
        public string? TaskId { get; }

        /// <summary>
        /// Why it was not: a <see cref="SmsTaskRefusedException"/> (nothing sent to create it; with
        /// <see cref="SmsTaskRefusalReason.HasTask"/> the task the server has), a <see cref="HuaweiCloudApiException"/>,
        /// an <see cref="ArgumentException"/>, or anything else (a defect: it costs only this server).
        /// </summary>
        public Exception? Error { get; }
    }

    /// <summary>
    /// Creates many source servers' tasks (<see cref="SmsClient.CreateTaskAsync"/>) several at a time, with
    /// back-pressure: the input is not read much faster than servers are worked on. Each creation's end is handed to
    /// the caller on the engine's thread, as it comes. Used by New-SmsTask and by a plan's Create stage.
    /// </summary>
    public sealed class SmsCreationJob
    {
        private readonly IEngineHost _host;
        private readonly SmsClient _client;
        private readonly int _throttle;
        private readonly Action<SmsCreation> _onDone;
        private readonly BoundedRunner<SmsNewTask> _runner;
        private readonly ConcurrentQueue<SmsCreation> _done = new ConcurrentQueue<SmsCreation>();

        /// <param name="host">Ctrl+C and waiting.</param>
        /// <param name="client">The SMS client.</param>
        /// <param name="throttle">Creations in flight at once, at most.</param>
        /// <param name="onDone">Called for each creation's end, on the engine's thread.</param>
        public SmsCreationJob(IEngineHost host, SmsClient client, int throttle, Action<SmsCreation> onDone)
        {
            _host = host;
            _client = client;
            _throttle = throttle;
            _onDone = onDone;
            _runner = new BoundedRunner<SmsNewTask>(throttle, host.Cancellation);
        }

        /// <summary>Queues one creation; hands over the ends that came meanwhile.</summary>
        public void Add(SmsNewTask task)
        {
            _runner.Submit(task, async (t, ct) =>
            {
                try
                {
                    _done.Enqueue(new SmsCreation(t, await _client.CreateTaskAsync(t, ct).ConfigureAwait(false), null));
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    // Whatever goes wrong costs only this server, and is said: nothing is dropped in silence.
                    _done.Enqueue(new SmsCreation(t, null, ex));
                }
            });
            while (_runner.Pending > 2 * _throttle) _host.Await(_runner.WhenAnyAsync());
            TakeDone();
        }

        /// <summary>Waits for every creation and hands over the rest.</summary>
        public void End()
        {
            _host.Await(_runner.WhenAllAsync());
            TakeDone();
        }

        private void TakeDone()
        {
            while (_done.TryDequeue(out var done)) _onDone(done);
        }
    }
}
