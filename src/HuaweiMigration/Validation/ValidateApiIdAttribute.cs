using System;
using HuaweiMigration.Client;

namespace HuaweiMigration.Validation
{
    /// <summary>
    /// Refuses at binding, before any request, an id parameter that is not ASCII letters, digits and hyphens of the
    /// API's length (a trailing newline, a path character, an object's type name): the rule of
    /// <see cref="InputValidation"/>, so piped ids and parameters are held to the same one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateApiIdAttribute : ValidateEachTextAttribute
    {
        public ValidateApiIdAttribute(string what, int maxLength)
        {
            What = what;
            MaxLength = maxLength;
        }

        /// <summary>What the id names, for the message ("template id").</summary>
        public string What { get; }

        public int MaxLength { get; }

        protected override void Check(string text) => InputValidation.Id(text, MaxLength, What);
    }
}
