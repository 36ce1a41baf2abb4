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
    public sealed class ValidateNamePatternAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            foreach (var value in LanguagePrimitives.GetEnumerable(arguments) ?? new[] { arguments })
            {
                var pattern = value as string ?? value?.ToString() ?? string.Empty;
                try
                {
                    InputValidation.NoControlCharacters(pattern, "name");
                }
                catch (ArgumentException ex)
                {
                    throw new ValidationMetadataException(ex.Message, ex);
                }
                if (!WildcardPattern.ContainsWildcardCharacters(pattern)) continue;
                try
                {
                    new WildcardPattern(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant).IsMatch(string.Empty);
                }
                catch (WildcardPatternException ex)
                {
                    throw new ValidationMetadataException(
                        "'" + pattern + "' is not a valid wildcard pattern (" + ex.Message.TrimEnd('.') + "). Escape a literal [ or ] with a backtick (`[), or use -Name with the exact name.", ex);
                }
            }
        }
    }
}
