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
    internal sealed class ByIdReader
    {
        /// <summary>Reads by id in flight at once (the listing's page concurrency).</summary>
        internal const int ReadAhead = 8;

        // Whether a cmdlet type has -First/-Skip, read from its attribute once per type (not once per command).
        private static readonly ConcurrentDictionary<Type, bool> SupportsPagingByType = new ConcurrentDictionary<Type, bool>();

        private readonly HuaweiCloudApiCmdlet _cmdlet;
        private readonly bool _supportsPaging;
        private ulong _seen;
        private ulong _written;

        // Reads by id waiting for their turn to be written, with how to write each.
        private readonly Queue<(string Id, Task<object?> Read, string InvalidIdErrorId, string What, string? DetailTypeName)> _reads =
            new Queue<(string, Task<object?>, string, string, string?)>();

        public ByIdReader(HuaweiCloudApiCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            _supportsPaging = SupportsPagingByType.GetOrAdd(cmdlet.GetType(), type => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<CmdletAttribute>(type)?.SupportsPaging ?? false);
        }

        /// <summary>
        /// Starts reading each id's object and writes the reads that are due: an unknown id is one ObjectNotFound
        /// error, a refused id one InvalidArgument error (no request), and the others go on. What is still in flight
        /// is written, in order, by the next call or by <see cref="End"/>.
        /// </summary>
        public void Read<T>(IEnumerable<string> ids, string invalidIdErrorId, string what, Func<string, Task<T>> read, string? detailTypeName)
        {
            foreach (var id in ids)
            {
                // -Skip and -First apply to the ids given, across the whole pipeline input, as they do to a listing.
                if (!Take()) continue;
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
                while (_reads.Count >= ReadAhead) WriteNext();
            }
        }

        /// <summary>Writes every read still in flight, in order.</summary>
        public void End()
        {
            while (_reads.Count > 0) WriteNext();
        }

        /// <summary>Lets go of the reads in flight (the command ended early); their failures no longer matter.</summary>
        public void Abandon()
        {
            while (_reads.Count > 0)
            {
                _ = _reads.Dequeue().Read.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }

        private bool Take()
        {
            if (!_supportsPaging) return true;
            var paging = _cmdlet.PagingParameters;
            if (_seen++ < paging.Skip) return false;
            if (_written >= paging.First) return false;
            _written++;
            return true;
        }

        private void WriteNext()
        {
            var next = _reads.Dequeue();
            _cmdlet.ForItem(next.Id, next.InvalidIdErrorId, () =>
            {
                try
                {
                    var found = _cmdlet.EngineHost.Await(next.Read);
                    if (next.DetailTypeName is null || found is null)
                    {
                        _cmdlet.WriteObject(found);
                    }
                    else
                    {
                        var shown = PSObject.AsPSObject(found);
                        shown.TypeNames.Insert(0, next.DetailTypeName);
                        _cmdlet.WriteObject(shown);
                    }
                }
                catch (HuaweiCloudApiException ex) when (ex.Kind == ApiErrorKind.NotFound)
                {
                    _cmdlet.WriteApiError(ex, next.Id, "No " + next.What + " has the id '" + next.Id + "'. " + ex.Message);
                }
            });
        }

        private static async Task<object?> Boxed<T>(Task<T> read) => await read.ConfigureAwait(false);
    }
}
