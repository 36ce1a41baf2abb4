using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>
    /// The page reader against scripted lists, no HTTP: a list that really changes is still read whole, each record
    /// once and without a warning, while a page that brings nothing new where something was due ends the listing.
    /// </summary>
    public class PageReaderTests
    {
        private sealed class Log : IApiLog
        {
            public List<string> Warnings { get; } = new List<string>();
            public bool VerboseEnabled => false;
            public bool DebugEnabled => false;
            public void Verbose(string message) { }
            public void Debug(string message) { }
            public void Warning(string message) => Warnings.Add(message);
        }

        private static List<string> ReadAll(Func<long, int, (long, IList<string>)> page, Log log, int concurrency = 8) =>
            PageReader<string>.ReadAll(
                (offset, limit, _) => Task.FromResult(page(offset, limit)),
                id => id, 0, null, 200, concurrency, _ => { }, log, CancellationToken.None, "records").ToList();

        [Fact]
        public void Pages_read_again_after_the_list_shrank_ahead_of_the_reader_do_not_end_the_listing()
        {
            var list = Enumerable.Range(0, 1000).Select(i => "r" + i).ToList();
            var log = new Log();
            var read = ReadAll((offset, limit) =>
            {
                // Records not yet read leave as the second page is asked for: the cursor backs up over 200 it has
                // read, and the page it reads again brings nothing new. That is the list changing, not a service
                // ignoring the offset: the listing goes on.
                if (offset == 200 && list.Count == 1000) list.RemoveRange(400, 300);
                return (list.Count, list.Skip((int)offset).Take(limit).ToList());
            }, log);

            Assert.Equal(list, read);
            Assert.Empty(log.Warnings);
        }

        [Fact]
        public void A_page_of_records_already_read_where_new_ones_were_due_ends_the_listing()
        {
            var log = new Log();
            var first = Enumerable.Range(0, 200).Select(i => "r" + i).ToList();
            var requests = 0;
            var read = ReadAll((offset, limit) =>
            {
                requests++;
                return (1000, first);
            }, log, concurrency: 1);

            Assert.Equal(first, read);
            Assert.Contains("said it holds 1000", Assert.Single(log.Warnings));
            // The first page, the look from the start (read one page at a time, a list may shrink), one page on.
            Assert.Equal(3, requests);
        }

        [Fact]
        public void A_listing_sends_no_more_requests_than_its_first_count_allows()
        {
            // Each page is new and says the list is one shorter: read again from one record back, forever, if let.
            var log = new Log();
            var requests = 0;
            var count = 1000L;
            var read = ReadAll((offset, limit) =>
            {
                requests++;
                var said = count;
                count = Math.Max(1, count - 1);
                return (said, Enumerable.Range(0, limit).Select(i => "q" + requests + "-" + i).ToList());
            }, log);

            // 1000 allows five pages: at most twice that, plus two.
            Assert.InRange(requests, 5, 12);
            Assert.Contains("said it holds 1000", Assert.Single(log.Warnings));
            Assert.Equal(read.Count, read.Distinct().Count());
        }
    }
}
