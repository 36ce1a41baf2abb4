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
    public abstract partial class HuaweiCloudCmdlet : PSCmdlet, IDisposable
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
            // Whatever is still in flight was abandoned (a downstream Select-Object -First stopped the pipeline).
            _cancellation.Cancel();
            Abandon();
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Lets go of work still in flight when the command ends early; its failures no longer matter.</summary>
        private protected virtual void Abandon()
        {
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
                    default: base.WriteVerbose(entry.Message); break;
                }
            }
        }

        /// <summary>
        /// Writes to the pipeline; every object a cmdlet writes passes here. An API object the service sent with a field
        /// of the wrong type was read without that field: it is a non-terminating InvalidResult error naming the object
        /// and the field instead, and the others go on.
        /// </summary>
        public new void WriteObject(object? sendToPipeline)
        {
            if (ErrorRecords.Unreadable(sendToPipeline) is { } unreadable)
            {
                FlushLog();
                WriteError(unreadable);
                return;
            }
            base.WriteObject(sendToPipeline);
        }

        /// <summary>As <see cref="WriteObject(object)"/>, each item of a collection on its own when <paramref name="enumerateCollection"/>.</summary>
        public new void WriteObject(object? sendToPipeline, bool enumerateCollection)
        {
            var items = enumerateCollection ? LanguagePrimitives.GetEnumerable(sendToPipeline) : null;
            if (items is null)
            {
                WriteObject(sendToPipeline);
                return;
            }
            foreach (var item in items) WriteObject(item);
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
            catch (OperationCanceledException ex)
            {
                // Not Ctrl+C (that was caught above): something gave up waiting; a time-out for this item only.
                FlushLog();
                WriteError(new ErrorRecord(ex, "OperationCancelled", ErrorCategory.OperationTimeout, target));
            }
            catch (Exception ex) when (!IsPowerShells(ex) && !(ex is OutOfMemoryException))
            {
                // A failure nobody foresaw still costs only this item, and is never NotSpecified: it can only have come
                // from handling what the service sent. PowerShell's own exceptions pass: -ErrorAction Stop, Ctrl+C,
                // and the flow control of a 'break' or 'continue' in a downstream script block.
                FlushLog();
                WriteError(new ErrorRecord(ex, "UnexpectedFailure", ErrorCategory.InvalidResult, target));
            }
        }

        private static bool IsPowerShells(Exception ex) =>
            ex is RuntimeException || (ex.GetType().Namespace?.StartsWith("System.Management.Automation", StringComparison.Ordinal) ?? false);
    }
}
