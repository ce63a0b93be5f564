package dev.peregrine.ingest.domain.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubscriptionPlanTest {

    private static final Set<StreamType> ALL = Set.of(StreamType.KLINE, StreamType.AGG_TRADE, StreamType.BOOK_TICKER);

    private static List<Symbol> symbols(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Symbol.of("S" + i + "USDT"))
                .toList();
    }

    @Test
    void namesTheStreamsAsBinanceExpectsThemSymbolBySymbol() {
        SubscriptionPlan plan = SubscriptionPlan.of(
                List.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")),
                List.of(Interval.ONE_MINUTE, Interval.FIFTEEN_MINUTES),
                ALL,
                1024);

        assertThat(plan.shards()).hasSize(1);
        Shard shard = plan.shards().getFirst();
        assertThat(shard.name()).isEqualTo("ws-1");
        assertThat(shard.streamNames())
                .containsExactly(
                        "btcusdt@kline_1m",
                        "btcusdt@kline_15m",
                        "btcusdt@aggTrade",
                        "btcusdt@bookTicker",
                        "ethusdt@kline_1m",
                        "ethusdt@kline_15m",
                        "ethusdt@aggTrade",
                        "ethusdt@bookTicker");
        assertThat(shard.klineSeries())
                .containsExactly(
                        new Series(Symbol.of("BTCUSDT"), Interval.ONE_MINUTE),
                        new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES),
                        new Series(Symbol.of("ETHUSDT"), Interval.ONE_MINUTE),
                        new Series(Symbol.of("ETHUSDT"), Interval.FIFTEEN_MINUTES));
        assertThat(shard.tradeSymbols()).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
    }

    @Test
    void exactly1024StreamsFitOneConnectionAndTheNextOneOpensASecond() {
        // 256 symbols x 4 streams = 1024.
        SubscriptionPlan full = SubscriptionPlan.of(
                symbols(256),
                List.of(Interval.ONE_MINUTE, Interval.ONE_HOUR),
                ALL,
                SubscriptionPlan.MAX_STREAMS_PER_CONNECTION);
        assertThat(full.shards()).hasSize(1);
        assertThat(full.streamCount()).isEqualTo(1024);

        SubscriptionPlan oneMore = SubscriptionPlan.of(
                symbols(257),
                List.of(Interval.ONE_MINUTE, Interval.ONE_HOUR),
                ALL,
                SubscriptionPlan.MAX_STREAMS_PER_CONNECTION);
        assertThat(oneMore.shards())
                .extracting(shard -> shard.subscriptions().size())
                .containsExactly(1024, 4);
        assertThat(oneMore.shards().get(1).streamNames())
                .containsExactly("s256usdt@kline_1m", "s256usdt@kline_1h", "s256usdt@aggTrade", "s256usdt@bookTicker");
        assertThat(oneMore.shards()).extracting(Shard::name).containsExactly("ws-1", "ws-2");
    }

    @Test
    void manyStreamsAreSpreadOverConnectionsOfAtMostTheLimitEachStreamOnce() {
        SubscriptionPlan plan = SubscriptionPlan.of(symbols(1000), List.of(Interval.ONE_MINUTE), ALL, 1024);

        assertThat(plan.streamCount()).isEqualTo(3000);
        assertThat(plan.shards())
                .extracting(shard -> shard.subscriptions().size())
                .containsExactly(1024, 1024, 952);
        List<String> all = new ArrayList<>();
        plan.shards().forEach(shard -> all.addAll(shard.streamNames()));
        assertThat(all).hasSize(3000).doesNotHaveDuplicates();
    }

    @Test
    void aSmallerLimitCutsSoonerAndASymbolMayBeSplitAtABoundary() {
        SubscriptionPlan plan = SubscriptionPlan.of(symbols(3), List.of(Interval.ONE_MINUTE), ALL, 4);

        assertThat(plan.shards())
                .extracting(Shard::streamNames)
                .containsExactly(
                        List.of("s0usdt@kline_1m", "s0usdt@aggTrade", "s0usdt@bookTicker", "s1usdt@kline_1m"),
                        List.of("s1usdt@aggTrade", "s1usdt@bookTicker", "s2usdt@kline_1m", "s2usdt@aggTrade"),
                        List.of("s2usdt@bookTicker"));
        assertThat(plan.shards().get(1).klineSeries())
                .containsExactly(new Series(Symbol.of("S2USDT"), Interval.ONE_MINUTE));
    }

    @Test
    void onlyTheChosenStreamTypesRepeatedSymbolsOnceAndLimitsOutsideBinancesAreRefused() {
        SubscriptionPlan klinesOnly = SubscriptionPlan.of(
                List.of(Symbol.of("BTCUSDT"), Symbol.of("BTCUSDT")),
                List.of(Interval.ONE_MINUTE),
                Set.of(StreamType.KLINE),
                1024);
        assertThat(klinesOnly.shards().getFirst().streamNames()).containsExactly("btcusdt@kline_1m");
        assertThat(SubscriptionPlan.of(List.of(), List.of(Interval.ONE_MINUTE), ALL, 1024)
                        .shards())
                .isEmpty();

        assertThatThrownBy(() -> SubscriptionPlan.of(symbols(1), List.of(Interval.ONE_MINUTE), ALL, 1025))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 1024");
        assertThatThrownBy(() -> SubscriptionPlan.of(symbols(1), List.of(Interval.ONE_MINUTE), ALL, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
