package dev.peregrine.risk.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.risk.application.port.in.ObserveCandle;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.portfolio.DroppedMark;
import dev.peregrine.risk.domain.portfolio.MarkBounds;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.sizing.RiskPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Marks the portfolio to a closed candle, lets the controls react to the new value (breaker, drawdown), and closes
 * the symbol's positions held longer than the maximum holding time. The book is stored when the candle touched
 * something held, changed the hour, or caused anything; a candle of a symbol nobody holds only moves a mark.
 *
 * <p>Per-symbol state is bounded by market time, so a replay drops what the live run did: marks no valuation needs
 * are dropped when idle (checked on the hour) or beyond their number (checked when a new symbol appears), and the
 * correlation's daily closes beyond their number of symbols. A dropped symbol that comes back is new again: its
 * candle marks it (and stores the book, as any first mark does); nothing held depended on the dropped mark.
 */
public final class ObserveCandleService implements ObserveCandle {

    private final Book book;
    private final BookKeeper keeper;
    private final ExitPlanner exits;
    private final ControlReactions reactions;
    private final CorrelationGroupSource groups;
    private final RiskPolicy policy;
    private final MarkBounds markBounds;
    private final StateEvictions evictions;

    ObserveCandleService(
            Book book,
            BookKeeper keeper,
            ExitPlanner exits,
            ControlReactions reactions,
            CorrelationGroupSource groups,
            RiskPolicy policy,
            MarkBounds markBounds,
            StateEvictions evictions) {
        this.book = Objects.requireNonNull(book, "book");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.exits = Objects.requireNonNull(exits, "exits");
        this.reactions = Objects.requireNonNull(reactions, "reactions");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.markBounds = Objects.requireNonNull(markBounds, "markBounds");
        this.evictions = Objects.requireNonNull(evictions, "evictions");
    }

    @Override
    public void observe(CandleClosed candle) {
        Objects.requireNonNull(candle, "candle");
        book.locked(() -> {
            Portfolio portfolio = book.portfolio();
            evictions.dailyClosesDropped(groups.observe(
                    candle.symbol(), candle.closeTime(), candle.close().value(), portfolio.heldSymbols()));
            keeper.announcePending();
            Instant at = candle.closeTime();
            Optional<Instant> before = portfolio.marketTime();
            boolean firstMark = portfolio.mark(candle.symbol()).isEmpty();
            portfolio.mark(candle.symbol(), candle.close().value(), at);
            BookChange change = new BookChange(null, at);
            change.announceValuation = before.isEmpty()
                    || !before.get()
                            .truncatedTo(ChronoUnit.HOURS)
                            .equals(portfolio.marketTime().orElseThrow().truncatedTo(ChronoUnit.HOURS));
            List<DroppedMark> dropped =
                    firstMark || change.announceValuation ? portfolio.dropMarks(markBounds) : List.of();
            evictions.marksDropped(dropped);
            reactions.apply(book, change, book.controls().observe(portfolio.valuation(), at), at);
            boolean held = false;
            for (Position position : portfolio.openPositions()) {
                if (!position.key().symbol().equals(candle.symbol())) {
                    continue;
                }
                held = true;
                Duration maxHolding = policy.maxHoldingTime();
                if (maxHolding != null
                        && !Duration.between(position.openedAt(), at)
                                .minus(maxHolding)
                                .isNegative()) {
                    // One attempt per candle: an attempt the venue refused (its stop sold first) must not block the
                    // next.
                    UUID decisionId =
                            DerivedIds.from("exit-decision", position.positionId(), ReasonCodes.MAX_HOLDING_TIME, at);
                    exits.exit(
                            book,
                            change,
                            position.key(),
                            BigDecimal.ONE,
                            Reason.of(
                                    ReasonCodes.MAX_HOLDING_TIME,
                                    "held since " + position.openedAt() + ", longer than " + maxHolding),
                            decisionId,
                            at,
                            candle.envelope().correlationId());
                }
            }
            boolean changed = held
                    || firstMark
                    || !dropped.isEmpty()
                    || change.announceValuation
                    || !change.intents.isEmpty()
                    || !change.transitions.isEmpty();
            if (changed && keeper.store(change)) {
                keeper.announce(change, candle.envelope());
            }
            return null;
        });
    }
}
