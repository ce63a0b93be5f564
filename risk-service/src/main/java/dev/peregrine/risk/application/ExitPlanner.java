package dev.peregrine.risk.application;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.portfolio.Money18;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import dev.peregrine.risk.domain.portfolio.Reservation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns "close this position" into an EXIT intent that sells only what is held and not already promised to
 * another exit in flight (rounded down to the step size), and reserves it, so one position is never sold twice.
 * Execution cancels the position's resting protective pair before it sells, and sells only what is still held.
 */
final class ExitPlanner {

    private final InstrumentBook instruments;
    private final RiskMetrics metrics;
    private final Clock clock;

    ExitPlanner(InstrumentBook instruments, RiskMetrics metrics, Clock clock) {
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Plans the exit of {@code fraction} (0..1] of what can be sold; empty when nothing can be.
     *
     * @param decisionId the exit's decision id: derived from what caused it, so a repeated cause asks for the same order
     */
    Optional<OrderIntent> exit(
            Book book,
            BookChange change,
            PositionKey key,
            BigDecimal fraction,
            Reason reason,
            UUID decisionId,
            Instant notBefore,
            UUID correlationId) {
        Portfolio portfolio = book.portfolio();
        Optional<Position> position = portfolio.position(key);
        BigDecimal sellable = portfolio.sellable(key);
        if (position.isEmpty() || sellable.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal wanted =
                fraction.compareTo(BigDecimal.ONE) >= 0 ? sellable : Money18.capScale(sellable.multiply(fraction));
        BigDecimal quantity = instruments
                .filtersFor(key.symbol())
                .map(filters -> filters.roundDownToStep(wanted))
                .orElse(Money18.trim(wanted));
        if (quantity.signum() == 0) {
            return Optional.empty();
        }
        UUID signalId = position.get().entrySignalId() != null ? position.get().entrySignalId() : decisionId;
        OrderIntent intent = OrderIntent.exit(
                decisionId,
                signalId,
                key.strategyId(),
                key.symbol(),
                Quantity.of(quantity),
                reason,
                notBefore,
                correlationId,
                clock.instant());
        portfolio.reserve(Reservation.exit(intent.clientOrderId(), key, quantity, notBefore));
        book.recordOrderSent(notBefore);
        change.intents.add(intent);
        metrics.exitSent(reason.code());
        return Optional.of(intent);
    }

    /** Exits every open position (kill switch, breaker flatten), each under an id derived from {@code cause}. */
    List<OrderIntent> flattenAll(Book book, BookChange change, Reason reason, String cause, Instant notBefore) {
        List<OrderIntent> intents = new ArrayList<>();
        for (Position position : book.portfolio().openPositions()) {
            UUID decisionId = DerivedIds.from("exit-decision", position.positionId(), reason.code(), cause);
            exit(book, change, position.key(), BigDecimal.ONE, reason, decisionId, notBefore, decisionId)
                    .ifPresent(intents::add);
        }
        return intents;
    }
}
