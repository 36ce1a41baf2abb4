using System;
using System.Globalization;
using Newtonsoft.Json;

namespace HuaweiMigration.Client.Json
{
    /// <summary>
    /// A field whose JSON value is of the wrong type for its property (<c>"priority": "high"</c>): the message says
    /// what came and what belongs there, quoting at most a short, printable excerpt of the value.
    /// </summary>
    internal sealed class FieldTypeException : JsonSerializationException
    {
        private const int MaxExcerpt = 40;

        private FieldTypeException(string reason)
            : base(reason)
        {
        }

        /// <summary>What came where <paramref name="expected"/> ("a whole number") belongs, from the reader's current token.</summary>
        public static FieldTypeException Received(JsonReader reader, string expected) =>
            new FieldTypeException(Describe(reader) + " where " + expected + " belongs");

        private static string Describe(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.String:
                    return "text \"" + Excerpt((string?)reader.Value) + "\"";
                case JsonToken.Integer:
                case JsonToken.Float:
                    return "the number " + Excerpt(Convert.ToString(reader.Value, CultureInfo.InvariantCulture));
                case JsonToken.Boolean:
                    return true.Equals(reader.Value) ? "true" : "false";
                case JsonToken.StartObject:
                    return "an object";
                case JsonToken.StartArray:
                    return "a list";
                case JsonToken.Null:
                case JsonToken.Undefined:
                    return "null";
                default:
                    return reader.TokenType.ToString();
            }
        }

        /// <summary>The start of a server's value, without anything a terminal would act on.</summary>
        private static string Excerpt(string? value)
        {
            var text = ServerText.Clean(value) ?? string.Empty;
            return text.Length <= MaxExcerpt ? text : text.Substring(0, MaxExcerpt) + "…";
        }

        /// <summary>How a property's type is named in a message ("a whole number", "a date", "a list").</summary>
        public static string Expected(Type? type)
        {
            var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
            if (t is null) return "another type";
            if (t == typeof(int) || t == typeof(long) || t == typeof(short)) return "a whole number";
            if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return "a number";
            if (t == typeof(bool)) return "true or false";
            if (t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "a date";
            if (t == typeof(string)) return "text";
            if (typeof(System.Collections.IEnumerable).IsAssignableFrom(t)) return "a list";
            return "an object";
        }
    }
}
