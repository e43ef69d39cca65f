-- The alert engine's tables (docs/alert-engine.md), created by the engine at start (idempotent).
-- alert_outbox: every alert, written before any delivery in the transaction that advances the pair's state;
-- status 'pending' (a webhook will be tried at next_attempt_at), 'delivered', 'dead' (MaxAttempts failed tries),
-- or 'none' (no webhook configured when it fired: kept as the record of alerts).
CREATE TABLE IF NOT EXISTS alert_outbox (
    id              TEXT        PRIMARY KEY,
    seq             BIGINT      GENERATED ALWAYS AS IDENTITY,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'delivered', 'dead', 'none')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX IF NOT EXISTS idx_alert_outbox_due ON alert_outbox (next_attempt_at, seq) WHERE status = 'pending';

-- Per pair: the change position to resume from and the last evaluated bar (time, close, Keltner side).
CREATE TABLE IF NOT EXISTS alert_pair_state (
    pair        TEXT             PRIMARY KEY,
    resume      BIGINT           NOT NULL,
    bar_time    BIGINT,
    bar_close   DOUBLE PRECISION NOT NULL DEFAULT 0,
    keltner     SMALLINT,
    updated_at  TIMESTAMPTZ      NOT NULL DEFAULT now()
);

-- Per symbol: whether the confluence score was at or above the threshold, at which data time.
CREATE TABLE IF NOT EXISTS alert_confluence_state (
    symbol      TEXT        PRIMARY KEY,
    above       BOOLEAN     NOT NULL,
    data_time   BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
