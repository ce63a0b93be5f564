package dev.peregrine.risk.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.portfolio.DroppedMark;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and logs what the bounds on per-symbol state let go of (docs/security.md, "Bounded state"). */
final class StateEvictions {

    static final String MARK = "mark";
    static final String DAILY_CLOSES = "daily-closes";

    private static final Logger log = LoggerFactory.getLogger(StateEvictions.class);

    private final RiskMetrics metrics;

    StateEvictions(RiskMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    void marksDropped(List<DroppedMark> dropped) {
        for (DroppedMark mark : dropped) {
            String reason = mark.why().name().toLowerCase(Locale.ROOT);
            metrics.stateEvicted(MARK, reason);
            log.info(
                    "Dropped the mark of {} ({}, close {} at {}): nothing held or in flight needs it; its next candle"
                            + " marks it again",
                    mark.symbol().value(),
                    reason,
                    mark.mark().price().toPlainString(),
                    mark.mark().at());
        }
    }

    void dailyClosesDropped(List<Symbol> dropped) {
        for (Symbol symbol : dropped) {
            metrics.stateEvicted(DAILY_CLOSES, "capacity");
            log.info(
                    "Dropped the daily closes of {} (capacity): from the next daily grouping it is a group of its own"
                            + " until it has enough returns again",
                    symbol.value());
        }
    }
}
