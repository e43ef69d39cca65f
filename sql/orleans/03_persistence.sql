-- Orleans ADO.NET grain persistence, PostgreSQL. Apply after 01_main.sql.
--
-- For Microsoft.Orleans.Persistence.AdoNet 10.4.2 used with AddAdoNetGrainStorage(Invariant = "Npgsql").
-- It follows the provider's documented contract: the query keys below are the ones the 10.4.2
-- assembly reads from OrleansQuery, the @Parameter names are the ones it binds
-- (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) and the reads return
-- the column names it reads (PayloadBinary, Version; NewGrainStateVersion for writes); the table,
-- the routine and the SQL itself are our own. 10.4.2 stores the serialized state in PayloadBinary
-- only (it neither sends @PayloadJson / @PayloadXml nor reads those columns).
--
-- Keys: WriteToStorageKey, ReadFromStorageKey, ClearStorageKey (required), and DeleteStorageKey
-- (optional; only needed for DeleteStateOnClear = true, which removes the row instead of
-- emptying it).
--
-- Versioning (the ETag): every successful write or clear returns a new version; a write or clear
-- that does not match the stored version returns the caller's version unchanged (or nothing),
-- which the provider reports as an InconsistentStateException.
--
-- Idempotent: safe to run any number of times on the same database; a re-run changes nothing.

BEGIN;

-- One row per grain state (service, grain type, grain id, key extension).
CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NULL
);

CREATE INDEX IF NOT EXISTS ix_orleansstorage
    ON orleansstorage USING btree (grainidhash, graintypehash);

-- WriteToStorageKey. With a version: update the row holding exactly that version.
-- Without one (state never written): insert the first row, unless one already exists. The insert
-- path takes a transaction advisory lock on the two hashes, so two racing first writes of the same
-- grain cannot both insert. Returns the new version, or the caller's one when nothing was written.
CREATE OR REPLACE FUNCTION writetostorage(
    _grainidhash            integer,
    _grainidn0              bigint,
    _grainidn1              bigint,
    _graintypehash          integer,
    _graintypestring        varchar,
    _grainidextensionstring varchar,
    _serviceid              varchar,
    _grainstateversion      integer,
    _payloadbinary          bytea)
    RETURNS TABLE (newgrainstateversion integer)
    LANGUAGE plpgsql
AS $fn$
DECLARE
    affected integer := 0;
BEGIN
    IF _grainstateversion IS NOT NULL THEN
        UPDATE orleansstorage
           SET payloadbinary = _payloadbinary,
               modifiedon    = now(),
               version       = version + 1
         WHERE grainidhash = _grainidhash
           AND graintypehash = _graintypehash
           AND grainidn0 = _grainidn0
           AND grainidn1 = _grainidn1
           AND graintypestring = _graintypestring
           AND grainidextensionstring IS NOT DISTINCT FROM _grainidextensionstring
           AND serviceid = _serviceid
           AND version = _grainstateversion;
        GET DIAGNOSTICS affected = ROW_COUNT;

        RETURN QUERY SELECT CASE WHEN affected > 0 THEN _grainstateversion + 1 ELSE _grainstateversion END;
        RETURN;
    END IF;

    PERFORM pg_advisory_xact_lock(_grainidhash, _graintypehash);

    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
         grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
    SELECT _grainidhash, _grainidn0, _grainidn1, _graintypehash, _graintypestring,
           _grainidextensionstring, _serviceid, _payloadbinary, now(), 1
     WHERE NOT EXISTS (
           SELECT 1
             FROM orleansstorage
            WHERE grainidhash = _grainidhash
              AND graintypehash = _graintypehash
              AND grainidn0 = _grainidn0
              AND grainidn1 = _grainidn1
              AND graintypestring = _graintypestring
              AND grainidextensionstring IS NOT DISTINCT FROM _grainidextensionstring
              AND serviceid = _serviceid);
    GET DIAGNOSTICS affected = ROW_COUNT;

    RETURN QUERY SELECT CASE WHEN affected > 0 THEN 1 ELSE NULL::integer END;
END
$fn$;

-- The query rows. Texts are dollar-quoted; the provider binds the @Parameters.
INSERT INTO orleansquery (querykey, querytext)
VALUES
(
    'WriteToStorageKey',
    $q$
    SELECT newgrainstateversion FROM writetostorage(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
    $q$
),
(
    'ReadFromStorageKey',
    $q$
    SELECT payloadbinary, version
      FROM orleansstorage
     WHERE grainidhash = @GrainIdHash
       AND graintypehash = @GrainTypeHash
       AND grainidn0 = @GrainIdN0
       AND grainidn1 = @GrainIdN1
       AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND serviceid = @ServiceId;
    $q$
),
(
    -- Empties the state but keeps the row, so the version keeps counting.
    'ClearStorageKey',
    $q$
    UPDATE orleansstorage
       SET payloadbinary = NULL,
           modifiedon    = now(),
           version       = version + 1
     WHERE grainidhash = @GrainIdHash
       AND graintypehash = @GrainTypeHash
       AND grainidn0 = @GrainIdN0
       AND grainidn1 = @GrainIdN1
       AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND serviceid = @ServiceId
       AND version = @GrainStateVersion
    RETURNING version AS newgrainstateversion;
    $q$
),
(
    -- DeleteStateOnClear = true: removes the row; returns a value other than the caller's version.
    'DeleteStorageKey',
    $q$
    DELETE FROM orleansstorage
     WHERE grainidhash = @GrainIdHash
       AND graintypehash = @GrainTypeHash
       AND grainidn0 = @GrainIdN0
       AND grainidn1 = @GrainIdN1
       AND graintypestring = @GrainTypeString
       AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
       AND serviceid = @ServiceId
       AND version = @GrainStateVersion
    RETURNING version + 1 AS newgrainstateversion;
    $q$
)
ON CONFLICT (querykey) DO UPDATE
    SET querytext = excluded.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM excluded.querytext;

COMMIT;
