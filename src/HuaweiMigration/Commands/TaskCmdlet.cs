using System;
using System.Collections.Generic;
using System.Management.Automation;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Internal;

namespace HuaweiMigration.Commands
{
    /// <summary>
    /// Base of the cmdlets that act on or wait for a service's tasks: <c>-Id</c> (position 0, pipeline by value and
    /// by property name, alias TaskId) or <c>-InputObject</c> (the service's task objects, pipeline by value), the
    /// wait's <c>-Timeout</c> and <c>-PollInterval</c>, and <c>-ThrottleLimit</c>. A cmdlet names its job (act, wait,
    /// remove); each new valid input goes to it once, and the engine does the rest.
    /// </summary>
    public abstract class TaskCmdlet<TTask> : HuaweiCloudApiCmdlet where TTask : class
    {
        public const string ByIdSet = "ById";
        public const string InputObjectSet = "InputObject";

        private static readonly TaskKind Kind = TaskKind.Of(typeof(TTask));

        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or any objects with an Id or TaskId property; an id given twice is handled once.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Tasks, as their Get cmdlet writes them; piped task objects bind here.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TTask? InputObject { get; set; }

        /// <summary><para type="description">Seconds to wait at most; a task still unfinished then is an OperationTimeout error. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">Seconds between two polls while waiting. By default the first poll goes out about 1 second after the last action and the pause then grows (about 1.5 times a poll) to at most 10 seconds; a value given here is kept fixed.</para></summary>
        [Parameter]
        [ValidateRange(0.01, 86400.0)]
        [PSDefaultValue(Help = "1, growing to 10")]
        public double PollInterval { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once (default 10).</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 10;

        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private object? _service;
        private CmdletJob? _job;

        /// <summary>What this cmdlet does with its tasks; called once, before the first input. (Not typed by the engine: see <see cref="CmdletJob"/>.)</summary>
        internal abstract CmdletJob CreateJob();

        /// <summary>-ProjectId of a DCS cmdlet (null: the context's project).</summary>
        private protected virtual string? ProjectIdParameter => null;

        /// <summary>The engine's service for this command's tasks (kept as an object for the reason <see cref="CmdletJob"/> gives).</summary>
        internal TaskService<TTask> Service => (TaskService<TTask>)(_service ??= Kind.CreateService(this, ProjectIdParameter));

        /// <summary>How this command's waits poll: -Timeout, and -PollInterval when given (else the growing schedule).</summary>
        internal WaitPlan Plan => WaitPlanOf(Timeout, PollInterval);

        /// <summary>A job that sends <paramref name="action"/> to each task, and with <paramref name="wait"/> waits by its rule.</summary>
        internal CmdletJob Act(TaskAction<TTask> action, bool wait, SmsActionOptions? options = null) =>
            CmdletJob.Of(new ActionJob<TTask>(EngineHost, Service, action, options, ThrottleLimit, wait ? Plan : null));

        /// <summary>A job that waits for each task until <paramref name="rule"/> says it got there.</summary>
        internal CmdletJob WaitUntil(Func<Client.Waiting.WaitEntry<TTask>, TTask?, Client.Waiting.WaitVerdict> rule, WaitWords words) =>
            CmdletJob.Of(new WaitJob<TTask>(EngineHost, Service, rule, words, Plan, ThrottleLimit));

        /// <summary>A job that removes each task by the service's rules.</summary>
        internal CmdletJob Remove(RemovalRules<TTask> rules, bool force, bool wait, bool passThru) =>
            CmdletJob.Of(new RemovalJob<TTask>(EngineHost, Service, rules, Plan, ThrottleLimit, force, wait, passThru));

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                _job = CreateJob();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidParameter", null));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var (id, task) in NewInputs()) _job!.Add(id, task);
        }

        protected override void EndProcessing()
        {
            _job!.End();
            base.EndProcessing();
        }

        /// <summary>
        /// The tasks of this pipeline input worth acting on: an id that fails validation is one InvalidArgument error
        /// (and no request), an id already given in this command is handled once.
        /// </summary>
        private IEnumerable<(string Id, TTask? Task)> NewInputs()
        {
            var inputs = ParameterSetName == InputObjectSet
                ? (InputObject is null ? Array.Empty<(string, TTask?)>() : new[] { (Kind.IdOf(InputObject), (TTask?)InputObject) })
                : Array.ConvertAll(Id, id => (id, (TTask?)null));
            foreach (var (id, task) in inputs)
            {
                try
                {
                    Kind.Validate(id);
                }
                catch (ArgumentException ex)
                {
                    WriteError(ErrorRecords.InvalidArgument(ex, Kind.InvalidIdErrorId, id));
                    continue;
                }
                if (!_seen.Add(id))
                {
                    WriteVerbose(Service.Describe(id, task) + " was given more than once; it is handled once.");
                    continue;
                }
                yield return (id, task);
            }
        }
    }
}
