using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HuaweiMigration.HelpGenerator
{
    /// <summary>
    /// The compiler's XML documentation files, by member id (<c>T:Namespace.Type</c>, <c>P:Namespace.Type.Property</c>),
    /// and the help texts in them: <c>&lt;para type="synopsis|description|notes|link"&gt;</c> in a summary
    /// (the XmlDoc2CmdletDoc convention) and <c>&lt;example&gt;</c> elements.
    /// </summary>
    public sealed class XmlDocs
    {
        private readonly Dictionary<string, XElement> _members = new Dictionary<string, XElement>(StringComparer.Ordinal);

        public void Load(string path, bool required)
        {
            if (!File.Exists(path))
            {
                if (required) throw new FileNotFoundException("The XML documentation file " + path + " does not exist; is GenerateDocumentationFile on?", path);
                return;
            }
            XDocument doc;
            try
            {
                doc = XDocument.Load(path, LoadOptions.PreserveWhitespace);
            }
            catch (System.Xml.XmlException) when (!required)
            {
                return;
            }
            if (doc.Root?.Name != "doc")
            {
                if (required) throw new InvalidDataException(path + " is not an XML documentation file.");
                return;
            }
            foreach (var member in doc.Root.Elements("members").Elements("member"))
            {
                var name = (string?)member.Attribute("name");
                if (name != null) _members[name] = member;
            }
        }

        public XElement? ForType(Type type) => Find("T:" + DocName(type));

        public XElement? ForProperty(PropertyInfo property) => Find("P:" + DocName(property.DeclaringType!) + "." + property.Name);

        private XElement? Find(string id) => _members.TryGetValue(id, out var member) ? member : null;

        // A member of a generic base is documented on its definition: TaskInputCmdlet`1, not TaskInputCmdlet<SmsTask>.
        private static string DocName(Type type)
        {
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            return (definition.FullName ?? definition.Name).Replace('+', '.');
        }

        /// <summary>The paragraphs <c>&lt;para type="…"&gt;</c> of a member's summary, in order.</summary>
        public static IReadOnlyList<string> Paras(XElement? member, string type)
        {
            if (member is null) return Array.Empty<string>();
            return member.Elements("summary").Elements("para")
                .Where(p => string.Equals((string?)p.Attribute("type"), type, StringComparison.OrdinalIgnoreCase))
                .Select(Text)
                .Where(t => t.Length > 0)
                .ToList();
        }

        /// <summary>The links of a member: <c>&lt;para type="link" uri="…"&gt;text&lt;/para&gt;</c>.</summary>
        public static IReadOnlyList<(string Text, string Uri)> Links(XElement? member)
        {
            if (member is null) return Array.Empty<(string, string)>();
            return member.Elements("summary").Elements("para")
                .Where(p => string.Equals((string?)p.Attribute("type"), "link", StringComparison.OrdinalIgnoreCase))
                .Select(p => (Text(p), (string?)p.Attribute("uri") ?? string.Empty))
                .Where(l => l.Item1.Length > 0)
                .ToList();
        }

        /// <summary>A summary with no typed paragraphs, as one text (for output types documented as plain .NET types).</summary>
        public static string PlainSummary(XElement? member)
        {
            var summary = member?.Element("summary");
            return summary is null ? string.Empty : Text(summary);
        }

        /// <summary>The examples of a member: code (line breaks kept, common indentation removed), remarks, optional title.</summary>
        public static IReadOnlyList<HelpExample> Examples(XElement? member)
        {
            var examples = new List<HelpExample>();
            if (member is null) return examples;
            foreach (var example in member.Elements("example"))
            {
                var code = string.Join(Environment.NewLine, example.Elements("code").Select(c => Code(c.Value)).Where(c => c.Length > 0));
                var paras = example.Elements("para").ToList();
                var title = paras.Where(p => string.Equals((string?)p.Attribute("type"), "title", StringComparison.OrdinalIgnoreCase)).Select(Text).FirstOrDefault();
                var remarks = paras.Where(p => !string.Equals((string?)p.Attribute("type"), "title", StringComparison.OrdinalIgnoreCase))
                    .Select(Text).Where(t => t.Length > 0).ToList();
                if (code.Length == 0) continue;
                examples.Add(new HelpExample(title, code, remarks));
            }
            return examples;
        }

        /// <summary>The text of an element: <c>see cref</c> as the short name, <c>c</c> as its text, whitespace collapsed.</summary>
        public static string Text(XElement element)
        {
            var sb = new StringBuilder();
            Append(sb, element);
            return Regex.Replace(sb.ToString(), @"\s+", " ").Trim();
        }

        private static void Append(StringBuilder sb, XElement element)
        {
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText text:
                        sb.Append(text.Value);
                        break;
                    case XElement e when e.Name == "see" || e.Name == "seealso":
                        if (!e.IsEmpty) Append(sb, e);
                        else sb.Append(ShortName((string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? (string?)e.Attribute("href") ?? string.Empty));
                        break;
                    case XElement e when e.Name == "paramref" || e.Name == "typeparamref":
                        sb.Append((string?)e.Attribute("name"));
                        break;
                    case XElement e:
                        Append(sb, e);
                        break;
                }
            }
        }

        private static string ShortName(string cref)
        {
            var colon = cref.IndexOf(':');
            if (colon >= 0) cref = cref.Substring(colon + 1);
            var paren = cref.IndexOf('(');
            if (paren >= 0) cref = cref.Substring(0, paren);
            var dot = cref.LastIndexOf('.');
            return dot >= 0 ? cref.Substring(dot + 1) : cref;
        }

        /// <summary>Code as written: blank lines at either end dropped, the indentation all lines share removed.</summary>
        public static string Code(string raw)
        {
            var lines = raw.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
            while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
            while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
            if (lines.Count == 0) return string.Empty;
            var indent = lines.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart(' ', '\t').Length);
            return string.Join(Environment.NewLine, lines.Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart()));
        }
    }

    public sealed class HelpExample
    {
        public HelpExample(string? title, string code, IReadOnlyList<string> remarks)
        {
            Title = title;
            Code = code;
            Remarks = remarks;
        }

        public string? Title { get; }
        public string Code { get; }
        public IReadOnlyList<string> Remarks { get; }
    }
}
