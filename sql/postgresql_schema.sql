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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
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
    zigzag                JSONB COMPRESSION lz4
);
