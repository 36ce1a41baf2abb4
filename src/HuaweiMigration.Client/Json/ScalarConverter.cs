using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace HuaweiMigration.Client.Json
{
    /// <summary>
    /// Reads numbers, true/false and text from whatever token came, as leniently as Newtonsoft does (<c>"5"</c> for a
    /// number, <c>5</c> for text), but an object or a list where one of them belongs fails as that one field
    /// (<see cref="FieldTypeException"/>) with the reader still in step, so the rest of the object and the page are
    /// read as usual. (Newtonsoft's own <c>ReadAsInt32</c> and the like consume such a value half-way and leave the
    /// whole answer unreadable.) Used for every such type, in properties and in lists alike. Text is server text
    /// shown to a person (<see cref="ServerText.ForPerson"/>), except an identifier's (<see cref="Identifier"/>), which is
    /// kept as sent: an id is checked before it is used, never quietly changed into another one.
    /// </summary>
    internal sealed class ScalarConverter : JsonConverter
    {
        private static readonly ConcurrentDictionary<Type, ScalarConverter> ByType = new ConcurrentDictionary<Type, ScalarConverter>();

        /// <summary>Text kept exactly as sent: ids.</summary>
        public static readonly ScalarConverter Identifier = new ScalarConverter(typeof(string), clean: false);

        private readonly Type _type;
        private readonly bool _nullable;
        private readonly bool _clean;

        private ScalarConverter(Type type, bool clean = true)
        {
            _nullable = !type.IsValueType || Nullable.GetUnderlyingType(type) != null;
            _type = Nullable.GetUnderlyingType(type) ?? type;
            _clean = clean;
        }

        /// <summary>The converter for <paramref name="type"/>, or null for a type it does not read.</summary>
        public static ScalarConverter? For(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t != typeof(int) && t != typeof(long) && t != typeof(double) && t != typeof(bool) && t != typeof(string)) return null;
            return ByType.GetOrAdd(type, x => new ScalarConverter(x));
        }

        /// <summary>
        /// True for a text property that holds an identifier (<c>Id</c>, <c>TaskId</c>, <c>VmTemplateId</c>,
        /// <c>CutoveredSnapshotIds</c>, <c>Uuid</c>): named so by the models' convention.
        /// </summary>
        public static bool IsIdentifier(string propertyName) =>
            propertyName.EndsWith("id", StringComparison.OrdinalIgnoreCase) || propertyName.EndsWith("ids", StringComparison.OrdinalIgnoreCase);

        public override bool CanConvert(Type objectType) => (Nullable.GetUnderlyingType(objectType) ?? objectType) == _type;

        public override bool CanWrite => false;

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var token = reader.TokenType;
            if (token == JsonToken.Null || token == JsonToken.Undefined)
            {
                if (_nullable) return null;
                throw FieldTypeException.Received(reader, FieldTypeException.Expected(_type));
            }
            if (_type == typeof(string))
            {
                if (token == JsonToken.String && !_clean && reader.Value is string id && ServerText.HasControl(id))
                {
                    // An id is never changed into another one, nor shown with an escape sequence in it: unreadable.
                    throw FieldTypeException.Received(reader, "an id (printable text)");
                }
                if (token == JsonToken.String) return _clean ? ServerText.ForPerson((string?)reader.Value) : reader.Value;
                if (token == JsonToken.Integer || token == JsonToken.Float || token == JsonToken.Boolean || token == JsonToken.Date)
                {
                    return System.Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
                }
            }
            else if (token == JsonToken.String && string.IsNullOrEmpty((string?)reader.Value) && _nullable)
            {
                return null;
            }
            else if (token == JsonToken.Integer || token == JsonToken.Float || token == JsonToken.String || token == JsonToken.Boolean)
            {
                var value = ToTarget(reader.Value);
                if (value != null) return value;
            }
            throw FieldTypeException.Received(reader, FieldTypeException.Expected(_type));
        }

        /// <summary>The value as the target type, or null when it is not one (out of range, not a number, not a boolean).</summary>
        private object? ToTarget(object? value)
        {
            var text = value as string;
            if (_type == typeof(bool))
            {
                if (value is bool b) return b;
                if (text != null) return bool.TryParse(text.Trim(), out var parsed) ? parsed : (object?)null;
                if (value is long l) return l != 0;
                return null;
            }
            if (_type == typeof(double))
            {
                if (value is double d) return d;
                if (value is long l) return (double)l;
                if (value is BigInteger big) return (double)big;
                if (text != null) return double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed) ? parsed : (object?)null;
                return null;
            }
            // Whole numbers: integers in range, floats rounded as Newtonsoft rounds them, numeric text.
            long whole;
            switch (value)
            {
                case long l:
                    whole = l;
                    break;
                case double d when !double.IsNaN(d) && d > -9.2e18 && d < 9.2e18:
                    whole = System.Convert.ToInt64(d, CultureInfo.InvariantCulture);
                    break;
                case string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                    whole = parsed;
                    break;
                default:
                    return null;
            }
            if (_type == typeof(int)) return whole >= int.MinValue && whole <= int.MaxValue ? (int)whole : (object?)null;
            return whole;
        }
    }
}
