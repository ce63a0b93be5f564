package dev.peregrine.ingest.domain.live;

/** Why a series is backfilled over REST. */
public enum BackfillReason {
    /** Its kline stream's connection opened for the first time since the service started. */
    STARTUP,
    /** Its kline stream's connection opened again after a drop or a planned reconnect. */
    RECONNECT,
    /** A live closed kline came after a hole. */
    GAP,
    /** Asked for while a backfill of the series was running: resumes from where that one ended. */
    REPEAT
}
