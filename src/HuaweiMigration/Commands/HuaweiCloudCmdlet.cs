using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands
{
    /// <summary>
    /// Base of every cmdlet: one cancellation token, cancelled by Ctrl+C (<see cref="StopProcessing"/>) and passed to
    /// every HTTP call and delay; a log that background threads may write to, drained on the pipeline thread (the
    /// only thread allowed to call Write*).
    /// </summary>
    public abstract class HuaweiCloudCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<(char Stream, string Message)> _pending = new ConcurrentQueue<(char, string)>();
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
        private readonly CmdletLog _log;

        protected HuaweiCloudCmdlet()
        {
            _log = new CmdletLog(this);
        }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The client's log, routed to Verbose and Debug.</summary>
        internal IApiLog Log => _log;

        /// <summary><see cref="CancellationToken"/>, for the helpers a cmdlet delegates to.</summary>
        internal CancellationToken Cancellation => _cancellation.Token;

        /// <summary><see cref="Await{T}"/>, for the helpers a cmdlet delegates to.</summary>
        internal T AwaitTask<T>(Task<T> task) => Await(task);

        /// <summary><see cref="Await(Task)"/>, for the helpers a cmdlet delegates to.</summary>
        internal void AwaitTask(Task task) => Await(task);

        /// <summary><see cref="FlushLog"/>, for the helpers a cmdlet delegates to.</summary>
        internal void FlushLogNow() => FlushLog();

        protected override void BeginProcessing()
        {
            // Which log streams anybody reads, decided here on the pipeline thread, before any request.
            _log.Prime();
            base.BeginProcessing();
        }

        protected override void StopProcessing()
        {
            _cancellation.Cancel();
            base.StopProcessing();
        }

        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Waits for a task on the pipeline thread, writing the client's log as it arrives. Ctrl+C cancels the task
        /// through <see cref="CancellationToken"/> and ends the pipeline.
        /// </summary>
        protected T Await<T>(Task<T> task)
        {
            // WaitAny with a time-out blocks cheaply (no kernel event per call) and wakes to write the log.
            while (!task.IsCompleted && Task.WaitAny(new Task[] { task }, 50) < 0)
            {
                FlushLog();
            }
            FlushLog();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Waits for a task that has no result; see <see cref="Await{T}"/>.</summary>
        protected void Await(Task task) => Await(AsBool(task));

        private static async Task<bool> AsBool(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }

        /// <summary>Writes queued Verbose and Debug messages; only ever called on the pipeline thread.</summary>
        protected void FlushLog()
        {
            while (_pending.TryDequeue(out var entry))
            {
                switch (entry.Stream)
                {
                    case 'D': WriteDebug(entry.Message); break;
                    case 'W': WriteWarning(entry.Message); break;
                    default: WriteVerbose(entry.Message); break;
                }
            }
        }

        /// <summary>Writes a client failure as a non-terminating error for one item.</summary>
        internal void WriteApiError(HuaweiCloudApiException ex, object? target, string? friendlyMessage = null)
        {
            FlushLog();
            WriteError(ErrorRecords.FromApi(ex, target, friendlyMessage));
        }

        /// <summary>
        /// Runs the work for one item; a failure becomes a non-terminating error for that item so the rest of the
        /// pipeline goes on.
        /// </summary>
        protected void ForItem(object? target, string invalidArgumentId, Action work)
        {
            try
            {
                work();
            }
            catch (HuaweiCloudApiException ex)
            {
                WriteApiError(ex, target);
            }
            catch (ArgumentException ex)
            {
                FlushLog();
                WriteError(ErrorRecords.InvalidArgument(ex, invalidArgumentId, target));
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Whether a stream is wanted; true when it cannot be told (off the pipeline thread, say), so nothing is lost.</summary>
        private bool SafeWants(string parameter, string preferenceVariable)
        {
            try
            {
                return WantsStream(parameter, preferenceVariable);
            }
            catch (PSInvalidOperationException)
            {
                return true;
            }
        }

        /// <summary>True when -Verbose or $VerbosePreference asks for Verbose output (read once per command).</summary>
        private bool WantsStream(string parameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var value)) return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            var preference = SessionState.PSVariable.GetValue(preferenceVariable);
            return preference is ActionPreference p ? p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore : preference != null && !"SilentlyContinue".Equals(preference.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        private sealed class CmdletLog : IApiLog
        {
            private readonly HuaweiCloudCmdlet _owner;
            private bool? _verbose;
            private bool? _debug;

            public CmdletLog(HuaweiCloudCmdlet owner) => _owner = owner;

            // Read lazily on the first call from the pipeline thread; the answer does not change during a command.
            public bool VerboseEnabled => _verbose ??= _owner.SafeWants("Verbose", "VerbosePreference");

            public bool DebugEnabled => _debug ??= _owner.SafeWants("Debug", "DebugPreference");

            public void Prime()
            {
                _ = VerboseEnabled;
                _ = DebugEnabled;
            }

            public void Verbose(string message) => Write('V', message);

            public void Debug(string message) => Write('D', message);

            public void Warning(string message) => Write('W', message);

            private void Write(char stream, string message)
            {
                _owner._pending.Enqueue((stream, message));
                if (Environment.CurrentManagedThreadId == _owner._pipelineThread)
                {
                    _owner.FlushLog();
                }
            }
        }
    }

    /// <summary>Base of the cmdlets that wait for tasks: <c>-Timeout</c> and <c>-PollInterval</c>.</summary>
    public abstract class WaitingCmdlet : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">Seconds to wait at most; a task still unfinished then is an OperationTimeout error. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">Seconds between two polls while waiting (default 5).</para></summary>
        [Parameter]
        [ValidateRange(0.01, 86400.0)]
        public double PollInterval { get; set; } = 5;

        /// <summary>The clock of this command's waits, started now.</summary>
        internal WaitTiming StartTiming() => WaitTiming.Start(Timeout, PollInterval);
    }

    /// <summary>How long and how often to poll while waiting.</summary>
    internal readonly struct WaitTiming
    {
        /// <summary>Starts the clock: one deadline for every wait of the command.</summary>
        public WaitTiming(int? timeoutSeconds, double pollSeconds)
        {
            TimeoutSeconds = timeoutSeconds;
            Deadline = timeoutSeconds.HasValue ? DateTime.UtcNow.AddSeconds(timeoutSeconds.Value) : (DateTime?)null;
            PollInterval = TimeSpan.FromSeconds(pollSeconds);
        }

        /// <summary>The clock of a command's waits from its -Timeout (0: not given, no limit) and -PollInterval.</summary>
        public static WaitTiming Start(int timeout, double pollInterval) => new WaitTiming(timeout > 0 ? timeout : (int?)null, pollInterval);

        public int? TimeoutSeconds { get; }
        public DateTime? Deadline { get; }
        public TimeSpan PollInterval { get; }
    }

    /// <summary>Base of the cmdlets that call the API: adds <c>-Context</c> and finds the context to use.</summary>
    public abstract class HuaweiCloudApiCmdlet : HuaweiCloudCmdlet
    {
        /// <summary>
        /// <para type="description">The connection to use instead of the session's default (the output of Connect-HuaweiCloud).</para>
        /// </summary>
        [Parameter]
        public HuaweiCloudContext? Context { get; set; }

        private HuaweiCloudContext? _resolved;

        /// <summary>The context to use; stops the command with a clear error when there is none.</summary>
        protected HuaweiCloudContext CurrentContext
        {
            get
            {
                _resolved ??= Context ?? SessionContext.Get();
                if (_resolved is null)
                {
                    ThrowTerminatingError(ErrorRecords.NotConnected());
                }
                return _resolved!;
            }
        }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _ = CurrentContext;
        }

        /// <summary>-First, -Skip and -IncludeTotalCount of a SupportsPaging cmdlet, for the client.</summary>
        internal Client.Sms.PagingRequest Paging() => new Client.Sms.PagingRequest
        {
            Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue),
            First = PagingParameters.First == ulong.MaxValue ? null : (long?)Math.Min(PagingParameters.First, long.MaxValue),
            OnTotalCount = PagingParameters.IncludeTotalCount
                ? (count, accuracy) => WriteObject(PagingParameters.NewTotalCount((ulong)count, accuracy))
                : (Action<long, double>?)null,
        };

        /// <summary>Writes each record of a listing as it arrives; a failure ends the listing with one error.</summary>
        internal void WriteListing<T>(Func<System.Collections.Generic.IEnumerable<T>> list, string errorId)
        {
            ForItem(null, errorId, () =>
            {
                foreach (var item in list())
                {
                    FlushLog();
                    WriteObject(item);
                }
                FlushLog();
            });
        }

        /// <summary>Reads and writes each id's object; an unknown id is one ObjectNotFound error, and the others go on.</summary>
        internal void WriteEachById<T>(System.Collections.Generic.IEnumerable<string> ids, string invalidIdErrorId, string what, Func<string, Task<T>> read)
        {
            foreach (var id in ids)
            {
                ForItem(id, invalidIdErrorId, () =>
                {
                    try
                    {
                        WriteObject(Await(read(id)));
                    }
                    catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                    {
                        WriteApiError(ex, id, "No " + what + " has the id '" + id + "'. " + ex.Message);
                    }
                });
            }
        }

        private readonly System.Collections.Generic.HashSet<string> _seenIds = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// The piped tasks worth acting on: an id that fails <paramref name="validate"/> is one InvalidArgument error
        /// (and no request), an id already given in this command is handled once.
        /// </summary>
        internal System.Collections.Generic.IEnumerable<(string Id, T? Task)> NewInputs<T>(
            System.Collections.Generic.IEnumerable<(string Id, T? Task)> inputs, Func<string, string> validate, string invalidIdErrorId, string what)
            where T : class
        {
            foreach (var (id, task) in inputs)
            {
                try
                {
                    validate(id);
                }
                catch (ArgumentException ex)
                {
                    WriteError(ErrorRecords.InvalidArgument(ex, invalidIdErrorId, id));
                    continue;
                }
                if (!_seenIds.Add(id))
                {
                    WriteVerbose(what + " " + id + " was given more than once; it is handled once.");
                    continue;
                }
                yield return (id, task);
            }
        }

        /// <summary>A DCS client for -ProjectId (or the context's project); a bad project id stops the command.</summary>
        internal Client.Dcs.DcsClient CreateDcsClient(string? projectId)
        {
            try
            {
                return new Client.Dcs.DcsClient(CurrentContext, projectId, Log);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidProjectId", projectId));
                throw;
            }
        }

        private static int _nextActivityId;

        /// <summary>
        /// Polls a waiter until every task is settled or the time is up, on the pipeline thread: results are handed
        /// to <paramref name="onResult"/> as they come, progress shows one activity for the whole call and always
        /// ends with a Completed record, and Ctrl+C ends the wait at once (the delay and any request are cancelled).
        /// </summary>
        internal void RunWait<T>(
            TaskWaiter<T> waiter,
            WaitTiming timing,
            string activity,
            string settledWord,
            Func<TaskWaiter<T>, string?> currentOperation,
            Action<WaitResult<T>> onResult)
            where T : class
        {
            if (waiter.Pending == 0) return;
            var activityId = Interlocked.Increment(ref _nextActivityId) & 0x7fffffff;
            waiter.OnTransientFailure = Log.Verbose;
            try
            {
                while (true)
                {
                    foreach (var result in Await(waiter.PollAsync(CancellationToken)))
                    {
                        onResult(result);
                    }
                    if (waiter.Pending == 0) break;

                    var total = Math.Max(1, waiter.Total);
                    WriteProgress(new ProgressRecord(activityId, activity,
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} of {1} tasks {2}", waiter.Settled, waiter.Total, settledWord))
                    {
                        PercentComplete = Math.Min(99, waiter.Settled * 100 / total),
                        CurrentOperation = currentOperation(waiter) ?? string.Empty,
                        SecondsRemaining = -1,
                    });

                    var delay = timing.PollInterval;
                    if (timing.Deadline.HasValue)
                    {
                        var left = timing.Deadline.Value - DateTime.UtcNow;
                        if (left <= TimeSpan.Zero)
                        {
                            foreach (var result in waiter.TimeOutPending()) onResult(result);
                            break;
                        }
                        if (left < delay) delay = left;
                    }
                    Await(Task.Delay(delay, CancellationToken));
                }
            }
            finally
            {
                if (!Stopping)
                {
                    WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }
        }

        /// <summary>
        /// ShouldProcess, except that -Force skips the confirmation prompt; -WhatIf still wins (as AWS Tools do).
        /// </summary>
        protected bool ConfirmChange(string target, string action, bool force)
        {
            if (force && !WhatIfRequested) return true;
            return ShouldProcess(target, action);
        }

        private bool WhatIfRequested =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && w is SwitchParameter s && s.IsPresent)
            || (SessionState.PSVariable.GetValue("WhatIfPreference") is { } pref && LanguagePrimitives.IsTrue(pref));
    }
}
