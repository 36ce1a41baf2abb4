using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// What the account has that a plan's rows refer to, read once with one listing of each kind the plan needs
    /// (source servers, templates, migration projects, SMS tasks, DCS tasks): a plan of any size costs a few list
    /// pages, never a request per row. Matching is by id, else by exact name (or IP for source servers).
    /// </summary>
    public sealed class PlanInventory
    {
        private PlanInventory()
        {
        }

        /// <summary>An inventory of the given listings (for tests of the checker, which reads nothing itself).</summary>
        internal PlanInventory(IReadOnlyList<SmsSourceServer>? sourceServers = null, IReadOnlyList<SmsTask>? smsTasks = null, IReadOnlyList<SmsTemplate>? templates = null,
            IReadOnlyList<DcsMigrationTask>? dcsTasks = null)
        {
            SourceServers = sourceServers ?? Array.Empty<SmsSourceServer>();
            SmsTasks = smsTasks ?? Array.Empty<SmsTask>();
            Templates = templates ?? Array.Empty<SmsTemplate>();
            DcsTasks = dcsTasks ?? Array.Empty<DcsMigrationTask>();
        }

        public IReadOnlyList<SmsSourceServer> SourceServers { get; private set; } = Array.Empty<SmsSourceServer>();
        public IReadOnlyList<SmsTemplate> Templates { get; private set; } = Array.Empty<SmsTemplate>();
        public IReadOnlyList<SmsMigrationProject> Projects { get; private set; } = Array.Empty<SmsMigrationProject>();
        public IReadOnlyList<SmsTask> SmsTasks { get; private set; } = Array.Empty<SmsTask>();
        public IReadOnlyList<DcsMigrationTask> DcsTasks { get; private set; } = Array.Empty<DcsMigrationTask>();

        /// <summary>
        /// Reads what <paramref name="rows"/> need: SMS listings when a row is a server row (templates and projects
        /// only when a row names one), the DCS listing when a row is a Redis row. <paramref name="dcs"/> may be null
        /// when no row is a Redis row.
        /// </summary>
        public static async Task<PlanInventory> ReadAsync(IReadOnlyList<PlanRow> rows, SmsClient sms, DcsClient? dcs, CancellationToken cancellationToken)
        {
            var servers = rows.Any(r => !r.IsRedis);
            var redis = rows.Any(r => r.IsRedis);
            var inventory = new PlanInventory();
            var all = new PagingRequest();
            Task<List<T>> List<T>(bool needed, Func<IEnumerable<T>> list) =>
                needed ? Task.Run(() => list().ToList(), cancellationToken) : Task.FromResult(new List<T>());
            var sources = List(servers, () => sms.EnumerateSourceServers(new SmsSourceServerFilter(), all, cancellationToken));
            var templates = List(servers && rows.Any(r => r.Has(PlanColumns.Template)), () => sms.EnumerateTemplates(new SmsTemplateFilter(), all, cancellationToken));
            var projects = List(servers && rows.Any(r => r.Has(PlanColumns.MigrationProject)), () => sms.EnumerateMigrationProjects(null, all, cancellationToken));
            var tasks = List(servers, () => sms.EnumerateTasks(new SmsTaskFilter(), all, cancellationToken));
            var dcsTasks = List(redis && dcs != null, () => dcs!.EnumerateTasks(new DcsTaskFilter(), all, cancellationToken));
            await Task.WhenAll(sources, templates, projects, tasks, dcsTasks).ConfigureAwait(false);
            inventory.SourceServers = sources.Result;
            inventory.Templates = templates.Result;
            inventory.Projects = projects.Result;
            inventory.SmsTasks = tasks.Result;
            inventory.DcsTasks = dcsTasks.Result;
            return inventory;
        }

        /// <summary>
        /// Only the task listings (SMS when <paramref name="sms"/> is given, DCS when <paramref name="dcs"/> is), read
        /// together: for finding a plan's tasks by name when nothing else of the account is needed (the report's -Plan).
        /// </summary>
        public static async Task<PlanInventory> ReadTasksAsync(SmsClient? sms, DcsClient? dcs, CancellationToken cancellationToken)
        {
            var all = new PagingRequest();
            var tasks = sms is null ? Task.FromResult(new List<SmsTask>()) : Task.Run(() => sms.EnumerateTasks(new SmsTaskFilter(), all, cancellationToken).ToList(), cancellationToken);
            var dcsTasks = dcs is null ? Task.FromResult(new List<DcsMigrationTask>()) : Task.Run(() => dcs.EnumerateTasks(new DcsTaskFilter(), all, cancellationToken).ToList(), cancellationToken);
            await Task.WhenAll(tasks, dcsTasks).ConfigureAwait(false);
            return new PlanInventory(smsTasks: tasks.Result, dcsTasks: dcsTasks.Result);
        }

        /// <summary>The source servers <paramref name="text"/> names: by id, else by exact name, else by IP.</summary>
        public IReadOnlyList<SmsSourceServer> MatchSourceServers(string text)
        {
            var byId = SourceServers.Where(s => string.Equals(s.Id, text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byId.Count > 0) return byId;
            var byName = SourceServers.Where(s => string.Equals(s.Name, text, StringComparison.Ordinal)).ToList();
            if (byName.Count > 0) return byName;
            return SourceServers.Where(s => string.Equals(s.Ip, text, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        /// <summary>The templates <paramref name="text"/> names: by id, else by exact name.</summary>
        public IReadOnlyList<SmsTemplate> MatchTemplates(string text) => ByIdOrName(Templates, t => t.Id, t => t.Name, text);

        /// <summary>The migration projects <paramref name="text"/> names: by id, else by exact name.</summary>
        public IReadOnlyList<SmsMigrationProject> MatchProjects(string text) => ByIdOrName(Projects, p => p.Id, p => p.Name, text);

        /// <summary>SMS tasks named <paramref name="name"/> exactly.</summary>
        public IReadOnlyList<SmsTask> SmsTasksNamed(string name) => SmsTasks.Where(t => string.Equals(t.Name, name, StringComparison.Ordinal)).ToList();

        /// <summary>DCS migration tasks named <paramref name="name"/> exactly.</summary>
        public IReadOnlyList<DcsMigrationTask> DcsTasksNamed(string name) => DcsTasks.Where(t => string.Equals(t.TaskName, name, StringComparison.Ordinal)).ToList();

        /// <summary>The SMS task of a source server, when it has one.</summary>
        public SmsTask? SmsTaskOfSourceServer(string sourceServerId) =>
            SmsTasks.FirstOrDefault(t => string.Equals(t.SourceServer?.Id, sourceServerId, StringComparison.OrdinalIgnoreCase));

        private static IReadOnlyList<T> ByIdOrName<T>(IReadOnlyList<T> all, Func<T, string?> idOf, Func<T, string?> nameOf, string text)
        {
            var byId = all.Where(x => string.Equals(idOf(x), text, StringComparison.OrdinalIgnoreCase)).ToList();
            return byId.Count > 0 ? byId : all.Where(x => string.Equals(nameOf(x), text, StringComparison.Ordinal)).ToList();
        }
    }
}
