using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Internal;

namespace HuaweiMigration.Commands
{
    /// <summary>
    /// The engine's host in a cmdlet: its output, errors, progress, prompts and Ctrl+C. Background threads only queue
    /// log lines; the pipeline thread (the only one allowed to call Write*) writes them whenever it writes anything
    /// else or waits (<see cref="Await{T}"/>), so no cmdlet ever flushes by hand.
    /// </summary>
    internal sealed class CmdletHost : IEngineHost, IApiLog
    {
        private readonly HuaweiCloudCmdlet _cmdlet;
        private readonly ConcurrentQueue<(char Stream, string Message)> _pending = new ConcurrentQueue<(char, string)>();
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
        private bool? _verbose;
        private bool? _debug;

        public CmdletHost(HuaweiCloudCmdlet cmdlet, CancellationToken cancellation)
        {
            _cmdlet = cmdlet;
            Cancellation = cancellation;
        }

        public CancellationToken Cancellation { get; }

        public IApiLog Log => this;

        // Read lazily on the first call from the pipeline thread; the answer does not change during a command.
        public bool VerboseEnabled => _verbose ??= SafeWants("Verbose", "VerbosePreference");

        public bool DebugEnabled => _debug ??= SafeWants("Debug", "DebugPreference");

        /// <summary>Decides which log streams anybody reads, on the pipeline thread, before any request.</summary>
        public void Prime()
        {
            _ = VerboseEnabled;
            _ = DebugEnabled;
        }

        public void Verbose(string message) => Queue('V', message);

        public void Debug(string message) => Queue('D', message);

        public void Warning(string message) => Queue('W', message);

        private void Queue(char stream, string message)
        {
            // A stream nobody asked for is not written at all: with -Debug alone, PowerShell would turn every
            // Verbose line into a prompt (and fail a non-interactive host).
            if (stream == 'V' && !VerboseEnabled) return;
            if (stream == 'D' && !DebugEnabled) return;
            _pending.Enqueue((stream, message));
            if (Environment.CurrentManagedThreadId == _pipelineThread) Flush();
        }

        /// <summary>Writes queued log lines; only ever called on the pipeline thread.</summary>
        public void Flush()
        {
            Cmdlet cmdlet = _cmdlet;
            while (_pending.TryDequeue(out var entry))
            {
                switch (entry.Stream)
                {
                    case 'D': cmdlet.WriteDebug(entry.Message); break;
                    case 'W': cmdlet.WriteWarning(entry.Message); break;
                    default: cmdlet.WriteVerbose(entry.Message); break;
                }
            }
        }

        public T Await<T>(Task<T> task)
        {
            // WaitAny with a time-out blocks cheaply (no kernel event per call) and wakes to write the log.
            while (!task.IsCompleted && Task.WaitAny(new Task[] { task }, 50) < 0) Flush();
            Flush();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        public bool ShouldProcess(string target, string action, bool force = false)
        {
            Flush();
            // -Force skips the prompt; -WhatIf still wins (as AWS Tools do).
            if (force && !WhatIfRequested) return true;
            return _cmdlet.ShouldProcess(target, action);
        }

        public void WriteObject(object item)
        {
            Flush();
            _cmdlet.WriteObject(item);
        }

        public void WriteError(TaskError error)
        {
            Flush();
            _cmdlet.WriteError(ErrorRecords.FromTask(error));
        }

        public void WriteProgress(WaitProgress progress)
        {
            Flush();
            if (progress.Completed && _cmdlet.Stopping) return;
            _cmdlet.WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                CurrentOperation = progress.CurrentOperation ?? string.Empty,
                SecondsRemaining = -1,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }

        public bool WhatIf => WhatIfRequested;

        // -WhatIf given (even as -WhatIf:$false) wins over $WhatIfPreference, as PowerShell's own ShouldProcess has it.
        private bool WhatIfRequested =>
            _cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
                ? w is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(w)
                : _cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference") is { } pref && LanguagePrimitives.IsTrue(pref);

        /// <summary>Whether a stream is wanted; true when it cannot be told (off the pipeline thread, say), so nothing is lost.</summary>
        private bool SafeWants(string parameter, string preferenceVariable)
        {
            try
            {
                if (_cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var value)) return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
                var preference = _cmdlet.SessionState.PSVariable.GetValue(preferenceVariable);
                return preference is ActionPreference p ? p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore : preference != null && !"SilentlyContinue".Equals(preference.ToString(), StringComparison.OrdinalIgnoreCase);
            }
            catch (PSInvalidOperationException)
            {
                return true;
            }
        }
    }
}
