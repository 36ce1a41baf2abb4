using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client;

namespace HuaweiMigration.Commands
{
    /// <summary>
    /// Reading objects by id (Get-SmsTask -Id, Get-SmsSourceServer -Id, Get-DcsMigrationTask -Id): piped ids are
    /// read <see cref="ReadAhead"/> at a time and written in the order they came, so a thousand piped ids cost about a
    /// thousand round trips divided by <see cref="ReadAhead"/>, not a thousand round trips one after another.
    /// </summary>
    public abstract partial class HuaweiCloudApiCmdlet
    {
        /// <summary>Reads by id in flight at once (the listing's page concurrency).</summary>
        internal const int ReadAhead = 8;

        // Reads by id waiting for their turn to be written, with how to write each.
        private readonly Queue<(string Id, Task<object?> Read, string InvalidIdErrorId, string What, string? DetailTypeName)> _reads =
            new Queue<(string, Task<object?>, string, string, string?)>();

        /// <summary>
        /// Starts reading each id's object and writes the reads that are due: an unknown id is one ObjectNotFound
        /// error, a refused id one InvalidArgument error (no request), and the others go on. What is still in flight
        /// is written, in order, by the next call or at the end of the command.
        /// </summary>
        /// <param name="ids">The ids, in order.</param>
        /// <param name="invalidIdErrorId">The error id of an id that is refused before any request.</param>
        /// <param name="what">What an id names, for the not-found message.</param>
        /// <param name="read">Reads one object.</param>
        /// <param name="detailTypeName">A type name put first on each object, so its detail view (not the listing's table) shows it.</param>
        internal void WriteEachById<T>(IEnumerable<string> ids, string invalidIdErrorId, string what, Func<string, Task<T>> read, string? detailTypeName = null)
        {
            foreach (var id in ids)
            {
                // -Skip and -First apply to the ids given, across the whole pipeline input, as they do to a listing.
                if (!TakeById()) continue;
                Task<object?> started;
                try
                {
                    started = Boxed(read(id));
                }
                catch (ArgumentException ex)
                {
                    started = Task.FromException<object?>(ex);
                }
                _reads.Enqueue((id, started, invalidIdErrorId, what, detailTypeName));
                while (_reads.Count >= ReadAhead) WriteNextRead();
            }
        }

        // Whether a cmdlet type has -First/-Skip, read from its attribute once per type (not once per command).
        private static readonly ConcurrentDictionary<Type, bool> SupportsPagingByType = new ConcurrentDictionary<Type, bool>();
        private bool? _supportsPaging;
        private ulong _byIdSeen;
        private ulong _byIdWritten;

        private bool TakeById()
        {
            _supportsPaging ??= SupportsPagingByType.GetOrAdd(GetType(), type => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<CmdletAttribute>(type)?.SupportsPaging ?? false);
            if (!_supportsPaging.Value) return true;
            if (_byIdSeen++ < PagingParameters.Skip) return false;
            if (_byIdWritten >= PagingParameters.First) return false;
            _byIdWritten++;
            return true;
        }

        protected override void EndProcessing()
        {
            while (_reads.Count > 0) WriteNextRead();
            base.EndProcessing();
        }

        private void WriteNextRead()
        {
            var next = _reads.Dequeue();
            ForItem(next.Id, next.InvalidIdErrorId, () =>
            {
                try
                {
                    var found = Await(next.Read);
                    if (next.DetailTypeName is null || found is null)
                    {
                        WriteObject(found);
                    }
                    else
                    {
                        var shown = PSObject.AsPSObject(found);
                        shown.TypeNames.Insert(0, next.DetailTypeName);
                        WriteObject(shown);
                    }
                }
                catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                {
                    WriteApiError(ex, next.Id, "No " + next.What + " has the id '" + next.Id + "'. " + ex.Message);
                }
            });
        }

        private static async Task<object?> Boxed<T>(Task<T> read) => await read.ConfigureAwait(false);

        private protected override void Abandon()
        {
            while (_reads.Count > 0)
            {
                _ = _reads.Dequeue().Read.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            base.Abandon();
        }
    }
}
