using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands
{
    /// <summary>Base of the cmdlets that call the API: adds <c>-Context</c>, finds the context to use, and lists and reads by id.</summary>
    public abstract class HuaweiCloudApiCmdlet : HuaweiCloudCmdlet
    {
        /// <summary>
        /// <para type="description">The connection to use instead of the session's default (the output of Connect-HuaweiCloud).</para>
        /// </summary>
        [Parameter]
        public HuaweiCloudContext? Context { get; set; }

        private HuaweiCloudContext? _resolved;
        private Client.Sms.SmsClient? _sms;
        private ByIdReader? _byId;

        /// <summary>The SMS client of this command's context.</summary>
        internal Client.Sms.SmsClient Sms => _sms ??= new Client.Sms.SmsClient(CurrentContext, Log);

        /// <summary>The context to use; stops the command with a clear error when there is none.</summary>
        internal HuaweiCloudContext CurrentContext
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

        protected override void EndProcessing()
        {
            _byId?.End();
            base.EndProcessing();
        }

        private protected override void Abandon()
        {
            _byId?.Abandon();
            base.Abandon();
        }

        /// <summary>The largest -Skip a listing takes: the API's offset is a 32-bit integer.</summary>
        internal const ulong MaxSkip = int.MaxValue;

        /// <summary>-First, -Skip and -IncludeTotalCount of a SupportsPaging cmdlet, for the client; a -Skip the API cannot take stops the command.</summary>
        internal Client.Sms.PagingRequest Paging()
        {
            if (PagingParameters.Skip > MaxSkip)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "-Skip " + PagingParameters.Skip + " is more than the API can skip (at most " + MaxSkip + ").", "Skip", "InvalidSkip", PagingParameters.Skip));
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
        internal void WriteListing<T>(Func<IEnumerable<T>> list, string errorId)
        {
            if (WantsNone) return;
            ForItem(null, errorId, () =>
            {
                foreach (var item in list()) WriteObject(item);
            });
        }

        /// <summary>
        /// Reads each id's object, <see cref="ByIdReader.ReadAhead"/> at a time, and writes them in the order given;
        /// see <see cref="ByIdReader"/>.
        /// </summary>
        /// <param name="ids">The ids, in order.</param>
        /// <param name="invalidIdErrorId">The error id of an id that is refused before any request.</param>
        /// <param name="what">What an id names, for the not-found message.</param>
        /// <param name="read">Reads one object.</param>
        /// <param name="detailTypeName">A type name put first on each object, so its detail view (not the listing's table) shows it.</param>
        internal void WriteEachById<T>(IEnumerable<string> ids, string invalidIdErrorId, string what, Func<string, Task<T>> read, string? detailTypeName = null) =>
            (_byId ??= new ByIdReader(this)).Read(ids, invalidIdErrorId, what, read, detailTypeName);

        /// <summary>How a command's waits poll: -Timeout (0: none) and -PollInterval when it was given (else the growing schedule), one deadline for the command.</summary>
        internal Client.Engine.WaitPlan WaitPlanOf(int timeout, double pollInterval) =>
            new Client.Engine.WaitPlan(timeout > 0 ? timeout : (int?)null,
                MyInvocation.BoundParameters.ContainsKey("PollInterval") ? TimeSpan.FromSeconds(pollInterval) : (TimeSpan?)null,
                CurrentContext.Closed);

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
    }
}
