package dev.peregrine.risk.application;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.risk.application.port.in.RecordMarketFacts;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.domain.InstrumentFilters;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Instruments update the filters sizing uses; the venue's account snapshots seed a live book once and are then
 * only compared (every difference recorded and counted, never silently overwritten); a paused strategy's positions
 * are closed when configured to.
 */
public final class RecordMarketFactsService implements RecordMarketFacts {

    private final Book book;
    private final BookKeeper keeper;
    private final RiskLedger ledger;
    private final InstrumentBook instruments;
    private final ExitPlanner exits;
    private final boolean exitOnPause;

    RecordMarketFactsService(
            Book book,
            BookKeeper keeper,
            RiskLedger ledger,
            InstrumentBook instruments,
            ExitPlanner exits,
            boolean exitOnPause) {
        this.book = Objects.requireNonNull(book, "book");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.exits = Objects.requireNonNull(exits, "exits");
        this.exitOnPause = exitOnPause;
    }

    @Override
    public void instrument(InstrumentUpdated instrument) {
        instruments.save(
                instrument.symbol(),
                new InstrumentFilters(
                        instrument.status(),
                        instrument.tickSize().value(),
                        instrument.stepSize().value(),
                        instrument.minQuantity().value(),
                        instrument.minNotional().value(),
                        value(instrument.maxQuantity()),
                        value(instrument.marketMaxQuantity()),
                        value(instrument.maxNotional())));
    }

    private static BigDecimal value(dev.peregrine.common.value.Quantity quantity) {
        return quantity == null ? null : quantity.value();
    }

    @Override
    public void account(AccountSnapshot snapshot) {
        String factKey = "account:" + snapshot.envelope().eventId();
        book.locked(() -> {
            if (ledger.isApplied(factKey)) {
                return null;
            }
            Instant at = snapshot.envelope().eventTime();
            Portfolio portfolio = book.portfolio();
            Map<String, BigDecimal> balances = new TreeMap<>();
            snapshot.balances().forEach(b -> balances.merge(b.asset(), b.total(), BigDecimal::add));
            BookChange change = new BookChange(factKey, at);
            if (!portfolio.seeded()) {
                portfolio.seed(balances, at);
                change.announceValuation = true;
            } else {
                portfolio
                        .differencesFrom(balances)
                        .forEach((asset, difference) -> change.anomalies.add("ACCOUNT_DIFFERENCE: " + asset
                                + " book minus " + snapshot.venue() + " = " + difference.toPlainString()));
            }
            if (keeper.store(change)) {
                keeper.announce(change, snapshot.envelope());
            }
            return null;
        });
    }

    @Override
    public void strategyState(StrategyStateChanged changed) {
        if (!exitOnPause || changed.state() != StrategyState.PAUSED) {
            return;
        }
        String factKey = "strategy:" + changed.envelope().eventId();
        book.locked(() -> {
            keeper.announcePending();
            if (ledger.isApplied(factKey)) {
                return null;
            }
            Portfolio portfolio = book.portfolio();
            Instant at = portfolio.marketTime().orElse(changed.envelope().eventTime());
            BookChange change = new BookChange(factKey, at);
            for (Position position : portfolio.openPositions()) {
                if (position.key().strategyId().equals(changed.strategyId())) {
                    UUID decisionId = DerivedIds.from(
                            "exit-decision",
                            position.positionId(),
                            ReasonCodes.STRATEGY_PAUSED,
                            changed.envelope().eventId());
                    exits.exit(
                            book,
                            change,
                            position.key(),
                            BigDecimal.ONE,
                            Reason.of(
                                    ReasonCodes.STRATEGY_PAUSED,
                                    "strategy " + changed.strategyId() + " was paused by " + changed.changedBy() + ": "
                                            + changed.reason()),
                            decisionId,
                            at,
                            changed.envelope().correlationId());
                }
            }
            if (keeper.store(change)) {
                keeper.announce(change, changed.envelope());
            }
            return null;
        });
    }
}
