using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HuaweiMigration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// A hostile endpoint of its own for each test (<see cref="HostileServer"/>: its own port, so its own retry budget)
    /// and a runspace connected to it with a token; the test maps the answers it needs.
    /// </summary>
    public abstract class HostileEndpointTestBase : IDisposable
    {
        protected HostileEndpointTestBase()
        {
            Server = HostileServer.StartAsync().GetAwaiter().GetResult();
            Ps = new PsSession();
            Ps.Set("endpoint", Server.BaseUri);
            Ps.Set("token", PsSession.Secure("MIIhostile-token"));
            var connect = Ps.Run("$null = Connect-HuaweiCloud -Region " + HostileServer.Region + " -Endpoint $endpoint -Token $token -ProjectId "
                + HostileServer.ProjectId + " -DomainId " + HostileServer.DomainId);
            if (connect.Errors.Count > 0 || connect.Terminating != null) throw new InvalidOperationException("Connect failed: " + connect.Describe());
        }

        protected HostileServer Server { get; }

        protected PsSession Ps { get; }

        /// <summary>An SMS task id as the API makes them.</summary>
        protected static string TaskId(int i) => "0b1c2d3e-0000-4000-8000-" + i.ToString("000000000000", CultureInfo.InvariantCulture);

        /// <summary>A list row or show answer of an SMS task, as ListTasks' TasksResponseBody types its fields.</summary>
        protected static string TaskJson(string id, string name, string state = "READY", string? extra = null) =>
            "{\"id\":\"" + id + "\",\"name\":" + Newtonsoft.Json.JsonConvert.ToString(name) + ",\"type\":\"MIGRATE_BLOCK\",\"os_type\":\"LINUX\",\"state\":\"" + state + "\","
            + "\"create_date\":1700000000000,\"priority\":1,\"speed_limit\":0,\"migrate_speed\":0.0,\"start_target_server\":true,\"error_json\":\"\","
            + "\"total_time\":0,\"migration_ip\":\"192.168.0.10\",\"sub_tasks\":[],\"source_server\":{\"id\":\"src-" + id + "\",\"ip\":\"192.168.0.10\",\"name\":\"src-" + name + "\",\"os_type\":\"LINUX\",\"state\":\"replicate\"},"
            + "\"enterprise_project_id\":\"0\",\"syncing\":false" + (extra is null ? string.Empty : "," + extra) + "}";

        /// <summary>A list answer: <c>{"count": count, "tasks": [rows]}</c>.</summary>
        protected static string TaskPage(long count, IEnumerable<string> rows) =>
            "{\"count\":" + count.ToString(CultureInfo.InvariantCulture) + ",\"tasks\":[" + string.Join(",", rows) + "]}";

        /// <summary>Serves <c>GET /v3/tasks</c> from these rows, paged by offset and limit as the API pages them.</summary>
        protected void ServeTaskList(IReadOnlyList<string> rows) =>
            Server.Map("GET", "^/v3/tasks$", ctx =>
            {
                var offset = HostileServer.QueryInt(ctx, "offset", 0);
                var limit = HostileServer.QueryInt(ctx, "limit", 100);
                return HostileServer.Json(ctx, TaskPage(rows.Count, rows.Skip(offset).Take(limit)));
            });

        /// <summary>The list requests sent so far.</summary>
        protected IReadOnlyList<HostileRequest> ListRequests => Server.RequestsTo("GET", "^/v3/tasks$");

        protected static string Query(HttpContext ctx, string name) => ctx.Request.Query[name].ToString();

        public void Dispose()
        {
            Ps.Dispose();
            Server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            GC.SuppressFinalize(this);
        }
    }
}
