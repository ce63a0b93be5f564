package dev.peregrine.monitor.application;

import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.monitor.application.port.in.RecordTradeOutcomes;
import dev.peregrine.monitor.application.port.in.Recording;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.application.port.out.TradeOutcomeStore;
import dev.peregrine.monitor.domain.outcome.TradeOutcome;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Records what each closed position earned. {@code PositionChanged} names the order whose fill changed the position
 * ({@code cause}), so the first update of a position names its entry order; the monitor remembers it, and at the close
 * follows it to the recorded execution reports and from their chain to the signal. When the monitor did not see the
 * position open, or not the entry's reports or signal, the trade is recorded by strategy and symbol without a signal.
 */
public final class RecordTradeOutcomesService implements RecordTradeOutcomes {

    private final TradeOutcomeStore store;
    private final OutcomeMetrics metrics;
    private final Clock clock;

    public RecordTradeOutcomesService(TradeOutcomeStore store, OutcomeMetrics metrics, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Recording positionChanged(PositionChanged position) {
        if (position.status() == PositionChanged.PositionStatus.OPEN) {
            store.savePositionEntry(
                    position.positionId(),
                    position.strategyId(),
                    position.symbol(),
                    position.cause(),
                    position.openedAt());
            return Recording.DUPLICATE;
        }
        Optional<String> entryOrder = store.entryClientOrderId(position.positionId());
        Optional<UUID> signalId = entryOrder.flatMap(store::signalOfOrder);
        TradeOutcome trade = TradeOutcome.closed(position, entryOrder, signalId, clock.instant());
        if (!store.saveTradeOutcome(trade)) {
            return Recording.DUPLICATE;
        }
        metrics.tradeRecorded(trade);
        return Recording.NEW;
    }
}
