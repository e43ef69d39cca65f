-- PostgreSQL bar tables (docs/architecture.md): one per symbol and timeframe, 15 x 9 = 135, idempotent.
-- timestamp is the bar open time. TimescaleDB features are in timescaledb_setup.sql.
-- JSONB columns use lz4 TOAST compression (PostgreSQL 14+ built with lz4, as the official images are).
-- Generated from the catalogue (TradingAlerts.Persistence.Schema.PostgresSchemaScripts); do not edit by hand.
-- Regenerate: dotnet run --project src/TradingAlerts.Collector -- schema --out sql

CREATE TABLE IF NOT EXISTS audjpy_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audjpy_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS audusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS btcusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ethusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS eurusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpjpy_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS gbpusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS ndx100_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS nzdusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS us30_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdcad_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdchf_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS usdjpy_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xagusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_m5 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_m15 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_m30 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_h1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_h2 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_h4 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_h8 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_h12 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS xauusd_d1 (
    timestamp             TIMESTAMPTZ      PRIMARY KEY,
    open                  DOUBLE PRECISION NOT NULL,
    high                  DOUBLE PRECISION NOT NULL,
    low                   DOUBLE PRECISION NOT NULL,
    close                 DOUBLE PRECISION NOT NULL,
    fractals              JSONB COMPRESSION lz4,
    horizontal_trendlines JSONB COMPRESSION lz4,
    diagonal_trendlines   JSONB COMPRESSION lz4,
    momentum_candles      JSONB COMPRESSION lz4,
    keltner_channels      JSONB COMPRESSION lz4,
    tema                  DOUBLE PRECISION,
    hrma                  DOUBLE PRECISION,
    smma                  DOUBLE PRECISION,
    zigzag                JSONB COMPRESSION lz4,
    change_seq            BIGINT           NOT NULL DEFAULT 0
);

-- change_seq: added to bar tables created without it, and indexed; each step only where missing.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY[
        'audjpy_m5',
        'audjpy_m15',
        'audjpy_m30',
        'audjpy_h1',
        'audjpy_h2',
        'audjpy_h4',
        'audjpy_h8',
        'audjpy_h12',
        'audjpy_d1',
        'audusd_m5',
        'audusd_m15',
        'audusd_m30',
        'audusd_h1',
        'audusd_h2',
        'audusd_h4',
        'audusd_h8',
        'audusd_h12',
        'audusd_d1',
        'btcusd_m5',
        'btcusd_m15',
        'btcusd_m30',
        'btcusd_h1',
        'btcusd_h2',
        'btcusd_h4',
        'btcusd_h8',
        'btcusd_h12',
        'btcusd_d1',
        'ethusd_m5',
        'ethusd_m15',
        'ethusd_m30',
        'ethusd_h1',
        'ethusd_h2',
        'ethusd_h4',
        'ethusd_h8',
        'ethusd_h12',
        'ethusd_d1',
        'eurusd_m5',
        'eurusd_m15',
        'eurusd_m30',
        'eurusd_h1',
        'eurusd_h2',
        'eurusd_h4',
        'eurusd_h8',
        'eurusd_h12',
        'eurusd_d1',
        'gbpjpy_m5',
        'gbpjpy_m15',
        'gbpjpy_m30',
        'gbpjpy_h1',
        'gbpjpy_h2',
        'gbpjpy_h4',
        'gbpjpy_h8',
        'gbpjpy_h12',
        'gbpjpy_d1',
        'gbpusd_m5',
        'gbpusd_m15',
        'gbpusd_m30',
        'gbpusd_h1',
        'gbpusd_h2',
        'gbpusd_h4',
        'gbpusd_h8',
        'gbpusd_h12',
        'gbpusd_d1',
        'ndx100_m5',
        'ndx100_m15',
        'ndx100_m30',
        'ndx100_h1',
        'ndx100_h2',
        'ndx100_h4',
        'ndx100_h8',
        'ndx100_h12',
        'ndx100_d1',
        'nzdusd_m5',
        'nzdusd_m15',
        'nzdusd_m30',
        'nzdusd_h1',
        'nzdusd_h2',
        'nzdusd_h4',
        'nzdusd_h8',
        'nzdusd_h12',
        'nzdusd_d1',
        'us30_m5',
        'us30_m15',
        'us30_m30',
        'us30_h1',
        'us30_h2',
        'us30_h4',
        'us30_h8',
        'us30_h12',
        'us30_d1',
        'usdcad_m5',
        'usdcad_m15',
        'usdcad_m30',
        'usdcad_h1',
        'usdcad_h2',
        'usdcad_h4',
        'usdcad_h8',
        'usdcad_h12',
        'usdcad_d1',
        'usdchf_m5',
        'usdchf_m15',
        'usdchf_m30',
        'usdchf_h1',
        'usdchf_h2',
        'usdchf_h4',
        'usdchf_h8',
        'usdchf_h12',
        'usdchf_d1',
        'usdjpy_m5',
        'usdjpy_m15',
        'usdjpy_m30',
        'usdjpy_h1',
        'usdjpy_h2',
        'usdjpy_h4',
        'usdjpy_h8',
        'usdjpy_h12',
        'usdjpy_d1',
        'xagusd_m5',
        'xagusd_m15',
        'xagusd_m30',
        'xagusd_h1',
        'xagusd_h2',
        'xagusd_h4',
        'xagusd_h8',
        'xagusd_h12',
        'xagusd_d1',
        'xauusd_m5',
        'xauusd_m15',
        'xauusd_m30',
        'xauusd_h1',
        'xauusd_h2',
        'xauusd_h4',
        'xauusd_h8',
        'xauusd_h12',
        'xauusd_d1'
    ]
    LOOP
        IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_schema = current_schema() AND table_name = t AND column_name = 'change_seq') THEN
            EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS change_seq BIGINT NOT NULL DEFAULT 0', t);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND tablename = t
                       AND indexname = t || '_change_seq') THEN
            EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (change_seq)', t || '_change_seq', t);
        END IF;
    END LOOP;
END
$$;
