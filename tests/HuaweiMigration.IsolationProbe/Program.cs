using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;

// Usage: HuaweiMigration.IsolationProbe <module manifest> <simulator url>
// Exit code 0 when the module worked; the report lists which assembly version is in which load context.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: <module manifest> <simulator url>");
    return 2;
}

// Use the conflicting versions first, as another module would have.
var restSharp = typeof(RestSharp.RestClient).Assembly.GetName().Version;
var newtonsoft = typeof(Newtonsoft.Json.JsonConvert).Assembly.GetName().Version;
_ = Newtonsoft.Json.JsonConvert.SerializeObject(new { probe = true });
using (new RestSharp.RestClient()) { }
Console.WriteLine($"host loaded RestSharp {restSharp} and Newtonsoft.Json {newtonsoft} ({System.Diagnostics.FileVersionInfo.GetVersionInfo(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location).FileVersion}) first");

using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddScript(@"
    param($manifest, $endpoint)
    Import-Module $manifest -ErrorAction Stop
    $password = [System.Security.SecureString]::new()
    'Sim-Passw0rd!'.ToCharArray() | ForEach-Object { $password.AppendChar($_) }
    $cred = [pscredential]::new('sim-user', $password)
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential $cred -DomainName sim-domain -ErrorAction Stop
    @(Get-SmsTask -ErrorAction Stop).Count
").AddArgument(args[0]).AddArgument(args[1]);

var moduleFolder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(args[0]))!;
try
{
    var result = ps.Invoke();
    foreach (var e in ps.Streams.Error) Console.WriteLine("error: " + e);
    foreach (var a in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name is "RestSharp" or "Newtonsoft.Json" or "HuaweiMigration.Client" or "HuaweiMigration.Models").OrderBy(a => a.GetName().Name))
    {
        var context = AssemblyLoadContext.GetLoadContext(a);
        var file = System.Diagnostics.FileVersionInfo.GetVersionInfo(a.Location).FileVersion;
        // Where the file came from, relative to the module folder ("." beside the manifest, or a ReadyToRun folder).
        var from = System.IO.Path.GetRelativePath(moduleFolder, System.IO.Path.GetDirectoryName(a.Location)!).Replace('\\', '/');
        Console.WriteLine($"loaded: {a.GetName().Name} {a.GetName().Version} (file {file}) in {(context == AssemblyLoadContext.Default ? "Default" : "module")} from {from}");
    }
    var count = result.Count == 1 ? result[0].BaseObject : null;
    Console.WriteLine("tasks: " + count);
    return ps.HadErrors || count is not int n || n == 0 ? 1 : 0;
}
catch (Exception ex)
{
    Console.WriteLine("failed: " + ex);
    return 1;
}
