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
    /// The client's log: background threads queue messages, the pipeline thread writes them (the only thread allowed
    /// to call Write*). Whether anyone reads Verbose or Debug is decided once per command, on the pipeline thread.
    /// </summary>
    public abstract partial class HuaweiCloudCmdlet
    {
        /// <summary>
        /// Writes a Verbose line only when Verbose output is asked for (-Verbose or $VerbosePreference). Hides
        /// <see cref="Cmdlet.WriteVerbose"/>: with -Debug alone PowerShell would prompt for each Verbose line, which
        /// fails in a non-interactive host.
        /// </summary>
        public new void WriteVerbose(string text)
        {
            if (_log.VerboseEnabled) base.WriteVerbose(text);
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
                // A stream nobody asked for is not written at all: with -Debug alone, PowerShell would turn every
                // Verbose line into a prompt (and fail a non-interactive host).
                if (stream == 'V' && !VerboseEnabled) return;
                if (stream == 'D' && !DebugEnabled) return;
                _owner._pending.Enqueue((stream, message));
                if (Environment.CurrentManagedThreadId == _owner._pipelineThread)
                {
                    _owner.FlushLog();
                }
            }
        }
    }
}
