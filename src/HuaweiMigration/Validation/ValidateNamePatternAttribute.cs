using System;
using System.Management.Automation;
using HuaweiMigration.Client;

namespace HuaweiMigration.Validation
{
    /// <summary>
    /// Refuses at binding, before any request, a <c>-Name</c> that could never match: an invalid wildcard pattern
    /// (<c>[</c>, <c>a[b</c>, <c>[z-a]*</c>), which would otherwise fail only after a whole listing was read, or a name
    /// holding a control character (a trailing newline).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateNamePatternAttribute : ValidateEachTextAttribute
    {
        protected override void Check(string text)
        {
            InputValidation.NoControlCharacters(text, "name");
            if (!WildcardPattern.ContainsWildcardCharacters(text)) return;
            try
            {
                new WildcardPattern(text, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant).IsMatch(string.Empty);
            }
            catch (WildcardPatternException ex)
            {
                throw new ValidationMetadataException(
                    "'" + text + "' is not a valid wildcard pattern (" + ex.Message.TrimEnd('.') + "). Escape a literal [ or ] with a backtick (`[), or use -Name with the exact name.", ex);
            }
        }
    }
}
