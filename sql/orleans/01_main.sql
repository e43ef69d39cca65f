-- Orleans ADO.NET providers, PostgreSQL: the query catalogue (apply first, before 02_ and 03_).
--
-- The Orleans ADO.NET providers (Microsoft.Orleans.Clustering.AdoNet and
-- Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql") do not carry their own SQL:
-- at start-up they run  SELECT QueryKey, QueryText FROM OrleansQuery  and then execute the text
-- stored under each well-known key. This file creates that table. It follows the providers'
-- documented contract (table OrleansQuery with columns QueryKey / QueryText; query keys,
-- @Parameter names and result column names are defined by the providers, see 02_ and 03_);
-- everything else here is our own layout.
--
-- Identifiers are lower-case and unquoted: PostgreSQL folds the providers' mixed-case spelling
-- (OrleansQuery, QueryKey) to these names, and Npgsql matches result columns case-insensitively.
--
-- Idempotent: safe to run any number of times on the same database; a re-run changes nothing.

BEGIN;

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64)   NOT NULL,
    querytext varchar(8000) NOT NULL,

    CONSTRAINT orleansquery_key PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS
    'Orleans ADO.NET providers: query text executed by the providers, one row per query key.';

COMMIT;
