using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Completion
{
    /// <summary>Tab completion for -Region: the regions Huawei Cloud has, with their names as tooltips.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        /// <summary>Region ids and names (public Huawei Cloud sites).</summary>
        internal static readonly IReadOnlyList<(string Id, string Name)> Regions = new[]
        {
            ("af-south-1", "AF-Johannesburg"),
            ("ap-southeast-1", "AP-Hong Kong"),
            ("ap-southeast-2", "AP-Bangkok"),
            ("ap-southeast-3", "AP-Singapore"),
            ("ap-southeast-4", "AP-Jakarta"),
            ("ap-southeast-5", "AP-Manila"),
            ("cn-east-2", "CN East-Shanghai2"),
            ("cn-east-3", "CN East-Shanghai1"),
            ("cn-east-4", "CN East2"),
            ("cn-north-1", "CN North-Beijing1"),
            ("cn-north-4", "CN North-Beijing4"),
            ("cn-north-9", "CN North-Ulanqab1"),
            ("cn-south-1", "CN South-Guangzhou"),
            ("cn-southwest-2", "CN Southwest-Guiyang1"),
            ("eu-west-0", "EU-Paris"),
            ("eu-west-101", "EU-Dublin"),
            ("la-north-2", "LA-Mexico City2"),
            ("la-south-2", "LA-Santiago"),
            ("me-east-1", "ME-Riyadh"),
            ("sa-brazil-1", "LA-Sao Paulo1"),
            ("tr-west-1", "TR-Istanbul"),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = Completions.Unquote(wordToComplete);
            return Regions
                .Where(r => r.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(r => new CompletionResult(r.Id, r.Id, CompletionResultType.ParameterValue, r.Id + " (" + r.Name + ")"));
        }
    }

    /// <summary>
    /// Tab completion for -Id of the SMS cmdlets: the task ids of the current context, with name and state as
    /// tooltips. The list is read once and kept for a short while, so pressing Tab again costs nothing.
    /// </summary>
    public sealed class SmsTaskIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Ids("sms", wordToComplete, Read);

        internal static IEnumerable<(string Id, string? Name, string Detail)> Read(HuaweiCloudContext context) =>
            new SmsClient(context).EnumerateTasks(new SmsTaskFilter(), new PagingRequest { First = Completions.MaxItems }, Completions.Timeout())
                .Select(t => (t.Id, (string?)t.Name, t.RawState ?? string.Empty));
    }

    /// <summary>
    /// Tab completion for -Name of Get-SmsTask: the task names of the current context (wildcard characters escaped,
    /// quoted when needed), with id and state as tooltips; never file names, even when nothing can be read.
    /// </summary>
    public sealed class SmsTaskNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Names("sms", wordToComplete, SmsTaskIdCompleter.Read);
    }

    /// <summary>Tab completion for source server ids: the current context's servers, with name and state as tooltips.</summary>
    public sealed class SmsSourceServerIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Ids("sms-sources", wordToComplete, Read);

        internal static IEnumerable<(string Id, string? Name, string Detail)> Read(HuaweiCloudContext context) =>
            new SmsClient(context).EnumerateSourceServers(new SmsSourceServerFilter(), new PagingRequest { First = Completions.MaxItems }, Completions.Timeout())
                .Select(s => (s.Id ?? string.Empty, (string?)s.Name, s.State + (s.Connected == false ? ", offline" : string.Empty)));
    }

    /// <summary>Tab completion for -Name of Get-SmsSourceServer: the source server names of the current context.</summary>
    public sealed class SmsSourceServerNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Names("sms-sources", wordToComplete, SmsSourceServerIdCompleter.Read);
    }

    /// <summary>Tab completion for -Id of the task cmdlets: the DCS completer for a Dcs noun, the SMS one otherwise.</summary>
    public sealed class TaskIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            (commandName ?? string.Empty).IndexOf("-Dcs", StringComparison.OrdinalIgnoreCase) >= 0
                ? new DcsTaskIdCompleter().CompleteArgument(commandName!, parameterName, wordToComplete, commandAst, fakeBoundParameters)
                : new SmsTaskIdCompleter().CompleteArgument(commandName!, parameterName, wordToComplete, commandAst, fakeBoundParameters);
    }

    /// <summary>Tab completion for -Id of the DCS cmdlets: the migration task ids of the current context.</summary>
    public sealed class DcsTaskIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Ids("dcs", wordToComplete, Read);

        internal static IEnumerable<(string Id, string? Name, string Detail)> Read(HuaweiCloudContext context) =>
            new DcsClient(context).EnumerateTasks(new DcsTaskFilter(), new PagingRequest { First = Completions.MaxItems }, Completions.Timeout())
                .Select(t => (t.TaskId, (string?)t.TaskName, t.RawStatus ?? string.Empty));
    }

    /// <summary>Tab completion for -Name of Get-DcsMigrationTask: the migration task names of the current context.</summary>
    public sealed class DcsTaskNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Names("dcs", wordToComplete, DcsTaskIdCompleter.Read);
    }

    internal static class Completions
    {
        internal const int MaxItems = 1000;
        private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
        // One entry per kind, for the context it was read with: a new context simply misses the cache.
        private static readonly ConcurrentDictionary<string, (HuaweiCloudContext Context, DateTime At, IReadOnlyList<(string Id, string? Name, string Detail)> Items)> Cache =
            new ConcurrentDictionary<string, (HuaweiCloudContext, DateTime, IReadOnlyList<(string, string?, string)>)>();

        /// <summary>Completion must never hang the prompt: a few seconds at most.</summary>
        internal static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token;

        internal static string Unquote(string word) => (word ?? string.Empty).Trim('\'', '"');

        internal static IEnumerable<CompletionResult> Ids(string kind, string wordToComplete, Func<HuaweiCloudContext, IEnumerable<(string Id, string? Name, string Detail)>> read)
        {
            var items = Items(kind, read);
            var prefix = Unquote(wordToComplete);
            return items
                .Select(i => (i.Id, Tip: (i.Name ?? i.Id) + " (" + i.Detail + ")"))
                .Where(i => i.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || i.Tip.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(i => new CompletionResult(i.Id, i.Id, CompletionResultType.ParameterValue, i.Tip));
        }

        /// <summary>
        /// The names that match what was typed (a prefix, wildcards allowed), each once, from the same cached listing
        /// as the ids: wildcard characters in a name are escaped (-Name takes patterns) and the text is quoted when
        /// the shell needs it. Nothing (never file names) when there is no context or the listing fails.
        /// </summary>
        internal static IEnumerable<CompletionResult> Names(string kind, string wordToComplete, Func<HuaweiCloudContext, IEnumerable<(string Id, string? Name, string Detail)>> read)
        {
            var items = Items(kind, read);
            var typed = Unquote(wordToComplete);
            WildcardPattern pattern;
            try
            {
                pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            }
            catch (WildcardPatternException)
            {
                return Array.Empty<CompletionResult>();
            }
            return items
                .Where(i => !string.IsNullOrEmpty(i.Name) && pattern.IsMatch(i.Name))
                .GroupBy(i => i.Name!, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g =>
                {
                    var first = g.First();
                    var count = g.Count();
                    var tip = g.Key + (count == 1 ? " (" + first.Id + ", " + first.Detail + ")" : " (" + count + " with this name)");
                    return new CompletionResult(Quote(WildcardPattern.Escape(g.Key)), g.Key, CompletionResultType.ParameterValue, tip);
                })
                .ToList();
        }

        /// <summary>The text as a PowerShell argument: as is when it is a plain word, else in single quotes (which keep an escaping backtick).</summary>
        internal static string Quote(string text) =>
            text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':') && !text.StartsWith("-", StringComparison.Ordinal)
                ? text
                : "'" + text.Replace("'", "''") + "'";

        private static IReadOnlyList<(string Id, string? Name, string Detail)> Items(string kind, Func<HuaweiCloudContext, IEnumerable<(string Id, string? Name, string Detail)>> read)
        {
            var context = SessionContext.Get();
            if (context is null || context.IsDisconnected) return Array.Empty<(string, string?, string)>();
            if (!Cache.TryGetValue(kind, out var entry) || !ReferenceEquals(entry.Context, context) || DateTime.UtcNow - entry.At > CacheFor)
            {
                try
                {
                    entry = (context, DateTime.UtcNow, read(context).ToList());
                    Cache[kind] = entry;
                }
                catch (Exception)
                {
                    // No completion rather than an error at the prompt.
                    return Array.Empty<(string, string?, string)>();
                }
            }
            return entry.Items;
        }
    }
}
