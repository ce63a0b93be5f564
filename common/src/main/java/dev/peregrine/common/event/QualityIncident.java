package dev.peregrine.common.event;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;

/**
 * A data-quality rule violation or a rejected input record.
 *
 * @param rule     the rule's stable name, e.g. {@code MALFORMED_RECORD}, {@code OHLC_INCONSISTENT}, {@code GAP}
 * @param evidence what was seen (the offending line, the values, the missing range)
 */
public record QualityIncident(
        Envelope envelope,
        Symbol symbol,
        Interval interval,
        String rule,
        Severity severity,
        String source,
        String evidence)
        implements QualityEvent {

    public QualityIncident {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
