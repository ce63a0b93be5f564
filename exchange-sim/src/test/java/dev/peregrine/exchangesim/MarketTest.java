package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketTest {

    private static final SeriesKey BTC = new SeriesKey("BTCUSDT", KlineInterval.M1);
    private static final SeriesKey ETH = new SeriesKey("ETHUSDT", KlineInterval.M1);
    private static final SeriesKey BTC_5M = new SeriesKey("BTCUSDT", KlineInterval.M5);

    private static Market market(Map<SeriesKey, List<Kline>> klines) {
        return new Market(klines);
    }

    @Test
    void nothingIsReleasedBeforeAdvanceAndNowIsTheFirstOpen() {
        Market market = market(Map.of(BTC, TestKlines.minutes(3, 100)));

        assertThat(market.released(BTC)).isEmpty();
        assertThat(market.now()).contains(TestKlines.START);
    }

    @Test
    void advanceReleasesTheNextKlinesOfEverySeriesAndMovesNowToTheLastClose() {
        Map<SeriesKey, List<Kline>> klines = new LinkedHashMap<>();
        klines.put(BTC, TestKlines.minutes(3, 100));
        klines.put(ETH, TestKlines.minutes(2, 200));
        Market market = market(klines);

        List<Market.Release> first = market.advance(2);

        assertThat(first).extracting(Market.Release::series).containsExactly(BTC, ETH, BTC, ETH);
        assertThat(market.released(BTC)).hasSize(2);
        assertThat(market.now()).contains(klines.get(BTC).get(1).closeTime());

        assertThat(market.advance(5)).extracting(Market.Release::series).containsExactly(BTC);
        assertThat(market.exhausted()).isTrue();
        assertThat(market.advance(1)).isEmpty();
    }

    @Test
    void advanceToReleasesEverythingClosedByThenInCloseTimeOrderTiesInConfigurationOrder() {
        Map<SeriesKey, List<Kline>> klines = new LinkedHashMap<>();
        klines.put(BTC_5M, List.of(Kline.of(KlineInterval.M5, TestKlines.START, "1", "2", "0.5", "1.5", "1")));
        klines.put(BTC, TestKlines.minutes(6, 100));
        Market market = market(klines);

        List<Market.Release> released = market.advanceTo(Instant.parse("2024-01-01T00:05:00Z"));

        assertThat(released)
                .extracting(release -> release.series().interval() + "#" + release.index())
                .containsExactly("1m#0", "1m#1", "1m#2", "1m#3", "5m#0", "1m#4");
        assertThat(market.now()).contains(Instant.parse("2024-01-01T00:04:59.999Z"));
    }

    @Test
    void tradeIdsRunOnAcrossTheSeries() {
        Kline withTrades = new Kline(
                TestKlines.START,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                TestKlines.START.plusSeconds(59),
                java.math.BigDecimal.ONE,
                7,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE);
        Kline next = new Kline(
                TestKlines.START.plusSeconds(60),
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE,
                TestKlines.START.plusSeconds(119),
                java.math.BigDecimal.ONE,
                3,
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE);
        Market market = market(Map.of(BTC, List.of(withTrades, next)));

        assertThat(market.advance(2)).extracting(Market.Release::firstTradeId).containsExactly(1L, 8L);
        assertThat(market.previousOfLastSeries())
                .get()
                .extracting(Market.Release::index)
                .isEqualTo(0);
    }
}
