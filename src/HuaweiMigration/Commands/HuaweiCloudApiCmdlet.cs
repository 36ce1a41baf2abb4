using System;
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
    /// <summary>Base of the cmdlets that call the API: adds <c>-Context</c> and finds the context to use.</summary>
    public abstract partial class HuaweiCloudApiCmdlet : HuaweiCloudCmdlet
    {
        /// <summary>
        /// <para type="description">The connection to use instead of the session's default (the output of Connect-HuaweiCloud).</para>
        /// </summary>
        [Parameter]
        public HuaweiCloudContext? Context { get; set; }

        private HuaweiCloudContext? _resolved;
        private Client.Sms.SmsClient? _sms;

        /// <summary>The SMS client of this command's context.</summary>
        internal Client.Sms.SmsClient Sms => _sms ??= new Client.Sms.SmsClient(CurrentContext, Log);

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
                if (_resolved!.IsDisconnected)
                {
                    ThrowTerminatingError(ErrorRecords.Disconnected(_resolved));
                }
                return _resolved!;
            }
        }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _ = CurrentContext;
        }

        /// <summary>The largest -Skip a listing takes: the API's offset is a 32-bit integer.</summary>
        internal const ulong MaxSkip = int.MaxValue;

        /// <summary>-First, -Skip and -IncludeTotalCount of a SupportsPaging cmdlet, for the client; a -Skip the API cannot take stops the command.</summary>
        internal Client.Sms.PagingRequest Paging()
        {
            if (PagingParameters.Skip > MaxSkip)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentOutOfRangeException("Skip", "-Skip " + PagingParameters.Skip + " is more than the API can skip (at most " + MaxSkip + ")."),
                    "InvalidSkip", ErrorCategory.InvalidArgument, PagingParameters.Skip));
            }
            return new Client.Sms.PagingRequest
            {
                Skip = (long)PagingParameters.Skip,
                First = PagingParameters.First == ulong.MaxValue ? null : (long?)Math.Min(PagingParameters.First, long.MaxValue),
                OnTotalCount = PagingParameters.IncludeTotalCount
                    ? (count, accuracy) => WriteObject(PagingParameters.NewTotalCount((ulong)count, accuracy))
                    : (Action<long, double>?)null,
            };
        }

        /// <summary>True when -First 0 was given: the command writes nothing and sends nothing.</summary>
        internal bool WantsNone => PagingParameters != null && PagingParameters.First == 0;

        /// <summary>Writes each record of a listing as it arrives; a failure ends the listing with one error. Nothing is read for -First 0.</summary>
        internal void WriteListing<T>(Func<System.Collections.Generic.IEnumerable<T>> list, string errorId)
        {
            if (WantsNone) return;
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
