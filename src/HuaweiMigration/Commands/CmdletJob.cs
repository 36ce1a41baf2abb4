using System;
using HuaweiMigration.Client.Engine;

namespace HuaweiMigration.Commands
{
    /// <summary>
    /// The engine's job for a <see cref="TaskCmdlet{TTask}"/>, behind a type of this assembly. A virtual method of a
    /// cmdlet's generic base whose signature names a generic engine type makes loading the cmdlet's class load the
    /// engine, and PowerShell loads every cmdlet class while it imports the module: the engine would land in
    /// PowerShell's own context before the module's context can take it, beside whatever RestSharp is there.
    /// </summary>
    internal sealed class CmdletJob
    {
        private readonly Action<string, object?> _add;
        private readonly Action _end;

        private CmdletJob(Action<string, object?> add, Action end)
        {
            _add = add;
            _end = end;
        }

        public static CmdletJob Of<TTask>(ITaskJob<TTask> job) where TTask : class =>
            new CmdletJob((id, task) => job.Add(id, (TTask?)task), job.End);

        public void Add(string id, object? task) => _add(id, task);

        public void End() => _end();
    }
}
