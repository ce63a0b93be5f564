package dev.peregrine.risk.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.risk.application.port.in.ObserveCandle;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.sizing.RiskPolicy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Marks the portfolio to a closed candle, lets the controls react to the new value (breaker, drawdown), and closes
 * the symbol's positions held longer than the maximum holding time. The book is stored when the candle touched
 * something held, changed the hour, or caused anything; a candle of a symbol nobody holds only moves a mark.
 */
public final class ObserveCandleService implements ObserveCandle {

    private final Book book;
    private final BookKeeper keeper;
    private final ExitPlanner exits;
    private final ControlReactions reactions;
    private final CorrelationGroupSource groups;
    private final RiskPolicy policy;

    ObserveCandleService(Book book, BookKeeper keeper, ExitPlanner exits, ControlReactions reactions,
                         CorrelationGroupSource groups, RiskPolicy policy) {
        this.book = Objects.requireNonNull(book, "book");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.exits = Objects.requireNonNull(exits, "exits");
        this.reactions = Objects.requireNonNull(reactions, "reactions");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void observe(CandleClosed candle) {
        Objects.requireNonNull(candle, "candle");
        book.locked(() -> {
            groups.observe(candle.symbol(), candle.closeTime(), candle.close().value());
            keeper.announcePending();
            Portfolio portfolio = book.portfolio();
            Instant at = candle.closeTime();
            Optional<Instant> before = portfolio.marketTime();
            boolean firstMark = portfolio.mark(candle.symbol()).isEmpty();
            portfolio.mark(candle.symbol(), candle.close().value(), at);
            BookChange change = new BookChange(null, at);
            change.announceValuation = before.isEmpty()
                    || !before.get().truncatedTo(ChronoUnit.HOURS).equals(portfolio.marketTime().orElseThrow()
                    .truncatedTo(ChronoUnit.HOURS));
            reactions.apply(book, change, book.controls().observe(portfolio.valuation(), at), at);
            boolean held = false;
            for (Position position : portfolio.openPositions()) {
                if (!position.key().symbol().equals(candle.symbol())) {
                    continue;
                }
                held = true;
                Duration maxHolding = policy.maxHoldingTime();
                if (maxHolding != null && !Duration.between(position.openedAt(), at).minus(maxHolding).isNegative()) {
                    // One attempt per candle: an attempt the venue refused (its stop sold first) must not block the next.
                    UUID decisionId = DerivedIds.from("exit-decision", position.positionId(), ReasonCodes.MAX_HOLDING_TIME,
                            at);
                    exits.exit(book, change, position.key(), BigDecimal.ONE, Reason.of(ReasonCodes.MAX_HOLDING_TIME,
                                    "held since " + position.openedAt() + ", longer than " + maxHolding),
                            decisionId, at, candle.envelope().correlationId());
                }
            }
            boolean changed = held || firstMark || change.announceValuation || !change.intents.isEmpty()
                    || !change.transitions.isEmpty();
            if (changed && keeper.store(change)) {
                keeper.announce(change, candle.envelope());
            }
            return null;
        });
    }
}
