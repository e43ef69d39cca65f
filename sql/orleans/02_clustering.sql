-- Orleans ADO.NET clustering (membership table), PostgreSQL. Apply after 01_main.sql.
--
-- For Microsoft.Orleans.Clustering.AdoNet 10.4.2 used with UseAdoNetClustering(Invariant = "Npgsql").
-- It follows the provider's documented contract: the query keys below are the ones the 10.4.2
-- assembly looks up in OrleansQuery, the @Parameter names are the ones it binds, and each read
-- returns the column names it reads (DeploymentId, Address, Port, Generation, SiloName, HostName,
-- Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime, Version); tables, routines and the
-- SQL itself are our own. It matches the "atomic writes" generation of the contract that 10.4.2
-- runs: the table version is bumped before a row is written, and dead silos are pruned one row
-- at a time through CleanupDefunctSiloEntryKey. 10.4.2 neither sends nor reads MetadataJson, so
-- there is no such column.
--
-- Required keys: UpdateIAmAlivetimeKey, InsertMembershipVersionKey, InsertMembershipKey,
-- UpdateMembershipKey, MembershipReadRowKey, MembershipReadAllKey, DeleteMembershipTableEntriesKey,
-- GatewaysQueryKey, CleanupDefunctSiloEntriesKey. Optional (used when present):
-- CleanupDefunctSiloEntryKey.
--
-- Timestamps are timestamptz: the provider sends UTC DateTime values, which Npgsql 6+ writes only
-- as timestamp with time zone. Status values are Orleans SiloStatus codes (3 = Active, 6 = Dead).
--
-- Idempotent: safe to run any number of times on the same database; a re-run changes nothing.
-- The two routines keep the argument names of the upstream Orleans script, so this file can also
-- be applied over a database that was set up with it.

BEGIN;

-- One row per cluster (DeploymentId = ClusterId): the membership table version (the ETag).
CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleansmembershipversiontable_deploymentid PRIMARY KEY (deploymentid)
);

-- One row per silo incarnation (address, port, generation) of a cluster.
CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     varchar(150) NOT NULL,
    hostname     varchar(150) NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NULL,
    suspecttimes text         NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,

    CONSTRAINT pk_membershiptable_deploymentid PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_membershiptable_membershipversiontable_deploymentid
        FOREIGN KEY (deploymentid) REFERENCES orleansmembershipversiontable (deploymentid)
);

-- InsertMembershipKey: adds a silo row, conditional on the caller's table version.
-- Bumps the version first; when the version did not match, or the row already exists, the bump is
-- undone (the inner block rolls back) and 0 is returned, otherwise 1.
CREATE OR REPLACE FUNCTION insert_membership(
    deploymentidarg varchar,
    addressarg      varchar,
    portarg         integer,
    generationarg   integer,
    silonamearg     varchar,
    hostnamearg     varchar,
    statusarg       integer,
    proxyportarg    integer,
    starttimearg    timestamptz,
    iamalivetimearg timestamptz,
    versionarg      integer)
    RETURNS TABLE (row_count integer)
    LANGUAGE plpgsql
AS $fn$
DECLARE
    affected integer := 0;
BEGIN
    BEGIN
        UPDATE orleansmembershipversiontable
           SET timestamp = now(),
               version   = version + 1
         WHERE deploymentid = deploymentidarg
           AND version = versionarg
           AND version < 2147483647;
        GET DIAGNOSTICS affected = ROW_COUNT;

        IF affected > 0 THEN
            INSERT INTO orleansmembershiptable
                (deploymentid, address, port, generation, siloname, hostname,
                 status, proxyport, starttime, iamalivetime)
            VALUES
                (deploymentidarg, addressarg, portarg, generationarg, silonamearg, hostnamearg,
                 statusarg, proxyportarg, starttimearg, iamalivetimearg)
            ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;
            GET DIAGNOSTICS affected = ROW_COUNT;
        END IF;

        IF affected = 0 THEN
            RAISE EXCEPTION 'membership insert not applied' USING ERRCODE = 'assert_failure';
        END IF;
    EXCEPTION
        WHEN assert_failure THEN
            affected := 0;
    END;

    RETURN QUERY SELECT affected;
END
$fn$;

-- UpdateMembershipKey: changes a silo row's status / suspicions / liveness, conditional on the
-- caller's table version. Same all-or-nothing rule as insert_membership; returns 1 or 0.
-- IAmAliveTime never moves backwards.
CREATE OR REPLACE FUNCTION update_membership(
    deploymentidarg varchar,
    addressarg      varchar,
    portarg         integer,
    generationarg   integer,
    statusarg       integer,
    suspecttimesarg varchar,
    iamalivetimearg timestamptz,
    versionarg      integer)
    RETURNS TABLE (row_count integer)
    LANGUAGE plpgsql
AS $fn$
DECLARE
    affected integer := 0;
BEGIN
    BEGIN
        UPDATE orleansmembershipversiontable
           SET timestamp = now(),
               version   = version + 1
         WHERE deploymentid = deploymentidarg
           AND version = versionarg
           AND version < 2147483647;
        GET DIAGNOSTICS affected = ROW_COUNT;

        IF affected > 0 THEN
            UPDATE orleansmembershiptable
               SET status       = statusarg,
                   suspecttimes = suspecttimesarg,
                   iamalivetime = GREATEST(iamalivetime, iamalivetimearg)
             WHERE deploymentid = deploymentidarg
               AND address = addressarg
               AND port = portarg
               AND generation = generationarg;
            GET DIAGNOSTICS affected = ROW_COUNT;
        END IF;

        IF affected = 0 THEN
            RAISE EXCEPTION 'membership update not applied' USING ERRCODE = 'assert_failure';
        END IF;
    EXCEPTION
        WHEN assert_failure THEN
            affected := 0;
    END;

    RETURN QUERY SELECT affected;
END
$fn$;

-- The query rows. Texts are dollar-quoted; the provider binds the @Parameters.
INSERT INTO orleansquery (querykey, querytext)
VALUES
(
    'InsertMembershipVersionKey',
    $q$
    WITH created AS (
        INSERT INTO orleansmembershipversiontable (deploymentid)
        VALUES (@DeploymentId)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer AS row_count FROM created;
    $q$
),
(
    'InsertMembershipKey',
    $q$
    SELECT row_count FROM insert_membership(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
    $q$
),
(
    'UpdateMembershipKey',
    $q$
    SELECT row_count FROM update_membership(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version);
    $q$
),
(
    'UpdateIAmAlivetimeKey',
    $q$
    UPDATE orleansmembershiptable
       SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
     WHERE deploymentid = @DeploymentId
       AND address = @Address
       AND port = @Port
       AND generation = @Generation;
    $q$
),
(
    'MembershipReadRowKey',
    $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname,
           m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable AS v
      LEFT JOIN orleansmembershiptable AS m
             ON m.deploymentid = v.deploymentid
            AND m.address = @Address
            AND m.port = @Port
            AND m.generation = @Generation
     WHERE v.deploymentid = @DeploymentId;
    $q$
),
(
    'MembershipReadAllKey',
    $q$
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname,
           m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
      FROM orleansmembershipversiontable AS v
      LEFT JOIN orleansmembershiptable AS m
             ON m.deploymentid = v.deploymentid
     WHERE v.deploymentid = @DeploymentId;
    $q$
),
(
    'DeleteMembershipTableEntriesKey',
    $q$
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
    $q$
),
(
    'GatewaysQueryKey',
    $q$
    SELECT address, proxyport, generation
      FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId
       AND status = @Status
       AND proxyport > 0;
    $q$
),
(
    -- Fallback bulk prune, only run when CleanupDefunctSiloEntryKey is absent:
    -- dead, unsuspected rows whose start and last heartbeat are both before the cut-off.
    'CleanupDefunctSiloEntriesKey',
    $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId
       AND status = 6
       AND iamalivetime < @IAmAliveTime
       AND starttime < @IAmAliveTime
       AND COALESCE(suspecttimes, '') = '';
    $q$
),
(
    -- Per-row prune: the provider picks the rows itself and deletes each one only if it is still
    -- exactly as it read it (dead, same heartbeat, start time and suspicions).
    'CleanupDefunctSiloEntryKey',
    $q$
    DELETE FROM orleansmembershiptable
     WHERE deploymentid = @DeploymentId
       AND address = @Address
       AND port = @Port
       AND generation = @Generation
       AND status = 6
       AND iamalivetime = @IAmAliveTime
       AND starttime = @StartTime
       AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
    $q$
)
ON CONFLICT (querykey) DO UPDATE
    SET querytext = excluded.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM excluded.querytext;

COMMIT;
