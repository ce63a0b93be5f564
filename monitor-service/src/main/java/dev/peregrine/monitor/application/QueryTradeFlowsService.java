package dev.peregrine.monitor.application;

import dev.peregrine.monitor.application.port.in.QueryTradeFlows;
import dev.peregrine.monitor.application.port.out.TradeFlowStore;
import dev.peregrine.monitor.domain.RecordedSignal;
import dev.peregrine.monitor.domain.TradeFlow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Answers read-only questions from the store, never returning more rows than the configured maximum. */
public final class QueryTradeFlowsService implements QueryTradeFlows {

    private final TradeFlowStore store;
    private final int maxRows;

    public QueryTradeFlowsService(TradeFlowStore store, int maxRows) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        this.maxRows = maxRows;
    }

    @Override
    public Optional<TradeFlow> tradeFlow(UUID correlationId) {
        Objects.requireNonNull(correlationId, "correlationId");
        TradeFlow flow = TradeFlow.of(correlationId, store.findByCorrelationId(correlationId));
        return flow.isEmpty() ? Optional.empty() : Optional.of(flow);
    }

    @Override
    public List<RecordedSignal> recentSignals(Optional<String> strategyId, OptionalInt limit) {
        int rows = limit.orElse(maxRows);
        if (rows < 1 || rows > maxRows) {
            throw new IllegalArgumentException("limit must be between 1 and " + maxRows + ": " + rows);
        }
        return store.recentSignals(strategyId.filter(id -> !id.isBlank()), rows);
    }
}
