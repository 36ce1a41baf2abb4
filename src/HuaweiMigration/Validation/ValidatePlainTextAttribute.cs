using System;
using HuaweiMigration.Client;

namespace HuaweiMigration.Validation
{
    /// <summary>Refuses at binding, before any request, text holding a control character (a trailing newline, an escape sequence).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidatePlainTextAttribute : ValidateEachTextAttribute
    {
        public ValidatePlainTextAttribute(string what)
        {
            What = what;
        }

        /// <summary>What the text is, for the message ("enterprise project id").</summary>
        public string What { get; }

        protected override void Check(string text) => InputValidation.NoControlCharacters(text, What);
    }
}
