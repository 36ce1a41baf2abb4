using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Http;
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
        private readonly ConcurrentQueue<(bool Debug, string Message)> _pending = new ConcurrentQueue<(bool, string)>();
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
        private readonly CmdletLog _log;

        protected HuaweiCloudCmdlet()
        {
            _log = new CmdletLog(this);
        }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The client's log, routed to Verbose and Debug.</summary>
        protected IApiLog Log => _log;

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
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(50))
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

        /// <summary>Writes queued Verbose and Debug messages; only ever called on the pipeline thread.</summary>
        protected void FlushLog()
        {
            while (_pending.TryDequeue(out var entry))
            {
                if (entry.Debug) WriteDebug(entry.Message);
                else WriteVerbose(entry.Message);
            }
        }

        /// <summary>Writes a client failure as a non-terminating error for one item.</summary>
        protected void WriteApiError(HuaweiCloudApiException ex, object? target, string? friendlyMessage = null)
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

        private sealed class CmdletLog : IApiLog
        {
            private readonly HuaweiCloudCmdlet _owner;

            public CmdletLog(HuaweiCloudCmdlet owner) => _owner = owner;

            public void Verbose(string message) => Write(false, message);

            public void Debug(string message) => Write(true, message);

            private void Write(bool debug, string message)
            {
                _owner._pending.Enqueue((debug, message));
                if (Environment.CurrentManagedThreadId == _owner._pipelineThread)
                {
                    _owner.FlushLog();
                }
            }
        }
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
    }
}
