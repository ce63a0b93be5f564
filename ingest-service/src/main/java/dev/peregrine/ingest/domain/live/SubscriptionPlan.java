package dev.peregrine.ingest.domain.live;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every stream the feed listens to, cut into connections of at most {@code maxStreamsPerConnection} streams
 * (Binance: 1024 per connection). The streams are listed symbol by symbol, so a symbol's streams share a connection
 * unless it is the one cut in two at a boundary. All of a connection's streams go into its URL
 * ({@code /stream?streams=...}), so connecting sends no SUBSCRIBE message at all.
 */
public record SubscriptionPlan(List<Shard> shards) {

    /** Binance's limit of streams per connection. */
    public static final int MAX_STREAMS_PER_CONNECTION = 1024;

    public SubscriptionPlan {
        shards = List.copyOf(shards);
    }

    /**
     * @param symbols  in the order configured; repeats are ignored
     * @param types    which streams per symbol; {@link StreamType#KLINE} gives one stream per interval
     */
    public static SubscriptionPlan of(
            Collection<Symbol> symbols,
            Collection<Interval> intervals,
            Collection<StreamType> types,
            int maxStreamsPerConnection) {
        if (maxStreamsPerConnection < 1 || maxStreamsPerConnection > MAX_STREAMS_PER_CONNECTION) {
            throw new IllegalArgumentException("a connection carries 1 to " + MAX_STREAMS_PER_CONNECTION
                    + " streams, not " + maxStreamsPerConnection);
        }
        Set<StreamType> wanted = Set.copyOf(types);
        List<Subscription> all = new ArrayList<>();
        for (Symbol symbol : new LinkedHashSet<>(symbols)) {
            if (wanted.contains(StreamType.KLINE)) {
                new LinkedHashSet<>(intervals).forEach(interval -> all.add(Subscription.kline(symbol, interval)));
            }
            if (wanted.contains(StreamType.AGG_TRADE)) {
                all.add(Subscription.of(StreamType.AGG_TRADE, symbol));
            }
            if (wanted.contains(StreamType.BOOK_TICKER)) {
                all.add(Subscription.of(StreamType.BOOK_TICKER, symbol));
            }
        }
        List<Shard> shards = new ArrayList<>();
        for (int from = 0; from < all.size(); from += maxStreamsPerConnection) {
            shards.add(new Shard(
                    shards.size() + 1, all.subList(from, Math.min(all.size(), from + maxStreamsPerConnection))));
        }
        return new SubscriptionPlan(shards);
    }

    public int streamCount() {
        return shards.stream().mapToInt(shard -> shard.subscriptions().size()).sum();
    }
}
