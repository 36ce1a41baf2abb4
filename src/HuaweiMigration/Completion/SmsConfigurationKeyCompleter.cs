using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HuaweiMigration.Completion
{
    /// <summary>Tab completion for -Key of Get-SmsTaskConfiguration: the settings the API documents.</summary>
    public sealed class SmsConfigurationKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = Completions.Unquote(wordToComplete);
            return Client.Sms.SmsClient.ConfigurationKeys
                .Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(k => new CompletionResult(k, k, CompletionResultType.ParameterValue, k));
        }
    }
}
