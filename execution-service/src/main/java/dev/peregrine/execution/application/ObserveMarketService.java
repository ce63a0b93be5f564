package dev.peregrine.execution.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.execution.application.port.in.ObserveMarket;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.MarketCandleStore;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.domain.MarketCandle;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Keeps each candle (open, high, low, close: the paper venue's prices) and settles every working order of the
 * symbol that the candle makes executable: market orders waiting for their next open, and resting protective
 * legs whose stop or take-profit the candle reaches. Together with {@link PlaceOrderService}, which looks for an already
 * known fill candle, an order fills at the same candle whichever of intent and candle arrives first.
 */
public final class ObserveMarketService implements ObserveMarket {

    /** Lifecycle order for reports published again: entries and exits, then fills, then the cancels they caused. */
    private static final Comparator<Order> REPORT_ORDER = Comparator.comparing(
                    (Order order) -> order.role().isProtective())
            .thenComparing(order -> order.state() == OrderState.CANCELED)
            .thenComparing(Order::clientOrderId);

    private final MarketCandleStore candles;
    private final OrderStore orders;
    private final OrderExecution execution;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final SymbolLocks locks;

    public ObserveMarketService(
            MarketCandleStore candles,
            OrderStore orders,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            SymbolLocks locks) {
        this.candles = Objects.requireNonNull(candles, "candles");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public void observe(CandleClosed closed) {
        Objects.requireNonNull(closed, "candle");
        MarketCandle candle = MarketCandle.of(
                closed.symbol(),
                closed.interval(),
                closed.openTime(),
                closed.open(),
                closed.high(),
                closed.low(),
                closed.close());
        locks.run(candle.symbol(), () -> {
            if (!candles.record(candle)) {
                // A candle seen before: its first delivery may have settled orders and then failed to publish
                // their reports before it was acknowledged.
                reportAgainSettledAt(candle);
            }
            for (Order working : orders.workingAt(execution.venueName(), candle.symbol(), candle.openTime())) {
                execution.settleIfExecuted(working);
            }
        });
    }

    private void reportAgainSettledAt(MarketCandle candle) {
        Instant marketTime = candle.openTime();
        List<Order> settled = orders.settledAt(candle.symbol(), marketTime).stream()
                .sorted(REPORT_ORDER)
                .toList();
        for (Order order : settled) {
            reports.current(order).ifPresent(publisher::publish);
            if (order.purpose() == OrderPurpose.ENTRY && order.state() == OrderState.FILLED) {
                // The legs its fill rested: reported whole unless this candle settled them too (then below).
                for (Order leg : orders.relatedTo(order.clientOrderId())) {
                    if (marketTime.equals(leg.settledAt())) {
                        reports.describing(leg).stream().limit(1).forEach(publisher::publish);
                    } else {
                        reports.describing(leg).forEach(publisher::publish);
                    }
                }
            }
        }
    }
}
