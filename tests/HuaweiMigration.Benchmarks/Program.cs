using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using HuaweiMigration.Simulator;

namespace HuaweiMigration.Benchmarks
{
    /// <summary>One line of the results table.</summary>
    internal sealed record Result(string Case, string Measure, double Module, double Reference, string ReferenceIs, double Ratio, string Target, bool Met, string Note);

    internal static class Program
    {
        private static readonly List<Result> Results = new List<Result>();
        private static string _manifest = string.Empty;
        private static bool _quick;
        private static TimeSpan _latency = TimeSpan.FromMilliseconds(20);

        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--memory-child") return MemoryChild(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args[3]);

            _quick = args.Contains("--quick");
            var json = ArgValue(args, "--json") ?? Path.Combine(Repo.Root, "docs", "benchmarks.json");
            if (ArgValue(args, "--latency-ms") is { } ms) _latency = TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture));
            _manifest = Path.Combine(Repo.Root, "out", "HuaweiMigration", "HuaweiMigration.psd1");
            if (!File.Exists(_manifest)) throw new FileNotFoundException("Build first: the module is not assembled.", _manifest);

            Console.WriteLine($"HuaweiMigration benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, latency {_latency.TotalMilliseconds} ms{(_quick ? ", quick" : string.Empty)}");
            Import();
            await PerCall();
            await Listing();
            await Bulk();
            await Memory();

            Print();
            var document = new { machine = new { cores = Environment.ProcessorCount, dotnet = Environment.Version.ToString(), os = Environment.OSVersion.ToString() }, latencyMs = _latency.TotalMilliseconds, quick = _quick, when = DateTime.UtcNow, results = Results };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            File.WriteAllText(json, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine("JSON written to " + json);
            return 0;
        }

        // ---- 1. Import -------------------------------------------------------------------------------------------

        private static void Import()
        {
            // PowerShell loads its own module machinery on the first import of any module: import a trivial script
            // module first, so what remains is what importing HuaweiMigration itself loads.
            var trivial = Path.Combine(Path.GetTempPath(), "hm-bench-empty.psm1");
            File.WriteAllText(trivial, "function Get-Nothing { }");
            using (var rs = Open())
            {
                Run(rs, "Import-Module $args[0] -ErrorAction Stop; Get-Module | Out-Null", trivial);
            }
            var baseline = LoadedAssemblies();
            using (var rs = Open())
            {
                Run(rs, "Import-Module $args[0] -ErrorAction Stop", _manifest);
            }
            var loadedByImport = LoadedAssemblies().Except(baseline).OrderBy(n => n).ToList();
            Console.WriteLine("  import loaded: " + string.Join(", ", loadedByImport));

            var rounds = _quick ? 5 : 15;
            var bare = Median(rounds, () => { using var rs = Open(); Run(rs, "Import-Module $args[0]", trivial); });
            var imported = Median(rounds, () => { using var rs = Open(); Run(rs, "Import-Module $args[0] -ErrorAction Stop", _manifest); });
            var engine = new[] { "HuaweiMigration.Client", "RestSharp", "Newtonsoft.Json" };
            var lazy = !loadedByImport.Intersect(engine).Any();
            Add("1 Import", "fresh runspace + Import-Module (ms, median)", imported, bare, "runspace importing a one-line module", imported / bare, "(report)", true, string.Empty);
            Add("1 Import", "assemblies the import loads", loadedByImport.Count, 2, "HuaweiMigration + Models", loadedByImport.Count / 2.0, "engine not loaded", lazy,
                string.Join(", ", loadedByImport) + (lazy ? "; HuaweiMigration.Client, RestSharp, Newtonsoft.Json load on first use" : string.Empty));
        }

        private static HashSet<string> LoadedAssemblies() => new HashSet<string>(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?"));

        // ---- 2. Per-call overhead ---------------------------------------------------------------------------------

        private static async Task PerCall()
        {
            var calls = _quick ? 300 : 1000;
            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 200, DcsTaskCount = 0 });
            var ids = sim.State.Sms.Ids.ToArray();
            var targets = Enumerable.Range(0, calls).Select(i => ids[i % ids.Length]).ToArray();
            var token = await IssueTokenAsync(sim.BaseUri);

            using var http = new HttpClient();
            async Task<double> RawAsync(int n)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sim.BaseUri, "v3/tasks/" + targets[i]));
                    request.Headers.Add("X-Auth-Token", token);
                    using var response = await http.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    _ = await response.Content.ReadAsStringAsync();
                }
                return clock.Elapsed.TotalMilliseconds;
            }

            using var rs = Connected(sim.BaseUri);
            rs.SessionStateProxy.SetVariable("targets", targets);
            double Piped(int n) => Time(() => Run(rs, "$targets[0..($args[0] - 1)] | Get-SmsTask | Out-Null", n));
            double Loop(int n) => Time(() => Run(rs, "foreach ($id in $targets[0..($args[0] - 1)]) { $null = Get-SmsTask -Id $id }", n));

            // Warm both paths, then alternate so neither gets a quieter machine.
            await RawAsync(100); Piped(100); Loop(100);
            var raw = new List<double>(); var piped = new List<double>(); var loop = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                raw.Add(await RawAsync(calls));
                piped.Add(Piped(calls));
                loop.Add(Loop(calls));
            }
            var rawMs = raw.Min(); var pipedMs = piped.Min(); var loopMs = loop.Min();
            Add("2 Per call", $"{calls} × Get-SmsTask -Id, piped (ms)", pipedMs, rawMs, $"{calls} raw HttpClient GETs, same token", pipedMs / rawMs, "≤ 1.3", pipedMs / rawMs <= 1.3,
                $"{pipedMs / calls * 1000:0} µs a call vs {rawMs / calls * 1000:0} µs raw");
            Add("2 Per call", $"{calls} × Get-SmsTask -Id, one command each (ms)", loopMs, rawMs, $"{calls} raw HttpClient GETs, same token", loopMs / rawMs, "(report)", true,
                "adds PowerShell's own cost of invoking a command per call");
        }

        // ---- 3. Listing 10,000 tasks at 20 ms ---------------------------------------------------------------------

        private static async Task Listing()
        {
            const int tasks = 10000, pageSize = 200, concurrency = 8;
            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = tasks, DcsTaskCount = 0 });
            using var rs = Connected(sim.BaseUri);
            Run(rs, "Get-SmsTask -First 1 | Out-Null");
            sim.State.Latency = _latency;
            var runs = new List<double>();
            var piped = new List<double>();
            var requests = 0;
            for (var round = 0; round < (_quick ? 2 : 3); round++)
            {
                sim.State.ClearRequests();
                // The module's own cost: every task is read, typed and written; nothing downstream binds it.
                runs.Add(Time(() => Run(rs, "$null = Get-SmsTask")));
                requests = sim.State.Requests.Count(q => q.Path == "/v3/tasks");
                // With a downstream cmdlet, PowerShell binds each of the 10,000 objects to it as well.
                piped.Add(Time(() => Run(rs, "Get-SmsTask | Out-Null")));
            }
            var pages = (int)Math.Ceiling(tasks / (double)pageSize);
            var bound = Math.Ceiling(pages / (double)concurrency) * _latency.TotalMilliseconds;
            var wall = runs.Min();

            // The physical limit here: the same pages over raw HttpClient, first page alone, then 8 in flight,
            // bodies read as strings only (the simulator runs in this process, on the same two cores).
            var token = await IssueTokenAsync(sim.BaseUri);
            using var http = new HttpClient();
            async Task<double> RawListingAsync()
            {
                var clock = Stopwatch.StartNew();
                async Task Page(int offset)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sim.BaseUri, $"v3/tasks?limit={pageSize}&offset={offset}"));
                    request.Headers.Add("X-Auth-Token", token);
                    using var response = await http.SendAsync(request);
                    _ = await response.Content.ReadAsStringAsync();
                }
                await Page(0);
                using var slots = new System.Threading.SemaphoreSlim(concurrency);
                await Task.WhenAll(Enumerable.Range(1, pages - 1).Select(async p => { await slots.WaitAsync(); try { await Page(p * pageSize); } finally { slots.Release(); } }));
                return clock.Elapsed.TotalMilliseconds;
            }
            await RawListingAsync();
            var raw = Math.Min(await RawListingAsync(), await RawListingAsync());

            Add("3 Listing", $"{tasks:N0} tasks at {_latency.TotalMilliseconds} ms: requests", requests, pages, $"{pages} pages of {pageSize}", requests / (double)pages, "= pages", requests == pages, string.Empty);
            Add("3 Listing", $"{tasks:N0} tasks at {_latency.TotalMilliseconds} ms: $null = Get-SmsTask (ms)", wall, bound, $"⌈{pages}/{concurrency}⌉ × latency", wall / bound, "≤ 1.5", wall / bound <= 1.5,
                $"first page alone, then {concurrency} in flight; {tasks / wall * 1000:0} tasks/s");
            Add("3 Listing", "same, against raw HTTP of the same pages (ms)", wall, raw, $"raw HttpClient, {concurrency} in flight", wall / raw, "(report)", true, "what this machine allows, simulator included");
            Add("3 Listing", "Get-SmsTask | Out-Null instead (ms)", piped.Min(), bound, $"⌈{pages}/{concurrency}⌉ × latency", piped.Min() / bound, "(report)", true, "adds PowerShell binding each object to Out-Null");
        }

        // ---- 4. Bulk suspend and wait -----------------------------------------------------------------------------

        private static async Task Bulk()
        {
            const int tasks = 1000, throttle = 10;
            var naiveSample = _quick ? 30 : 100;
            var stopToAbort = TimeSpan.FromMilliseconds(100);
            await using var sim = await SimulatorHost.StartAsync(new SimulatorOptions { SmsTaskCount = 0, DcsTaskCount = 0, Timings = new SimulatorTimings { StopToAbort = stopToAbort } });
            for (var i = 0; i < tasks; i++) sim.State.Sms.Add(name: $"bulk-{i:0000}", state: "RUNNING");
            using var rs = Connected(sim.BaseUri);
            sim.State.Latency = _latency;
            sim.State.ClearRequests();

            var wall = Time(() => Run(rs, "Get-SmsTask -State RUNNING | Suspend-SmsTask -Wait -PollInterval 0.1 | Out-Null"));
            var requests = sim.State.Requests.Count;
            var paused = sim.State.Sms.Ids.Count(id => sim.State.Sms.GetState(id) == "ABORT");
            var latency = _latency.TotalMilliseconds;
            // Lower bound: list the tasks, send 1,000 stops at -ThrottleLimit 10, wait for the last one to pause, read once.
            var listing = (1 + Math.Ceiling((tasks / 200.0 - 1) / 8)) * latency;
            var bound = listing + Math.Ceiling(tasks / (double)throttle) * latency + stopToAbort.TotalMilliseconds + 2 * latency;

            // The naive loop on a sample, scaled: one stop, then one GET per poll until ABORT, task after task.
            var sample = Enumerable.Range(0, naiveSample).Select(i => sim.State.Sms.Add(name: $"naive-{i:000}", state: "RUNNING")).ToArray();
            rs.SessionStateProxy.SetVariable("sample", sample);
            sim.State.ClearRequests();
            var naiveSampleMs = Time(() => Run(rs, @"
                foreach ($id in $sample) {
                    $null = Suspend-SmsTask -Id $id
                    while ((Get-SmsTask -Id $id).State -ne 'ABORT') { [System.Threading.Thread]::Sleep(100) }
                }"));
            var naiveRequests = sim.State.Requests.Count * (tasks / (double)naiveSample);
            var naive = naiveSampleMs * (tasks / (double)naiveSample);

            Add("4 Bulk", $"Suspend-SmsTask -Wait, {tasks:N0} piped, {latency} ms: wall (ms)", wall, bound, "list + ⌈1000/10⌉ × latency + pause + one poll", wall / bound, "≤ 2", wall / bound <= 2, $"{paused} of {tasks} paused");
            Add("4 Bulk", "vs a naive loop (one stop, then poll each task)", wall, naive, $"naive loop, measured on {naiveSample} and scaled", naive / wall, "≥ 10× faster", naive / wall >= 10, $"naive ≈ {naive / 1000:0.0} s");
            Add("4 Bulk", "requests", requests, naiveRequests, "naive loop (scaled)", requests / naiveRequests, "(report)", true, $"{requests} requests: {tasks} stops + listing and polls");
        }

        // ---- 5. Memory while listing ------------------------------------------------------------------------------

        private static async Task Memory()
        {
            var small = _quick ? 2000 : 5000;
            var large = _quick ? 20000 : 50000;
            var simDll = Path.Combine(AppContext.BaseDirectory, "HuaweiMigration.Simulator.dll");
            var port = FreePort();
            var url = $"http://127.0.0.1:{port}/";
            using var simProcess = Start(simDll, "--urls", url.TrimEnd('/'), "--tasks", large.ToString(CultureInfo.InvariantCulture), "--dcs-tasks", "0");
            try
            {
                await WaitForAsync(url);
                var smallPeak = Child(small, url);
                var largePeak = Child(large, url);
                Add("5 Memory", $"peak working set listing {large:N0} (MB)", largePeak, smallPeak, $"listing {small:N0}", largePeak / smallPeak, "≤ 1.5", largePeak / smallPeak <= 1.5,
                    "each in its own process; the simulator in another");
            }
            finally
            {
                try { simProcess.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }
        }

        private static double Child(int count, string url)
        {
            var self = typeof(Program).Assembly.Location;
            using var child = Start(self, "--memory-child", count.ToString(CultureInfo.InvariantCulture), url, _manifest);
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith("peak ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("memory child failed: " + output + child.StandardError.ReadToEnd());
            return double.Parse(line.Substring(5), CultureInfo.InvariantCulture);
        }

        /// <summary>In its own process: list <paramref name="count"/> tasks (the simulator holds more; -First cuts) and report the peak working set.</summary>
        private static int MemoryChild(int count, string url, string manifest)
        {
            _manifest = manifest;
            using var rs = Connected(new Uri(url));
            var listed = Run(rs, "$n = 0; Get-SmsTask -First $args[0] | ForEach-Object { $n++ }; $n", count);
            GC.Collect();
            using var me = Process.GetCurrentProcess();
            me.Refresh();
            Console.WriteLine("listed " + listed.Single());
            Console.WriteLine("peak " + (me.PeakWorkingSet64 / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
            return 0;
        }

        // ---- helpers ----------------------------------------------------------------------------------------------

        private static Runspace Open()
        {
            var rs = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            rs.Open();
            return rs;
        }

        private static Runspace Connected(Uri endpoint)
        {
            var rs = Open();
            Run(rs, "Import-Module $args[0] -ErrorAction Stop", _manifest);
            var password = new System.Security.SecureString();
            foreach (var c in SimulatorCredentials.Password) password.AppendChar(c);
            rs.SessionStateProxy.SetVariable("cred", new PSCredential(SimulatorCredentials.UserName, password));
            Run(rs, "$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $args[0] -Credential $cred -DomainName sim-domain -ErrorAction Stop", endpoint);
            return rs;
        }

        private static IList<PSObject> Run(Runspace rs, string script, params object[] args)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = rs;
            ps.AddScript(script);
            foreach (var a in args) ps.AddArgument(a);
            var output = ps.Invoke();
            if (ps.HadErrors) throw new InvalidOperationException("script failed: " + string.Join(" | ", ps.Streams.Error.Select(e => e.ToString())));
            return output;
        }

        private static double Time(Action action)
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalMilliseconds;
        }

        private static double Median(int rounds, Action action)
        {
            action();
            var times = Enumerable.Range(0, rounds).Select(_ => Time(action)).OrderBy(t => t).ToList();
            return times[times.Count / 2];
        }

        private static async Task<string> IssueTokenAsync(Uri endpoint)
        {
            using var http = new HttpClient();
            var body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + SimulatorCredentials.UserName
                + "\",\"password\":\"" + SimulatorCredentials.Password + "\",\"domain\":{\"name\":\"" + SimulatorCredentials.DomainName
                + "\"}}}},\"scope\":{\"project\":{\"name\":\"ap-southeast-1\"}}}}";
            using var response = await http.PostAsync(new Uri(endpoint, "v3/auth/tokens"), new StringContent(body, Encoding.UTF8, "application/json"));
            return response.Headers.GetValues("X-Subject-Token").Single();
        }

        private static Process Start(string dll, params string[] args)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var a in args) start.ArgumentList.Add(a);
            return Process.Start(start)!;
        }

        private static async Task WaitForAsync(string url)
        {
            using var http = new HttpClient();
            for (var i = 0; i < 300; i++)
            {
                try
                {
                    using var r = await http.GetAsync(url + "_sim/timings");
                    if (r.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                await Task.Delay(100);
            }
            throw new TimeoutException("the simulator did not start at " + url);
        }

        private static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static string? ArgValue(string[] args, string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        private static void Add(string @case, string measure, double module, double reference, string referenceIs, double ratio, string target, bool met, string note)
        {
            var result = new Result(@case, measure, Math.Round(module, 1), Math.Round(reference, 1), referenceIs, Math.Round(ratio, 2), target, met, note);
            Results.Add(result);
            Console.WriteLine($"  {@case}: {measure}: {result.Module} vs {result.Reference} ({referenceIs}) → ratio {result.Ratio} (target {target}) {(met ? "met" : "NOT MET")}");
        }

        private static void Print()
        {
            Console.WriteLine();
            Console.WriteLine($"{"Case",-11} {"Measure",-56} {"Module",10} {"Reference",10} {"Ratio",7}  {"Target",-20} Met");
            Console.WriteLine(new string('-', 125));
            foreach (var r in Results)
            {
                Console.WriteLine($"{r.Case,-11} {Trim(r.Measure, 56),-56} {r.Module,10} {r.Reference,10} {r.Ratio,7}  {r.Target,-20} {(r.Met ? "yes" : "NO")}");
            }
        }

        private static string Trim(string s, int max) => s.Length <= max ? s : s.Substring(0, max - 1) + "…";
    }

    internal static class Repo
    {
        public static string Root { get; } = Find();

        private static string Find()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HuaweiMigration.sln"))) dir = dir.Parent;
            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
