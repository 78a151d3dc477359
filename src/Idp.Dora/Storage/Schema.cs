namespace Idp.Dora.Storage;

/// <summary>
/// The schema as numbered migrations, applied in order on start. Derived tables are maintained at ingest so a
/// metrics query reads small ranges: <c>deployment_days</c> counts deployments per UTC day and marks the 15-minute
/// slots that hold any (see <see cref="DeploymentDay"/>), <c>lead_time_rollups</c> counts lead-time samples per UTC day
/// and bucket, <c>changes</c> keeps each commit's
/// first production deployment (rule R3), <c>incidents</c> folds detected/resolved events into one row (rule R5).
/// </summary>
internal static class Schema
{
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        """
        CREATE TABLE events (
            source TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, at_ms BIGINT NOT NULL,
            received_ms BIGINT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (source, id));
        CREATE TABLE deployments (
            source TEXT NOT NULL, id TEXT NOT NULL, service TEXT NOT NULL, team TEXT NOT NULL,
            environment TEXT NOT NULL, production INTEGER NOT NULL, succeeded INTEGER NOT NULL,
            rollback_of TEXT, finished_ms BIGINT NOT NULL, PRIMARY KEY (source, id));
        CREATE INDEX ix_deployments_finished ON deployments (finished_ms, service, team) WHERE production = 1 AND succeeded = 1;
        CREATE INDEX ix_deployments_id ON deployments (id);
        CREATE INDEX ix_deployments_rollback_of ON deployments (rollback_of) WHERE rollback_of IS NOT NULL;
        CREATE TABLE deployment_slots (
            slot BIGINT NOT NULL, service TEXT NOT NULL, team TEXT NOT NULL, deployments BIGINT NOT NULL,
            PRIMARY KEY (slot, service, team));
        CREATE TABLE changes (
            service TEXT NOT NULL, sha TEXT NOT NULL, team TEXT NOT NULL, committed_ms BIGINT NOT NULL,
            first_deployed_ms BIGINT NOT NULL, first_deployment TEXT NOT NULL, PRIMARY KEY (service, sha));
        CREATE INDEX ix_changes_window ON changes (first_deployed_ms, committed_ms);
        CREATE INDEX ix_changes_service_window ON changes (service, first_deployed_ms, committed_ms);
        CREATE INDEX ix_changes_team_window ON changes (team, first_deployed_ms, committed_ms);
        CREATE TABLE incidents (
            incident_id TEXT NOT NULL PRIMARY KEY, service TEXT NOT NULL, team TEXT NOT NULL,
            environment TEXT NOT NULL, production INTEGER NOT NULL, created_ms BIGINT, resolved_ms BIGINT,
            deployment_id TEXT, root_cause_sha TEXT);
        CREATE INDEX ix_incidents_created ON incidents (created_ms) WHERE production = 1;
        CREATE TABLE pipeline_runs (run_key TEXT NOT NULL PRIMARY KEY, team TEXT, finished INTEGER NOT NULL, manual INTEGER NOT NULL);
        CREATE TABLE catalog (service TEXT NOT NULL, team TEXT NOT NULL, PRIMARY KEY (service, team));
        CREATE TABLE teams (team TEXT NOT NULL PRIMARY KEY, registered_ms BIGINT NOT NULL);
        CREATE TABLE production_teams (team TEXT NOT NULL PRIMARY KEY);
        CREATE TABLE nps_responses (team TEXT NOT NULL, score INTEGER NOT NULL, received_ms BIGINT NOT NULL);
        """,
        // Rollups per scope (Rollups.cs) replace deployment_slots; a deployment's failed flag (rule R4) is kept at
        // ingest. The indexes serve the flag's recomputation and the exact read of the lead-time median's bucket.
        new("""
        ALTER TABLE deployments ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;
        DROP TABLE deployment_slots;
        CREATE TABLE deployment_rollups (
            scope TEXT NOT NULL, slot BIGINT NOT NULL, deployments BIGINT NOT NULL, failed BIGINT NOT NULL,
            PRIMARY KEY (scope, slot));
        CREATE TABLE lead_time_rollups (
            scope TEXT NOT NULL, day BIGINT NOT NULL, bucket INTEGER NOT NULL, samples BIGINT NOT NULL,
            PRIMARY KEY (scope, day, bucket));
        CREATE INDEX ix_incidents_deployment ON incidents (deployment_id) WHERE deployment_id IS NOT NULL;
        CREATE INDEX ix_incidents_root_cause ON incidents (service, root_cause_sha) WHERE root_cause_sha IS NOT NULL;
        CREATE INDEX ix_changes_first_deployment ON changes (first_deployment);
        CREATE INDEX ix_changes_lead ON changes ((first_deployed_ms - committed_ms), first_deployed_ms, committed_ms);
        CREATE INDEX ix_changes_service_lead ON changes (service, (first_deployed_ms - committed_ms), first_deployed_ms, committed_ms);
        CREATE INDEX ix_changes_team_lead ON changes (team, (first_deployed_ms - committed_ms), first_deployed_ms, committed_ms);
        """, RebuildsRollups: true),
        // Ingest cost: every change row updated seven indexes. Two covering ones that end in (service, team) serve every
        // scope: a query reads the window or the median's bucket and skips the other services' entries in the index,
        // which costs less than one more index per scope costs at every ingest. The rollups are keyed by their primary
        // key alone, so SQLite stores them in it (WITHOUT ROWID) instead of in a table and a second tree. The incidents'
        // window index holds only what a time-to-restore query reads (resolved production incidents), which also keeps
        // PostgreSQL from taking it as a "production = 1" filter when ingest looks incidents up by deployment.
        """
        DROP INDEX ix_changes_window;
        DROP INDEX ix_changes_service_window;
        DROP INDEX ix_changes_team_window;
        DROP INDEX ix_changes_lead;
        DROP INDEX ix_changes_service_lead;
        DROP INDEX ix_changes_team_lead;
        CREATE INDEX ix_changes_window ON changes (first_deployed_ms, committed_ms, service, team);
        CREATE INDEX ix_changes_lead ON changes ((first_deployed_ms - committed_ms), first_deployed_ms, committed_ms, service, team);
        DROP INDEX ix_incidents_created;
        CREATE INDEX ix_incidents_restored ON incidents (created_ms) WHERE production = 1 AND resolved_ms IS NOT NULL;
        CREATE TABLE deployment_rollups_v3 (
            scope TEXT NOT NULL, slot BIGINT NOT NULL, deployments BIGINT NOT NULL, failed BIGINT NOT NULL,
            PRIMARY KEY (scope, slot)) {without_rowid};
        INSERT INTO deployment_rollups_v3 (scope, slot, deployments, failed) SELECT scope, slot, deployments, failed FROM deployment_rollups;
        DROP TABLE deployment_rollups;
        ALTER TABLE deployment_rollups_v3 RENAME TO deployment_rollups;
        CREATE TABLE lead_time_rollups_v3 (
            scope TEXT NOT NULL, day BIGINT NOT NULL, bucket INTEGER NOT NULL, samples BIGINT NOT NULL,
            PRIMARY KEY (scope, day, bucket)) {without_rowid};
        INSERT INTO lead_time_rollups_v3 (scope, day, bucket, samples) SELECT scope, day, bucket, samples FROM lead_time_rollups;
        DROP TABLE lead_time_rollups;
        ALTER TABLE lead_time_rollups_v3 RENAME TO lead_time_rollups;
        """,
        // Rollups keep three scopes, all, team and (service, team) (see Rollups.ScopesOf); a query for a service sums
        // the (service, team) scopes from the catalog. This drops the service scopes, "s\n…" (the others: "*", "t\n…",
        // "st\n…").
        """
        DELETE FROM deployment_rollups WHERE scope LIKE 's%' AND scope NOT LIKE 'st%';
        DELETE FROM lead_time_rollups WHERE scope LIKE 's%' AND scope NOT LIKE 'st%';
        """,
        // Deployments count as finished runs from their own rows; pipeline_runs keeps a deployment's run record only when
        // it needed a manual step, which spares an upsert per deployment at ingest.
        """
        DELETE FROM pipeline_runs WHERE run_key LIKE 'deployment:%' AND manual = 0;
        """,
        // Identifiers compare byte by byte, as SQLite's BINARY does. Under the database's locale (C.UTF-8 or en_US.UTF-8
        // alike) PostgreSQL compares text through the C library's collation at every index step, a tenth of ingest's
        // CPU time. Only PostgreSQL: SQLite already compares so. Collation alone changes: the indexes are rebuilt, the
        // tables are not rewritten.
        new("""
        ALTER TABLE events ALTER COLUMN source TYPE TEXT COLLATE "C", ALTER COLUMN id TYPE TEXT COLLATE "C",
            ALTER COLUMN type TYPE TEXT COLLATE "C";
        ALTER TABLE deployments ALTER COLUMN source TYPE TEXT COLLATE "C", ALTER COLUMN id TYPE TEXT COLLATE "C",
            ALTER COLUMN service TYPE TEXT COLLATE "C", ALTER COLUMN team TYPE TEXT COLLATE "C",
            ALTER COLUMN environment TYPE TEXT COLLATE "C", ALTER COLUMN rollback_of TYPE TEXT COLLATE "C";
        ALTER TABLE changes ALTER COLUMN service TYPE TEXT COLLATE "C", ALTER COLUMN sha TYPE TEXT COLLATE "C",
            ALTER COLUMN team TYPE TEXT COLLATE "C", ALTER COLUMN first_deployment TYPE TEXT COLLATE "C";
        ALTER TABLE incidents ALTER COLUMN incident_id TYPE TEXT COLLATE "C", ALTER COLUMN service TYPE TEXT COLLATE "C",
            ALTER COLUMN team TYPE TEXT COLLATE "C", ALTER COLUMN environment TYPE TEXT COLLATE "C",
            ALTER COLUMN deployment_id TYPE TEXT COLLATE "C", ALTER COLUMN root_cause_sha TYPE TEXT COLLATE "C";
        ALTER TABLE pipeline_runs ALTER COLUMN run_key TYPE TEXT COLLATE "C", ALTER COLUMN team TYPE TEXT COLLATE "C";
        ALTER TABLE catalog ALTER COLUMN service TYPE TEXT COLLATE "C", ALTER COLUMN team TYPE TEXT COLLATE "C";
        ALTER TABLE teams ALTER COLUMN team TYPE TEXT COLLATE "C";
        ALTER TABLE production_teams ALTER COLUMN team TYPE TEXT COLLATE "C";
        ALTER TABLE nps_responses ALTER COLUMN team TYPE TEXT COLLATE "C";
        ALTER TABLE deployment_rollups ALTER COLUMN scope TYPE TEXT COLLATE "C";
        ALTER TABLE lead_time_rollups ALTER COLUMN scope TYPE TEXT COLLATE "C";
        """, OnlyFor: SqlDialect.Postgres),
        // Deployments are counted per day instead of per 15-minute slot, with the slots that hold any as bits (see
        // DeploymentDay): a backfill spread over many days upserted about 2.8 rollup rows per deployment, now 0.6.
        // Rebuilt from the deployments.
        new("""
        CREATE TABLE deployment_days (
            scope TEXT{collate_c} NOT NULL, day BIGINT NOT NULL, deployments BIGINT NOT NULL, failed BIGINT NOT NULL,
            slots_low BIGINT NOT NULL, slots_high BIGINT NOT NULL, PRIMARY KEY (scope, day)) {without_rowid};
        DROP TABLE deployment_rollups;
        """, RebuildsRollups: true),
        // Deployments are keyed by (id, source): ingest and queries look them up by id, which the key now serves, so the
        // index on id alone goes, one index fewer for every deployment stored. SQLite keeps the rows in the key.
        """
        CREATE TABLE deployments_v8 (
            source TEXT{collate_c} NOT NULL, id TEXT{collate_c} NOT NULL, service TEXT{collate_c} NOT NULL, team TEXT{collate_c} NOT NULL,
            environment TEXT{collate_c} NOT NULL, production INTEGER NOT NULL, succeeded INTEGER NOT NULL,
            rollback_of TEXT{collate_c}, finished_ms BIGINT NOT NULL, failed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (id, source)) {without_rowid};
        INSERT INTO deployments_v8 (source, id, service, team, environment, production, succeeded, rollback_of, finished_ms, failed)
            SELECT source, id, service, team, environment, production, succeeded, rollback_of, finished_ms, failed FROM deployments;
        DROP TABLE deployments;
        ALTER TABLE deployments_v8 RENAME TO deployments;
        CREATE INDEX ix_deployments_finished ON deployments (finished_ms, service, team) WHERE production = 1 AND succeeded = 1;
        CREATE INDEX ix_deployments_rollback_of ON deployments (rollback_of) WHERE rollback_of IS NOT NULL;
        """,
    ];
}
