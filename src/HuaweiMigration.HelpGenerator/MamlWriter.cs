using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace HuaweiMigration.HelpGenerator
{
    /// <summary>
    /// Writes the MAML file PowerShell reads for <c>Get-Help</c> (<c>&lt;helpItems schema="maml"&gt;</c>, one
    /// <c>command:command</c> per cmdlet).
    /// </summary>
    public static class MamlWriter
    {
        private const string Msh = "http://msh";
        private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private const string MsHelp = "http://msdn.microsoft.com/mshelp";

        public static void Write(IReadOnlyList<CommandHelp> commands, string path, string aboutTopic)
        {
            var settings = new XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };
            // Written to a temporary file first, so a failed run never leaves half a help file behind.
            var temporary = path + ".tmp";
            using (var writer = XmlWriter.Create(temporary, settings))
            {
                writer.WriteStartDocument();
                writer.WriteStartElement("helpItems", Msh);
                writer.WriteAttributeString("schema", "maml");
                foreach (var command in commands)
                {
                    WriteCommand(writer, command, commands, aboutTopic);
                }
                writer.WriteEndElement();
                writer.WriteEndDocument();
            }
            File.Move(temporary, path, overwrite: true);
        }

        private static void WriteCommand(XmlWriter w, CommandHelp c, IReadOnlyList<CommandHelp> all, string aboutTopic)
        {
            w.WriteStartElement("command", "command", Command);
            w.WriteAttributeString("xmlns", "maml", null, Maml);
            w.WriteAttributeString("xmlns", "command", null, Command);
            w.WriteAttributeString("xmlns", "dev", null, Dev);
            w.WriteAttributeString("xmlns", "MSHelp", null, MsHelp);

            w.WriteStartElement("command", "details", Command);
            w.WriteElementString("command", "name", Command, c.Name);
            w.WriteElementString("command", "verb", Command, c.Verb);
            w.WriteElementString("command", "noun", Command, c.Noun);
            Description(w, new[] { c.Synopsis });
            w.WriteEndElement();

            Description(w, c.Description);

            w.WriteStartElement("command", "syntax", Command);
            foreach (var (_, parameters) in c.Syntax)
            {
                w.WriteStartElement("command", "syntaxItem", Command);
                w.WriteElementString("maml", "name", Maml, c.Name);
                foreach (var (parameter, set) in parameters)
                {
                    Parameter(w, parameter, set.Mandatory, set.Position >= 0 ? set.Position.ToString(CultureInfo.InvariantCulture) : "named", inSyntax: true);
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("command", "parameters", Command);
            foreach (var parameter in c.Parameters.OrderBy(p => p.Name == "WhatIf" || p.Name == "Confirm" ? 1 : 0).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            {
                Parameter(w, parameter, parameter.Required, parameter.Position, inSyntax: false);
            }
            w.WriteEndElement();

            w.WriteStartElement("command", "inputTypes", Command);
            foreach (var (type, text) in c.Inputs)
            {
                w.WriteStartElement("command", "inputType", Command);
                DevType(w, type);
                Description(w, new[] { text });
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("command", "returnValues", Command);
            foreach (var (type, text) in c.Outputs)
            {
                w.WriteStartElement("command", "returnValue", Command);
                DevType(w, type);
                Description(w, new[] { text });
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("maml", "alertSet", Maml);
            w.WriteStartElement("maml", "alert", Maml);
            foreach (var note in c.Notes) w.WriteElementString("maml", "para", Maml, note);
            if (c.Notes.Count == 0) w.WriteElementString("maml", "para", Maml, "See about_HuaweiMigration for connections, waiting, errors and retries.");
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("command", "examples", Command);
            var number = 0;
            foreach (var example in c.Examples)
            {
                number++;
                var title = "Example " + number.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrWhiteSpace(example.Title) ? string.Empty : ": " + example.Title);
                w.WriteStartElement("command", "example", Command);
                // Dashes either side, fewer for a long title, so the line (indented by Get-Help) fits an 80-column console.
                var dashes = new string('-', Math.Max(2, Math.Min(26, (72 - title.Length) / 2)));
                w.WriteElementString("maml", "title", Maml, dashes + " " + title + " " + dashes);
                w.WriteElementString("dev", "code", Dev, example.Code);
                w.WriteStartElement("dev", "remarks", Dev);
                foreach (var remark in example.Remarks) w.WriteElementString("maml", "para", Maml, remark);
                // An empty paragraph: Get-Help then leaves a blank line before the next example's title.
                w.WriteElementString("maml", "para", Maml, string.Empty);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("command", "relatedLinks", Command);
            var links = new List<(string Text, string Uri)> { (aboutTopic, string.Empty) };
            links.AddRange(c.Links);
            // The other cmdlets of the same noun (Get-SmsTask, Start-SmsTask…), then the connection cmdlet.
            links.AddRange(all.Where(o => o != c && o.Noun == c.Noun).Select(o => (o.Name, string.Empty)));
            if (c.Noun != "HuaweiCloud" && all.Any(o => o.Name == "Connect-HuaweiCloud")) links.Add(("Connect-HuaweiCloud", string.Empty));
            foreach (var (text, uri) in links.GroupBy(l => l.Text).Select(g => g.First()))
            {
                w.WriteStartElement("maml", "navigationLink", Maml);
                w.WriteElementString("maml", "linkText", Maml, text);
                w.WriteElementString("maml", "uri", Maml, uri);
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteEndElement();
        }

        private static void Parameter(XmlWriter w, ParameterHelp p, bool required, string position, bool inSyntax)
        {
            w.WriteStartElement("command", "parameter", Command);
            w.WriteAttributeString("required", required ? "true" : "false");
            w.WriteAttributeString("variableLength", p.VariableLength ? "true" : "false");
            w.WriteAttributeString("globbing", p.Globbing ? "true" : "false");
            w.WriteAttributeString("pipelineInput", p.PipelineInput);
            w.WriteAttributeString("position", position);
            w.WriteAttributeString("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
            w.WriteElementString("maml", "name", Maml, p.Name);
            Description(w, p.Description);
            if (p.PossibleValues.Count > 0)
            {
                w.WriteStartElement("command", "parameterValueGroup", Command);
                foreach (var value in p.PossibleValues)
                {
                    w.WriteStartElement("command", "parameterValue", Command);
                    w.WriteAttributeString("required", "false");
                    w.WriteAttributeString("command", "variableLength", Command, "false");
                    w.WriteString(value);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            // A switch takes no value: PowerShell's own syntax shows [-Wait], not [-Wait <SwitchParameter>].
            if (!(inSyntax && p.IsSwitch))
            {
                w.WriteStartElement("command", "parameterValue", Command);
                w.WriteAttributeString("required", p.IsSwitch ? "false" : "true");
                w.WriteAttributeString("variableLength", p.VariableLength ? "true" : "false");
                w.WriteString(CommandReader.FriendlyTypeName(p.Type));
                w.WriteEndElement();
            }
            DevType(w, CommandReader.FullTypeName(p.Type));
            w.WriteElementString("dev", "defaultValue", Dev, p.DefaultValue ?? "None");
            w.WriteEndElement();
        }

        private static void DevType(XmlWriter w, string name)
        {
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, name);
            w.WriteElementString("maml", "uri", Maml, string.Empty);
            w.WriteEndElement();
        }

        private static void Description(XmlWriter w, IEnumerable<string> paras)
        {
            w.WriteStartElement("maml", "description", Maml);
            foreach (var para in paras.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                w.WriteElementString("maml", "para", Maml, para);
            }
            w.WriteEndElement();
        }
    }
}
