-- SQLite schema of a collector file (docs/architecture.md): one table per symbol, all nine timeframes,
-- each timeframe with indicators computed on that timeframe. seq is max(seq)+1 on every insert
-- or update, so a reader tails changes with seq > cursor; written_at is unix ms UTC of the write.
-- tick_volume, spread (points) and real_volume are MT5's MqlRates fields of the bar; a file created before
-- them gets them by ALTER TABLE ADD COLUMN (0 for the rows it holds).
-- Generated from the catalogue (TradingAlerts.CollectorFile.Sqlite.CollectorSchemaScript); do not edit by hand.
-- Regenerate: dotnet run --project src/TradingAlerts.Collector -- schema --out sql

PRAGMA journal_mode = WAL;

-- The file's identity, created with it (created_at in unix ms UTC): a file recreated, restored or
-- replaced at the same path has another id, so a reader never takes its seq for the old file's.
CREATE TABLE IF NOT EXISTS collector_file (id INTEGER PRIMARY KEY CHECK (id = 1), file_id TEXT NOT NULL, created_at INTEGER NOT NULL);
INSERT OR IGNORE INTO collector_file (id, file_id, created_at) VALUES (1, lower(hex(randomblob(16))), CAST(strftime('%s', 'now') AS INTEGER) * 1000);

CREATE TABLE IF NOT EXISTS AUDJPY (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_audjpy_seq ON AUDJPY (seq);

CREATE TABLE IF NOT EXISTS AUDUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_audusd_seq ON AUDUSD (seq);

CREATE TABLE IF NOT EXISTS BTCUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_btcusd_seq ON BTCUSD (seq);

CREATE TABLE IF NOT EXISTS ETHUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_ethusd_seq ON ETHUSD (seq);

CREATE TABLE IF NOT EXISTS EURUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_eurusd_seq ON EURUSD (seq);

CREATE TABLE IF NOT EXISTS GBPJPY (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_gbpjpy_seq ON GBPJPY (seq);

CREATE TABLE IF NOT EXISTS GBPUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_gbpusd_seq ON GBPUSD (seq);

CREATE TABLE IF NOT EXISTS NDX100 (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_ndx100_seq ON NDX100 (seq);

CREATE TABLE IF NOT EXISTS NZDUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_nzdusd_seq ON NZDUSD (seq);

CREATE TABLE IF NOT EXISTS US30 (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_us30_seq ON US30 (seq);

CREATE TABLE IF NOT EXISTS USDCAD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_usdcad_seq ON USDCAD (seq);

CREATE TABLE IF NOT EXISTS USDCHF (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_usdchf_seq ON USDCHF (seq);

CREATE TABLE IF NOT EXISTS USDJPY (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_usdjpy_seq ON USDJPY (seq);

CREATE TABLE IF NOT EXISTS XAGUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_xagusd_seq ON XAGUSD (seq);

CREATE TABLE IF NOT EXISTS XAUUSD (
    timeframe             TEXT    NOT NULL,
    timestamp             INTEGER NOT NULL,
    open                  REAL    NOT NULL,
    high                  REAL    NOT NULL,
    low                   REAL    NOT NULL,
    close                 REAL    NOT NULL,
    fractals              TEXT,
    horizontal_trendlines TEXT,
    diagonal_trendlines   TEXT,
    momentum_candles      TEXT,
    keltner_channels      TEXT,
    tema                  REAL,
    hrma                  REAL,
    smma                  REAL,
    zigzag                TEXT,
    seq                   INTEGER NOT NULL,
    written_at            INTEGER NOT NULL,
    tick_volume           INTEGER NOT NULL DEFAULT 0,
    spread                INTEGER NOT NULL DEFAULT 0,
    real_volume           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (timeframe, timestamp)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_xauusd_seq ON XAUUSD (seq);
