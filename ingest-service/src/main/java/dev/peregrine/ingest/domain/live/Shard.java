package dev.peregrine.ingest.domain.live;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Series;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The streams one WebSocket connection carries; {@code index} names it ({@code ws-<index>}) in logs and events. */
public record Shard(int index, List<Subscription> subscriptions) {

    public Shard {
        subscriptions = List.copyOf(subscriptions);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("a shard carries at least one stream");
        }
    }

    public String name() {
        return "ws-" + index;
    }

    public List<String> streamNames() {
        return subscriptions.stream().map(Subscription::streamName).toList();
    }

    /** The candle series whose kline streams this connection carries: backfilled when it (re)connects. */
    public List<Series> klineSeries() {
        return subscriptions.stream()
                .map(Subscription::series)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    public Set<Symbol> symbols() {
        Set<Symbol> symbols = new LinkedHashSet<>();
        subscriptions.forEach(s -> symbols.add(s.symbol()));
        return symbols;
    }

    /** The symbols whose trades come over this connection: their trade history breaks when it drops. */
    public Set<Symbol> tradeSymbols() {
        Set<Symbol> symbols = new LinkedHashSet<>();
        subscriptions.stream().filter(s -> s.type() == StreamType.AGG_TRADE).forEach(s -> symbols.add(s.symbol()));
        return symbols;
    }
}
