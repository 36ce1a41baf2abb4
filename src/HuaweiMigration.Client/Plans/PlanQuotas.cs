namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// The account quotas a plan is held against (SPEC "Migration plans and reports"; Huawei SMS's documented limits).
    /// Going over one is a warning, not a problem: the rows stay Ready, since the limits may have been raised.
    /// </summary>
    public static class PlanQuotas
    {
        /// <summary>Source servers an account may have registered with SMS.</summary>
        public const int MaxSourceServers = 1000;

        /// <summary>SMS migrations that may run at once in an account.</summary>
        public const int MaxConcurrentMigrations = 100;
    }
}
