using System;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>
    /// The online migration's two calls, as the API requires them: the migration machine is made (the task is
    /// CREATING), the engine's wait follows the task until it is RUNNING (<see cref="DcsWaitRules.Ready"/>) — the
    /// configuration is never sent before — and then the configuration is sent. With a wait plan for the migration,
    /// it then waits until SUCCESS (full) or INCRMIGEATING (incremental) or a failure. Writes the task, or one error;
    /// a failure after the task was made says the task is left and names the command that finishes it.
    /// </summary>
    public sealed class DcsMigrationCreation
    {
        private readonly IEngineHost _host;
        private readonly DcsTaskService _service;
        private readonly WaitPlan _plan;
        private readonly bool _waitForMigration;

        /// <param name="host">Where output, errors, progress and log lines go.</param>
        /// <param name="service">The DCS tasks of the project.</param>
        /// <param name="plan">-Timeout and -PollInterval: the wait for RUNNING and, with <paramref name="waitForMigration"/>, the one after.</param>
        /// <param name="waitForMigration">Wait after the configuration until SUCCESS or INCRMIGEATING.</param>
        public DcsMigrationCreation(IEngineHost host, DcsTaskService service, WaitPlan plan, bool waitForMigration)
        {
            _host = host;
            _service = service;
            _plan = plan;
            _waitForMigration = waitForMigration;
        }

        private DcsClient Client => _service.Client;

        /// <summary>New-DcsMigrationTask -Online: makes the machine, waits for RUNNING, configures.</summary>
        public void CreateOnline(DcsMigrationMachine machine, DcsOnlineConfiguration configuration)
        {
            DcsNewMigrationChecks.Check(machine);
            DcsNewMigrationChecks.Check(configuration);
            var id = MakeMachine(machine);
            if (id != null) Finish(id, machine.Name, configuration);
        }

        /// <summary>
        /// The first call: makes the migration machine (the task is CREATING). Returns the new task's id, or null after
        /// writing the error (one whose answer was lost says the task may exist and how to look for it).
        /// </summary>
        public string? MakeMachine(DcsMigrationMachine machine)
        {
            DcsNewMigrationChecks.Check(machine);
            string id;
            try
            {
                id = _host.Await(Client.CreateOnlineTaskAsync(machine, _host.Cancellation));
            }
            catch (HuaweiCloudApiException ex)
            {
                _host.WriteError(Error(machine.Name, ex, ex.OutcomeUnknown || ex.Kind == ApiErrorKind.InvalidResponse
                    ? "The DCS online migration task '" + machine.Name + "' may have been created: " + ex.Message + " Look for it with Get-DcsMigrationTask -Name '" + machine.Name + "' before trying again."
                    : "The DCS online migration task '" + machine.Name + "' was not created: " + ex.Message));
                return null;
            }
            _host.Log.Verbose("DCS migration task '" + machine.Name + "' (" + id + ") created; its migration machine is being made (CREATING).");
            return id;
        }

        /// <summary>
        /// Set-DcsMigrationTask -Configure: the task is waited for until RUNNING (at once when it is), then configured.
        /// </summary>
        public void Finish(string id, string? name, DcsOnlineConfiguration configuration)
        {
            DcsNewMigrationChecks.Check(configuration);
            if (!Wait(id, DcsWaitRules.Ready, ReadyWords, Hint(id, configuration), out var ready)) return;
            if (Configure(id, ready?.TaskName ?? name, configuration) is null) return;
            if (_waitForMigration) WaitForMigration(id, configuration.Incremental);
            else WriteReadBack(id, ready);
        }

        /// <summary>What the wait for a new migration machine is told by.</summary>
        public static WaitWords ReadyWords { get; } = new WaitWords("Making the DCS migration machine", "ready (RUNNING)", "was not RUNNING");

        /// <summary>The rule of that wait: RUNNING (see <see cref="DcsWaitRules.Ready"/>).</summary>
        public static Func<WaitEntry<DcsMigrationTask>, DcsMigrationTask?, WaitVerdict> Ready { get; } = DcsWaitRules.Ready;

        private static string Hint(string id, DcsOnlineConfiguration configuration) =>
            "The task is left; once it is RUNNING, finish it with: " + configuration.CommandLine(id);

        /// <summary>
        /// The second call, for a task that is RUNNING (its machine made): sends the configuration. Returns the answer,
        /// or null after writing the error (which says the task was made, and how to finish it).
        /// </summary>
        public DcsTaskSummary? Configure(string id, string? name, DcsOnlineConfiguration configuration)
        {
            DcsNewMigrationChecks.Check(configuration);
            var described = TaskService<DcsMigrationTask>.Describe(_service.Noun, id, name);
            DcsTaskSummary answer;
            try
            {
                answer = _host.Await(Client.ConfigureOnlineTaskAsync(id, configuration, _host.Cancellation));
            }
            catch (HuaweiCloudApiException ex)
            {
                _host.WriteError(Error(id, ex, described + (ex.OutcomeUnknown ? " was made, and whether it was configured is not known: " : " was made but not configured: ") + ex.Message + " " + Hint(id, configuration)));
                return null;
            }
            _host.Log.Verbose(described + " configured (" + (answer.Status ?? "?") + ").");
            return answer;
        }

        /// <summary>-Wait: until SUCCESS (a full migration or an import) or INCRMIGEATING (incremental); writes the task then, or an error.</summary>
        public void WaitForMigration(string id, bool incremental)
        {
            Wait(id, DcsWaitRules.Migrated(incremental),
                new WaitWords("Migrating Redis data", incremental ? "steady (INCRMIGEATING)" : "migrated (SUCCESS)", incremental ? "did not reach INCRMIGEATING" : "did not reach SUCCESS"),
                null, out var done, reachedOnly: true);
            if (done != null) _host.WriteObject(done);
        }

        /// <summary>Writes the task as it is now (a task that cannot be read is written as it was last seen, with a warning).</summary>
        public void WriteReadBack(string id, DcsMigrationTask? lastSeen)
        {
            try
            {
                _host.WriteObject(_host.Await(Client.GetTaskAsync(id, _host.Cancellation)));
            }
            catch (HuaweiCloudApiException ex)
            {
                _host.Log.Warning(TaskService<DcsMigrationTask>.Describe(_service.Noun, id, lastSeen?.TaskName) + " could not be read back: " + ex.Message);
                if (lastSeen != null) _host.WriteObject(lastSeen);
            }
        }

        /// <summary>One task's wait by <paramref name="rule"/>; true when it got there. Any other end is written as an error, with <paramref name="hint"/>.</summary>
        private bool Wait(string id, Func<WaitEntry<DcsMigrationTask>, DcsMigrationTask?, WaitVerdict> rule, WaitWords words, string? hint, out DcsMigrationTask? task, bool reachedOnly = false)
        {
            var waiter = new TaskWaiter<DcsMigrationTask>(_service.CreateRefresher(1, 2), rule, _service.StateOf);
            waiter.Add(id, null, DateTime.UtcNow);
            var wait = new TaskWait<DcsMigrationTask>(_host, _service, waiter, _plan, words);
            WaitResult<DcsMigrationTask>? result = null;
            wait.Run(r => result = r, pollFirst: true);
            task = result?.Task;
            if (result is null) return false;
            if (result.Outcome == WaitOutcome.Reached) return true;
            if (reachedOnly) task = null;
            if (hint is null || result.Outcome == WaitOutcome.TimedOut || result.ErrorId == "DcsTaskFailed" || result.ErrorId == "DcsTaskConfigured")
            {
                // A time-out names the state last seen and the hint; a failed machine says to remove the task.
                wait.Write(result, writeTask: false, hint: hint);
                return false;
            }
            var error = result.Error as HuaweiCloudApiException;
            var message = _service.Describe(id, result.Task) + ": " + (result.Message ?? error?.Message ?? "the wait failed.") + " " + hint;
            _host.WriteError(error != null
                ? Error(id, error, message)
                : new TaskError(id, new HuaweiCloudApiException(message, ApiErrorKind.InvalidOperation, service: _service.Service), "DcsTaskNotConfigured", ApiErrorKind.InvalidOperation, message));
            return false;
        }

        /// <summary>
        /// The service's own error (its code as the error id, its fields, a disconnection as such), with a message that
        /// says the whole story, the hint included.
        /// </summary>
        private static TaskError Error(string target, HuaweiCloudApiException cause, string message) => TaskError.FromApi(target, cause, message);
    }
}
