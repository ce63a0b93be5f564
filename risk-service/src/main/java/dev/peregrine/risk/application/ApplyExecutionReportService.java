package dev.peregrine.risk.application;

import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderCanceled;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderPartiallyFilled;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.risk.application.port.in.ApplyExecutionReport;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import dev.peregrine.risk.domain.portfolio.Trade;
import dev.peregrine.risk.domain.portfolio.TradeApplied;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies the venue's reports to the portfolio, each once (by trade id, or by the order's end): trades move cash and
 * positions, an order's end releases its reservation. An entry that fills while the kill switch is on is closed
 * at once, so the kill switch flattens what was already in flight too.
 */
public final class ApplyExecutionReportService implements ApplyExecutionReport {

    private final Book book;
    private final BookKeeper keeper;
    private final RiskLedger ledger;
    private final ExitPlanner exits;
    private final ControlReactions reactions;

    ApplyExecutionReportService(
            Book book, BookKeeper keeper, RiskLedger ledger, ExitPlanner exits, ControlReactions reactions) {
        this.book = Objects.requireNonNull(book, "book");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.exits = Objects.requireNonNull(exits, "exits");
        this.reactions = Objects.requireNonNull(reactions, "reactions");
    }

    @Override
    public void apply(ExecutionReportEvent report) {
        Objects.requireNonNull(report, "report");
        if (report instanceof OrderAccepted) {
            return; // a working order changes nothing the portfolio holds
        }
        String factKey = switch (report) {
            case OrderPartiallyFilled partial -> "trade:" + partial.clientOrderId() + ":" + partial.tradeId();
            case OrderFilled filled -> "filled:" + filled.clientOrderId();
            default -> "ended:" + report.clientOrderId();
        };
        book.locked(() -> {
            keeper.announcePending();
            if (ledger.isApplied(factKey)) {
                // Its first delivery may have been stored and then failed to announce: say the position's state again.
                keeper.reannouncePosition(report.strategyId(), report.symbol(), report.envelope());
                return null;
            }
            Instant at = report.envelope().eventTime();
            BookChange change = new BookChange(factKey, at);
            Portfolio portfolio = book.portfolio();
            PositionKey key = new PositionKey(report.strategyId(), report.symbol());
            switch (report) {
                case OrderPartiallyFilled partial ->
                    record(
                            change,
                            portfolio.applyTrade(new Trade(
                                    partial.clientOrderId(),
                                    key,
                                    partial.side(),
                                    partial.purpose(),
                                    partial.lastQuantity().value(),
                                    partial.lastPrice().value(),
                                    partial.fee().amount(),
                                    partial.fee().currency(),
                                    at)));
                case OrderFilled filled ->
                    portfolio
                            .completeOrder(new Trade(
                                    filled.clientOrderId(),
                                    key,
                                    filled.side(),
                                    filled.purpose(),
                                    filled.quantity().value(),
                                    filled.fillPrice().value(),
                                    filled.fee().amount(),
                                    filled.fee().currency(),
                                    at))
                            .ifPresent(applied -> record(change, applied));
                case OrderCanceled canceled -> portfolio.release(canceled.clientOrderId());
                case OrderRejected rejected -> portfolio.release(rejected.clientOrderId());
                case OrderAccepted accepted -> throw new IllegalStateException("handled above");
            }
            if (report instanceof OrderFilled filled
                    && filled.purpose() == OrderPurpose.ENTRY
                    && book.controls().killSwitch()) {
                UUID decisionId =
                        DerivedIds.from("exit-decision", filled.clientOrderId(), ReasonCodes.KILL_SWITCH_FLATTEN);
                exits.exit(
                        book,
                        change,
                        key,
                        BigDecimal.ONE,
                        Reason.of(
                                ReasonCodes.KILL_SWITCH_FLATTEN,
                                "the kill switch is on: the entry " + filled.clientOrderId()
                                        + " is closed as it fills"),
                        decisionId,
                        portfolio.marketTime().orElse(at),
                        report.envelope().correlationId());
            }
            change.announceValuation = true;
            reactions.apply(
                    book,
                    change,
                    book.controls()
                            .observe(
                                    portfolio.valuation(),
                                    portfolio.marketTime().orElse(at)),
                    portfolio.marketTime().orElse(at));
            if (keeper.store(change)) {
                keeper.announce(change, report.envelope());
            }
            return null;
        });
    }

    private static void record(BookChange change, TradeApplied applied) {
        Optional.ofNullable(applied.after()).ifPresent(change.positions::add);
        change.anomalies.addAll(applied.anomalies());
    }
}
