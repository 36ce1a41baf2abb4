using System;

namespace HuaweiMigration.Models.Serialization
{
    /// <summary>Marks a <see cref="DateTime"/> property whose API field is epoch milliseconds.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class EpochMillisecondsAttribute : Attribute { }

    /// <summary>Marks a <see cref="DateTime"/> property whose API field is a <c>yyyy/MM/dd HH:mm:ss</c> string (DCS), in UTC.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class SlashDateAttribute : Attribute { }

    /// <summary>
    /// Marks a text field the API has been seen to send as an object or array too (error details): any JSON value
    /// is read into it as text, so one odd field never makes a whole answer unreadable.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class LooseTextAttribute : Attribute { }

    /// <summary>
    /// Marks a nested object whose fields may also arrive flat in the parent, named prefix + field: DCS list rows send
    /// <c>source_instance_name</c> where show answers nest <c>source_instance.name</c>; both fill the same property.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class FlattenedAttribute : Attribute
    {
        public FlattenedAttribute(string prefix) { Prefix = prefix; }
        public string Prefix { get; }
    }

    /// <summary>Names the API field a property maps to when it is not the snake_case form of the property name.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ApiFieldAttribute : Attribute
    {
        public ApiFieldAttribute(string name) { Name = name; }
        public string Name { get; }
    }

    /// <summary>Reads the API's state strings into enums, keeping values this version does not know as <c>Unknown</c>.</summary>
    public static class StateText
    {
        public static TEnum Parse<TEnum>(string? raw, TEnum unknown) where TEnum : struct
        {
            if (!string.IsNullOrEmpty(raw) && !char.IsDigit(raw![0]) && Enum.TryParse<TEnum>(raw, ignoreCase: false, out var value) && Enum.IsDefined(typeof(TEnum), value))
            {
                return value;
            }
            return unknown;
        }
    }

    /// <summary>What a context shows of its credential; the engine's credential types implement it.</summary>
    internal interface ICredentialInfo
    {
        HuaweiCloudAuthType AuthType { get; }
        string? UserName { get; }
        string? AccessKeyId { get; }
        DateTime? ExpiresAt { get; }

        /// <summary>True once Disconnect-HuaweiCloud disposed the secrets.</summary>
        bool Disposed { get; }

        /// <summary>Cancelled when Disconnect-HuaweiCloud disposes the secrets, so a wait in any runspace ends at once.</summary>
        System.Threading.CancellationToken Closed { get; }
    }
}
