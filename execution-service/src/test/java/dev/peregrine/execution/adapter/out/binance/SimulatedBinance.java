package dev.peregrine.execution.adapter.out.binance;

import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An exchange-sim on real sockets for the adapter's ITs: BTCUSDT (tick 0.01, step 0.00001, min notional 5) on 1m
 * klines that close 100.50, 100.00, 99.20, 99.30 (the first released), 1000 USDT and 2 BTC, 0.1 % commission in the
 * asset received; and a client whose local clock runs an hour behind the venue's market clock.
 *
 * <p>As a JUnit extension ({@code @RegisterExtension final SimulatedBinance binance = SimulatedBinance.perTest()})
 * it starts before each test with the clock synced and stops after it; {@link #start()} starts one by hand.
 */
final class SimulatedBinance implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    static final String API_KEY = "itApiKey0000000000000000000000000000000000000000000000000000Ab12";
    static final String SECRET_KEY = "itSecretKey00000000000000000000000000000000000000000000000000Zz99";
    static final String SYMBOL = "BTCUSDT";
    /** How far behind the venue the client's local clock is. */
    static final Duration LOCAL_CLOCK_BEHIND = Duration.ofHours(1);

    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instrument BTC = Instrument.trading(SYMBOL, "BTC", "USDT", "0.01", "0.00001", "0.00001", "5");
    /** k0 closes 100.50, k1 trades down to 99.80, k2 down to 98.90, k3 closes 99.30. */
    private static final List<Kline> FALLING = List.of(
            Kline.of(KlineInterval.M1, START, "100.00", "101.00", "99.50", "100.50", "3"),
            Kline.of(KlineInterval.M1, START.plusSeconds(60), "100.50", "100.80", "99.80", "100.00", "3"),
            Kline.of(KlineInterval.M1, START.plusSeconds(120), "100.00", "100.20", "98.90", "99.20", "3"),
            Kline.of(KlineInterval.M1, START.plusSeconds(180), "99.20", "99.40", "99.10", "99.30", "3"));

    ExchangeSimulator exchange;
    BinanceSpotRest rest;

    private SimulatedBinance() {}

    /** Started before each test, clock synced, and closed after it. */
    static SimulatedBinance perTest() {
        return new SimulatedBinance();
    }

    /** The exchange with its first kline released and a client that has not synced its clock yet. */
    static SimulatedBinance start() {
        SimulatedBinance binance = new SimulatedBinance();
        binance.open();
        return binance;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open();
        if (!(rest.syncClock() instanceof BinanceAnswer.Ok<Duration>)) {
            throw new IllegalStateException("the clock sync against exchange-sim failed");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void open() {
        exchange = ExchangeSimulator.start(SimulatorConfig.builder()
                .instrument(BTC)
                .klines(SYMBOL, KlineInterval.M1, FALLING)
                .balance("USDT", "1000")
                .balance("BTC", "2")
                .apiKeys(API_KEY, SECRET_KEY)
                .build());
        exchange.advance(1);
        BinanceRestSettings settings =
                BinanceRestSettings.defaults(exchange.restBaseUrl()).withReadTimeout(READ_TIMEOUT);
        rest = BinanceSpotRest.connect(
                BinanceCredentials.hmac(API_KEY, SECRET_KEY), settings, new BehindMarketClock(exchange));
    }

    @Override
    public void close() {
        if (exchange != null) {
            exchange.close();
        }
    }

    /**
     * A local clock that ticks with the venue's market clock (which only moves when klines are released) but reads
     * an hour behind it, like a machine whose clock is off: only the synced offset makes signed calls acceptable.
     */
    private static final class BehindMarketClock extends Clock {
        private final ExchangeSimulator exchange;

        BehindMarketClock(ExchangeSimulator exchange) {
            this.exchange = exchange;
        }

        @Override
        public Instant instant() {
            return exchange.marketNow().minus(LOCAL_CLOCK_BEHIND);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
