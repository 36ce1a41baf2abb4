using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace HuaweiMigration.HelpGenerator
{
    /// <summary>
    /// Writes MAML help for the cmdlets of one assembly:
    /// <c>HuaweiMigration.HelpGenerator &lt;cmdlet assembly&gt; &lt;output file&gt; [--doc &lt;xml documentation file&gt;] [--about &lt;topic&gt;]</c>.
    /// The documentation file defaults to the assembly's path with the extension .xml; the documentation files of the
    /// assemblies beside it (output types) are read too when present.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string? assemblyPath = null;
            string? outputPath = null;
            string? docPath = null;
            var aboutTopic = "about_HuaweiMigration";
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--doc" when i + 1 < args.Length:
                        docPath = args[++i];
                        break;
                    case "--about" when i + 1 < args.Length:
                        aboutTopic = args[++i];
                        break;
                    default:
                        if (assemblyPath is null) assemblyPath = args[i];
                        else if (outputPath is null) outputPath = args[i];
                        else return Usage("unexpected argument '" + args[i] + "'");
                        break;
                }
            }
            if (assemblyPath is null || outputPath is null) return Usage("the assembly and the output file are required");

            try
            {
                assemblyPath = Path.GetFullPath(assemblyPath);
                var folder = Path.GetDirectoryName(assemblyPath)!;
                // Dependencies of the cmdlet assembly (the client, its packages) live beside it.
                AssemblyLoadContext.Default.Resolving += (context, name) =>
                {
                    var candidate = Path.Combine(folder, name.Name + ".dll");
                    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
                };
                var assembly = Assembly.LoadFrom(assemblyPath);

                var docs = new XmlDocs();
                docs.Load(docPath ?? Path.ChangeExtension(assemblyPath, ".xml"), required: true);
                foreach (var xml in Directory.GetFiles(folder, "*.xml"))
                {
                    docs.Load(xml, required: false);
                }

                var commands = CommandReader.Read(assembly, docs);
                var problems = CommandReader.Check(commands);
                foreach (var problem in problems)
                {
                    Console.Error.WriteLine("warning HELP001: " + problem);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
                MamlWriter.Write(commands, outputPath, aboutTopic);
                Console.WriteLine("Help for " + commands.Count + " cmdlets written to " + outputPath);
                return 0;
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is System.Xml.XmlException
                || ex is UnauthorizedAccessException || ex is ReflectionTypeLoadException || ex is InvalidDataException)
            {
                Console.Error.WriteLine("error HELP000: " + ex.Message);
                return 1;
            }
        }

        private static int Usage(string problem)
        {
            Console.Error.WriteLine("error HELP000: " + problem);
            Console.Error.WriteLine("usage: HuaweiMigration.HelpGenerator <cmdlet assembly> <output file> [--doc <xml documentation file>] [--about <topic>]");
            return 2;
        }
    }
}
