using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// Reads a wave plan: a CSV file (a header line, then a row per line; RFC 4180 quoting), a JSON file (an array of
    /// objects, or one object), or rows given as column → value maps (objects piped in). Reads only; throws
    /// <see cref="FormatException"/> with the line or item that cannot be read.
    /// </summary>
    public static class PlanReader
    {
        /// <summary>Reads a plan file by its extension (.json is JSON, anything else CSV).</summary>
        public static IReadOnlyList<PlanRow> ReadFile(string path)
        {
            var extension = Path.GetExtension(path);
            if (Spreadsheets.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException("The plan is a spreadsheet (" + extension + "), not CSV: save it as CSV (UTF-8) or JSON and give that file.");
            }
            var text = File.ReadAllText(path, Encoding.UTF8);
            if (text.IndexOf('\0') >= 0) throw new FormatException("The plan is not a text file (it holds NUL bytes): save the plan as CSV (UTF-8) or JSON.");
            return string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase) ? FromJson(text) : FromCsv(text);
        }

        private static readonly string[] Spreadsheets = { ".xlsx", ".xls", ".xlsm", ".ods", ".numbers" };

        /// <summary>Rows given as maps of column → value (the properties of objects piped in).</summary>
        public static PlanRow FromCells(int row, IEnumerable<KeyValuePair<string, string?>> cells) => new PlanRow(row, cells);

        /// <summary>A JSON plan: an array of objects (or one object) whose properties are the columns.</summary>
        public static IReadOnlyList<PlanRow> FromJson(string text)
        {
            JToken root;
            try
            {
                root = JToken.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new FormatException("The plan is not valid JSON (line " + LineOf(ex) + "): write an array of objects, one per row.");
            }
            var items = root is JArray array ? array.ToList() : new List<JToken> { root };
            var rows = new List<PlanRow>();
            for (var i = 0; i < items.Count; i++)
            {
                if (!(items[i] is JObject item)) throw new FormatException("Item " + (i + 1) + " of the plan is not an object: write one object per row, its properties the columns.");
                rows.Add(new PlanRow(i + 1, item.Properties().Select(p => new KeyValuePair<string, string?>(p.Name, Cell(p.Value)))));
            }
            return rows;
        }

        private static string? Cell(JToken value) => value.Type switch
        {
            JTokenType.Null or JTokenType.Undefined => null,
            JTokenType.String => (string?)value,
            JTokenType.Boolean => (bool)value ? "True" : "False",
            JTokenType.Integer or JTokenType.Float => Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture),
            _ => value.ToString(Formatting.None),
        };

        private static string LineOf(JsonException ex) => ex is JsonReaderException r ? r.LineNumber.ToString(CultureInfo.InvariantCulture) : "?";

        /// <summary>A CSV plan: the first line names the columns; empty lines are skipped.</summary>
        public static IReadOnlyList<PlanRow> FromCsv(string text)
        {
            var records = CsvRecords(text).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0)).ToList();
            if (records.Count == 0) return Array.Empty<PlanRow>();
            var header = records[0].Fields.Select(h => h.Trim()).ToList();
            if (!header.Any(PlanColumns.IsKnown))
            {
                throw new FormatException("The plan's first line names none of the plan columns: a CSV plan starts with a header line such as Name,SourceServer,Template (the columns are "
                    + string.Join(", ", PlanColumns.All) + ").");
            }
            var rows = new List<PlanRow>();
            for (var i = 1; i < records.Count; i++)
            {
                var (line, fields) = records[i];
                if (fields.Count > header.Count && fields.Skip(header.Count).Any(f => f.Trim().Length > 0))
                {
                    throw new FormatException("Line " + line + " of the plan has " + fields.Count + " values but the header names " + header.Count + " columns: quote values that hold a comma.");
                }
                rows.Add(new PlanRow(i, header.Select((h, c) => new KeyValuePair<string, string?>(h, c < fields.Count ? fields[c] : null))));
            }
            return rows;
        }

        /// <summary>RFC 4180 records with the line each starts on; a leading byte-order mark is ignored.</summary>
        private static IEnumerable<(int Line, List<string> Fields)> CsvRecords(string text)
        {
            var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var line = 1;
            while (i < text.Length)
            {
                var start = line;
                var fields = new List<string>();
                var field = new StringBuilder();
                var quoted = false;
                var ended = false;
                while (i < text.Length && !ended)
                {
                    var c = text[i];
                    if (quoted)
                    {
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                            quoted = false;
                            i++;
                            continue;
                        }
                        if (c == '\n') line++;
                        field.Append(c);
                        i++;
                        continue;
                    }
                    switch (c)
                    {
                        case '"' when field.ToString().Trim().Length == 0:
                            field.Clear();
                            quoted = true;
                            break;
                        case ',':
                            fields.Add(field.ToString());
                            field.Clear();
                            break;
                        case '\r':
                            break;
                        case '\n':
                            line++;
                            ended = true;
                            break;
                        default:
                            field.Append(c);
                            break;
                    }
                    i++;
                }
                if (quoted) throw new FormatException("Line " + start + " of the plan opens a quote that is never closed.");
                fields.Add(field.ToString());
                yield return (start, fields);
            }
        }
    }
}
