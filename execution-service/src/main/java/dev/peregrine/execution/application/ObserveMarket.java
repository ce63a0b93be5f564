package dev.peregrine.execution.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.execution.application.port.in.ObserveMarketUseCase;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.MarketOpenStore;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.domain.MarketOpen;
import dev.peregrine.execution.domain.Order;

import java.util.Objects;

/**
 * Keeps each candle's open (the paper venue's execution prices) and settles every working order of the
 * symbol that the candle makes executable. Together with {@link PlaceOrder}, which looks for an already
 * known fill candle, an order fills at the same candle whichever of intent and candle arrives first.
 */
public final class ObserveMarket implements ObserveMarketUseCase {

    private final MarketOpenStore opens;
    private final OrderStore orders;
    private final OrderExecution execution;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final SymbolLocks locks;

    public ObserveMarket(MarketOpenStore opens, OrderStore orders, OrderExecution execution, ExecutionReports reports,
                         ExecutionReportPublisher publisher, SymbolLocks locks) {
        this.opens = Objects.requireNonNull(opens, "opens");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public void observe(CandleClosed candle) {
        Objects.requireNonNull(candle, "candle");
        MarketOpen open = new MarketOpen(candle.symbol(), candle.interval(), candle.openTime(), candle.open());
        locks.run(candle.symbol(), () -> {
            if (!opens.record(open)) {
                // A candle seen before: its first delivery may have settled orders and then failed to publish
                // their reports before it was acknowledged.
                for (Order settled : orders.settledAt(open.symbol(), open.openTime())) {
                    reports.current(settled).ifPresent(publisher::publish);
                }
            }
            for (Order working : orders.workingBefore(open.symbol(), open.openTime())) {
                execution.settleIfExecuted(working);
            }
        });
    }
}
