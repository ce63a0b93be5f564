package dev.peregrine.ingest.domain.quality;

import dev.peregrine.common.event.Severity;
import dev.peregrine.ingest.domain.RejectionReason;

/**
 * Every data-quality rule by its stable name: the name tags {@code peregrine.ingest.quality.incidents{rule}},
 * travels as {@code QualityIncident.rule} and, for candle rules, in {@code CandleClosed.qualityFlags}.
 */
public enum QualityRule {
    /** A record that is not a kline line or a Binance message at all (columns, JSON, fields, timestamps). */
    MALFORMED_RECORD(Severity.WARNING, Scope.RECORD),
    /** A number that is not one, NaN or infinite, negative, a zero price, or beyond any market value. */
    BAD_NUMBER(Severity.WARNING, Scope.RECORD),
    /** low <= min(open, close), max(open, close) <= high, low <= high does not hold. */
    OHLC_INCONSISTENT(Severity.CRITICAL, Scope.CANDLE),
    /** A negative volume, or taker buy volumes above the candle's volumes. */
    VOLUME_INCONSISTENT(Severity.WARNING, Scope.CANDLE),
    /** The open time is not on the interval's grid, or the close time is not open + interval - 1 ms. */
    OFF_GRID(Severity.WARNING, Scope.CANDLE),
    /** Same open time as the previous candle of the series: not published again. */
    DUPLICATE(Severity.INFO, Scope.REFUSAL),
    /** Open time before the previous candle's: not published. */
    OUT_OF_ORDER(Severity.WARNING, Scope.REFUSAL),
    /** Candles are missing between the previous candle of the series and this one. */
    GAP(Severity.WARNING, Scope.CANDLE),
    /** A series had no update for more than N intervals. */
    STALE_STREAM(Severity.CRITICAL, Scope.SERIES),
    /** The close-to-close log return is beyond k robust standard deviations of the recent returns. */
    PRICE_JUMP(Severity.WARNING, Scope.CANDLE),
    /** The kline's close differs from the last trade price at or before its close time. */
    KLINE_CLOSE_VS_LAST_TRADE(Severity.WARNING, Scope.CANDLE);

    /** What a rule judges, which decides what becomes of its subject. */
    public enum Scope {
        /** An input record that could not be read: it is rejected and stored, never published as a candle. */
        RECORD,
        /** A candle that is published with the rule's name among its flags. */
        CANDLE,
        /** A candle that is not published (the series already has it or is past it). */
        REFUSAL,
        /** A whole series, not one candle: reported as an incident only. */
        SERIES
    }

    private final Severity severity;
    private final Scope scope;

    QualityRule(Severity severity, Scope scope) {
        this.severity = severity;
        this.scope = scope;
    }

    public Severity severity() {
        return severity;
    }

    public Scope scope() {
        return scope;
    }

    /** Whether a candle breaking this rule is refused rather than published with the flag. */
    public boolean refusesCandle() {
        return scope == Scope.REFUSAL;
    }

    /** The rule under which a rejected record is reported. */
    public static QualityRule forRejection(RejectionReason reason) {
        return switch (reason) {
            case DUPLICATE -> DUPLICATE;
            case OUT_OF_ORDER -> OUT_OF_ORDER;
            case NOT_A_NUMBER, NOT_FINITE, NEGATIVE_VALUE, ZERO_PRICE, OUT_OF_RANGE -> BAD_NUMBER;
            default -> MALFORMED_RECORD;
        };
    }
}
