-- The upper limits of exchangeInfo's filters: LOT_SIZE maxQty, MARKET_LOT_SIZE maxQty and NOTIONAL maxNotional. NULL
-- when the exchange states none (absent, or 0, which Binance's filters read as disabled). A row stored before this
-- migration has none: the next sync that finds limits counts that as a change, stores and publishes them.
ALTER TABLE ingest.instruments
    ADD COLUMN max_qty        numeric CHECK (max_qty > 0),
    ADD COLUMN market_max_qty numeric CHECK (market_max_qty > 0),
    ADD COLUMN max_notional   numeric CHECK (max_notional > 0);
