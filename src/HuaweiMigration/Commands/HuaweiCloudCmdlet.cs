using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Internal;

namespace HuaweiMigration.Commands
{
    /// <summary>
    /// Base of every cmdlet: one cancellation token, cancelled by Ctrl+C (<see cref="StopProcessing"/>) and passed to
    /// every HTTP call and delay; the engine's host (<see cref="CmdletHost"/>), which writes what background threads
    /// log on the pipeline thread; and one error per failed item.
    /// </summary>
    public abstract class HuaweiCloudCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        protected HuaweiCloudCmdlet()
        {
            EngineHost = new CmdletHost(this, _cancellation.Token);
        }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The engine's host: this command's streams, prompts and Ctrl+C.</summary>
        internal CmdletHost EngineHost { get; }

        /// <summary>The client's log, routed to Verbose, Debug and Warning.</summary>
        internal IApiLog Log => EngineHost;

        protected override void BeginProcessing()
        {
            // Which log streams anybody reads, decided here on the pipeline thread, before any request.
            EngineHost.Prime();
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

        /// <summary>Waits for a task on the pipeline thread, writing the log meanwhile; Ctrl+C ends the pipeline.</summary>
        protected T Await<T>(Task<T> task) => EngineHost.Await(task);

        /// <summary>Waits for a task that has no result; see <see cref="Await{T}"/>.</summary>
        protected void Await(Task task) => Client.Engine.EngineHostExtensions.Await(EngineHost, task);

        /// <summary>
        /// Writes to the pipeline; every object a cmdlet writes passes here. An API object the service sent with a field
        /// of the wrong type was read without that field: it is a non-terminating InvalidResult error naming the object
        /// and the field instead, and the others go on.
        /// </summary>
        public new void WriteObject(object? sendToPipeline)
        {
            EngineHost.Flush();
            if (ErrorRecords.Unreadable(sendToPipeline) is { } unreadable)
            {
                WriteError(unreadable);
                return;
            }
            base.WriteObject(Shown(sendToPipeline));
        }

        /// <summary>
        /// How a written object is shown: a cmdlet whose output has a view of its own (a type name inserted first)
        /// says so here. Only the view changes; the object is the same.
        /// </summary>
        private protected virtual object? Shown(object? item) => item;

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

        /// <summary>
        /// Writes a Verbose line only when Verbose output is asked for (-Verbose or $VerbosePreference). Hides
        /// <see cref="Cmdlet.WriteVerbose"/>: with -Debug alone PowerShell would prompt for each Verbose line, which
        /// fails in a non-interactive host.
        /// </summary>
        public new void WriteVerbose(string text) => EngineHost.Verbose(text);

        /// <summary>Writes an error after the log lines queued before it.</summary>
        public new void WriteError(ErrorRecord errorRecord)
        {
            EngineHost.Flush();
            base.WriteError(errorRecord);
        }

        /// <summary>Writes a client failure as a non-terminating error for one item.</summary>
        internal void WriteApiError(HuaweiCloudApiException ex, object? target, string? friendlyMessage = null) =>
            WriteError(ErrorRecords.FromApi(ex, target, friendlyMessage));

        /// <summary>
        /// Runs the work for one item; a failure becomes a non-terminating error for that item so the rest of the
        /// pipeline goes on.
        /// </summary>
        internal void ForItem(object? target, string invalidArgumentId, Action work)
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
                WriteError(ErrorRecords.InvalidArgument(ex, invalidArgumentId, target));
            }
            catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (OperationCanceledException ex)
            {
                // Not Ctrl+C (that was caught above): something gave up waiting; a time-out for this item only.
                WriteError(ErrorRecords.Cancelled(ex, target));
            }
            catch (Exception ex) when (!IsPowerShells(ex) && !(ex is OutOfMemoryException))
            {
                // A failure nobody foresaw still costs only this item, and is never NotSpecified: it can only have come
                // from handling what the service sent. PowerShell's own exceptions pass: -ErrorAction Stop, Ctrl+C,
                // and the flow control of a 'break' or 'continue' in a downstream script block.
                WriteError(ErrorRecords.Unexpected(ex, target));
            }
            finally
            {
                // What the client logged last (a warning at the end of a listing) is written with the item's output.
                EngineHost.Flush();
            }
        }

        private static bool IsPowerShells(Exception ex) =>
            ex is RuntimeException || (ex.GetType().Namespace?.StartsWith("System.Management.Automation", StringComparison.Ordinal) ?? false);
    }
}
