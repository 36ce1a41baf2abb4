using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Completion
{
    /// <summary>Tab completion for migration project ids: the current context's projects, with name (and whether it is the default) as tooltips.</summary>
    public sealed class SmsMigrationProjectIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Ids("sms-migprojects", wordToComplete, Read);

        internal static IEnumerable<(string Id, string? Name, string Detail)> Read(HuaweiCloudContext context) =>
            new SmsClient(context).EnumerateMigrationProjects(null, new PagingRequest { First = Completions.MaxItems }, Completions.Timeout())
                .Select(p => (p.Id ?? string.Empty, (string?)p.Name, (p.Region ?? string.Empty) + (p.IsDefault == true ? ", default" : string.Empty)));
    }

    /// <summary>Tab completion for -Name of Get-SmsMigrationProject: the current context's project names.</summary>
    public sealed class SmsMigrationProjectNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completions.Names("sms-migprojects", wordToComplete, SmsMigrationProjectIdCompleter.Read);
    }
}
