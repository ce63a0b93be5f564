package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Matching and balance arithmetic of the engine, without sockets. */
class MatchingEngineTest {

    private static final Instrument BTC =
            Instrument.trading("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "5");
    private static final Instant NOW = Instant.parse("2024-01-01T00:01:00Z");

    private static MatchingEngine engine(TradingConfig config) {
        return new MatchingEngine(
                config, symbol -> symbol.equals("BTCUSDT") ? Optional.of(BTC) : Optional.empty(), () -> NOW);
    }

    private static MatchingEngine engine() {
        return engine(TradingConfig.defaults().withBalance("USDT", "10000").withBalance("BTC", "1"));
    }

    private static Kline kline(String open, String high, String low, String close) {
        return Kline.of(KlineInterval.M1, TestKlines.START, open, high, low, close, "1");
    }

    private static OrderRequest market(SpotOrder.Side side, String quantity) {
        return new OrderRequest(
                "BTCUSDT",
                side,
                SpotOrder.Type.MARKET,
                SpotOrder.TimeInForce.GTC,
                Optional.of(new BigDecimal(quantity)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static OrderRequest limit(
            SpotOrder.Side side,
            String quantity,
            String price,
            SpotOrder.TimeInForce timeInForce,
            String clientOrderId) {
        return new OrderRequest(
                "BTCUSDT",
                side,
                SpotOrder.Type.LIMIT,
                timeInForce,
                Optional.of(new BigDecimal(quantity)),
                Optional.empty(),
                Optional.of(new BigDecimal(price)),
                Optional.ofNullable(clientOrderId));
    }

    private static BigDecimal free(MatchingEngine engine, String asset) {
        return engine.balances().getOrDefault(asset, Balances.Amounts.ZERO).free();
    }

    private static BigDecimal locked(MatchingEngine engine, String asset) {
        return engine.balances().getOrDefault(asset, Balances.Amounts.ZERO).locked();
    }

    @Test
    void aMarketBuyPaysQuoteAndReceivesBaseLessTheCommission() {
        MatchingEngine engine = engine();
        engine.onKline("BTCUSDT", kline("40000", "40100", "39900", "40012.34"));

        MatchingEngine.Placement placement = engine.place(market(SpotOrder.Side.BUY, "0.12345"));

        SpotTrade fill = placement.fills().getFirst();
        assertThat(fill.price()).isEqualByComparingTo("40012.34");
        assertThat(fill.quoteQty()).isEqualByComparingTo("4939.52337300");
        assertThat(fill.commission()).isEqualByComparingTo("0.00012345");
        assertThat(fill.commissionAsset()).isEqualTo("BTC");
        assertThat(placement.order().status()).isEqualTo(SpotOrder.Status.FILLED);
        assertThat(placement.order().cummulativeQuoteQty()).isEqualByComparingTo("4939.523373");
        assertThat(free(engine, "USDT")).isEqualByComparingTo("5060.476627");
        assertThat(free(engine, "BTC")).isEqualByComparingTo("1.12332655");
    }

    @Test
    void aMarketSellReceivesQuoteLessTheCommissionRoundedHalfUpToEightDecimals() {
        MatchingEngine engine = engine();
        engine.onKline("BTCUSDT", kline("100", "100", "100", "123.45"));

        SpotTrade fill =
                engine.place(market(SpotOrder.Side.SELL, "0.04331")).fills().getFirst();

        // 5.3466195 quote, commission 0.0053466195 -> 0.00534662
        assertThat(fill.quoteQty()).isEqualByComparingTo("5.3466195");
        assertThat(fill.commission()).isEqualByComparingTo("0.00534662");
        assertThat(fill.commissionAsset()).isEqualTo("USDT");
        assertThat(free(engine, "BTC")).isEqualByComparingTo("0.95669");
        assertThat(free(engine, "USDT")).isEqualByComparingTo("10005.34127288");
    }

    @Test
    void quoteCommissionComesOnTopOfABuysCost() {
        MatchingEngine engine = engine(TradingConfig.defaults()
                .withBalance("USDT", "100.10")
                .withCommission("0.001", "0.001", TradingConfig.CommissionAsset.QUOTE));
        engine.onKline("BTCUSDT", kline("100", "100", "100", "100"));

        SpotTrade fill = engine.place(market(SpotOrder.Side.BUY, "1")).fills().getFirst();

        assertThat(fill.commission()).isEqualByComparingTo("0.1");
        assertThat(fill.commissionAsset()).isEqualTo("USDT");
        assertThat(free(engine, "USDT")).isEqualByComparingTo("0");
        assertThat(free(engine, "BTC")).isEqualByComparingTo("1");
        assertThatThrownBy(() -> engine.place(market(SpotOrder.Side.BUY, "0.1")))
                .hasMessage("Account has insufficient balance for requested action.");
    }

    @Test
    void slippageMovesTheFillAgainstTheTraderRoundedToTheTick() {
        MatchingEngine engine = engine(TradingConfig.defaults()
                .withBalance("USDT", "10000")
                .withBalance("BTC", "1")
                .withSlippage("0.001"));
        engine.onKline("BTCUSDT", kline("100", "100", "100", "100.03"));

        assertThat(engine.place(market(SpotOrder.Side.BUY, "1"))
                        .fills()
                        .getFirst()
                        .price())
                .isEqualByComparingTo("100.14");
        assertThat(engine.place(market(SpotOrder.Side.SELL, "1"))
                        .fills()
                        .getFirst()
                        .price())
                .isEqualByComparingTo("99.92");
        // A marketable LIMIT never fills beyond its limit.
        assertThat(engine.place(limit(SpotOrder.Side.BUY, "1", "100.05", SpotOrder.TimeInForce.GTC, null))
                        .fills()
                        .getFirst()
                        .price())
                .isEqualByComparingTo("100.05");
    }

    @Test
    void aMarketOrderByQuoteAmountBuysWhatTheAmountPaysForRoundedDownToTheStep() {
        MatchingEngine engine = engine();
        engine.onKline("BTCUSDT", kline("300", "300", "300", "300"));

        MatchingEngine.Placement placement = engine.place(new OrderRequest(
                "BTCUSDT",
                SpotOrder.Side.BUY,
                SpotOrder.Type.MARKET,
                SpotOrder.TimeInForce.GTC,
                Optional.empty(),
                Optional.of(new BigDecimal("100")),
                Optional.empty(),
                Optional.empty()));

        assertThat(placement.order().origQty()).isEqualByComparingTo("0.33333");
        assertThat(placement.order().origQuoteOrderQty()).isEqualByComparingTo("100");
        assertThat(placement.order().cummulativeQuoteQty()).isEqualByComparingTo("99.999");
    }

    @Test
    void withoutAReleasedKlineThereIsNoBookAndAMarketOrderExpires() {
        MatchingEngine engine = engine();

        MatchingEngine.Placement placement = engine.place(market(SpotOrder.Side.BUY, "1"));

        assertThat(placement.order().status()).isEqualTo(SpotOrder.Status.EXPIRED);
        assertThat(placement.fills()).isEmpty();
        assertThat(free(engine, "USDT")).isEqualByComparingTo("10000");
    }

    @Test
    void aMarketableLimitFillsAtTheMarketAndANonMarketableIocExpires() {
        MatchingEngine engine = engine();
        engine.onKline("BTCUSDT", kline("100", "100", "100", "100"));

        MatchingEngine.Placement taker =
                engine.place(limit(SpotOrder.Side.BUY, "1", "105.00", SpotOrder.TimeInForce.GTC, null));
        MatchingEngine.Placement ioc =
                engine.place(limit(SpotOrder.Side.BUY, "1", "95.00", SpotOrder.TimeInForce.IOC, null));

        assertThat(taker.fills().getFirst().price()).isEqualByComparingTo("100");
        assertThat(taker.fills().getFirst().maker()).isFalse();
        assertThat(ioc.order().status()).isEqualTo(SpotOrder.Status.EXPIRED);
        assertThat(locked(engine, "USDT")).isEqualByComparingTo("0");
    }

    @Test
    void aRestingSellLocksItsBaseAndFillsAsMakerAtItsPriceWhenAKlineHighReachesIt() {
        MatchingEngine engine = engine();
        engine.onKline("BTCUSDT", kline("100", "101", "99", "100"));
        SpotOrder order = engine.place(limit(SpotOrder.Side.SELL, "0.5", "110.00", SpotOrder.TimeInForce.GTC, "tp"))
                .order();
        assertThat(locked(engine, "BTC")).isEqualByComparingTo("0.5");
        assertThat(free(engine, "BTC")).isEqualByComparingTo("0.5");

        assertThat(engine.onKline("BTCUSDT", kline("100", "109.99", "99", "105")))
                .isEmpty();
        List<SpotOrder> filled = engine.onKline("BTCUSDT", kline("105", "112", "104", "111"));

        assertThat(filled).extracting(SpotOrder::orderId).containsExactly(order.orderId());
        assertThat(filled.getFirst().status()).isEqualTo(SpotOrder.Status.FILLED);
        SpotTrade fill = engine.tradesOf(order.orderId()).getFirst();
        assertThat(fill.price()).isEqualByComparingTo("110");
        assertThat(fill.maker()).isTrue();
        assertThat(locked(engine, "BTC")).isEqualByComparingTo("0");
        assertThat(free(engine, "USDT")).isEqualByComparingTo("10054.945");
    }

    @Test
    void cancelReturnsTheLockedFundsAndAClientOrderIdIsFreeAgainAfterwards() {
        MatchingEngine engine = engine();
        engine.onKline("BTCUSDT", kline("100", "101", "99", "100"));
        engine.place(limit(SpotOrder.Side.BUY, "2", "90.00", SpotOrder.TimeInForce.GTC, "dip"));
        assertThat(locked(engine, "USDT")).isEqualByComparingTo("180");
        assertThatThrownBy(
                        () -> engine.place(limit(SpotOrder.Side.BUY, "1", "91.00", SpotOrder.TimeInForce.GTC, "dip")))
                .hasMessage("Duplicate order sent.");

        MatchingEngine.Cancellation cancellation =
                engine.cancel("BTCUSDT", Optional.empty(), Optional.of("dip"), Optional.empty());

        assertThat(cancellation.order().status()).isEqualTo(SpotOrder.Status.CANCELED);
        assertThat(cancellation.cancelClientOrderId()).isEqualTo("sim-cancel-1");
        assertThat(locked(engine, "USDT")).isEqualByComparingTo("0");
        assertThat(free(engine, "USDT")).isEqualByComparingTo("10000");
        assertThat(engine.place(limit(SpotOrder.Side.BUY, "1", "91.00", SpotOrder.TimeInForce.GTC, "dip"))
                        .order()
                        .orderId())
                .isEqualTo(2);
        assertThatThrownBy(() -> engine.cancel("BTCUSDT", Optional.of(1L), Optional.empty(), Optional.empty()))
                .hasMessage("Unknown order sent.");
    }

    @Test
    void concurrentOrdersGetDistinctSequentialIdsAndTheBalancesAddUp() throws Exception {
        MatchingEngine engine = engine(TradingConfig.defaults().withBalance("USDT", "1000"));
        engine.onKline("BTCUSDT", kline("10", "10", "10", "10"));
        List<Future<Long>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() ->
                        engine.place(market(SpotOrder.Side.BUY, "0.5")).order().orderId()));
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> future : futures) {
            ids.add(future.get());
        }

        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(free(engine, "USDT")).isEqualByComparingTo("0");
        assertThat(free(engine, "BTC")).isEqualByComparingTo("99.9");
        assertThat(engine.trades("BTCUSDT"))
                .extracting(SpotTrade::id)
                .doesNotHaveDuplicates()
                .hasSize(200);
    }
}
