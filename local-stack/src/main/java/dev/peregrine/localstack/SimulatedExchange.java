package dev.peregrine.localstack;

import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineCsv;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.SeriesKey;
import dev.peregrine.exchangesim.ServerTime;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.exchangesim.TradingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * exchange-sim, the bundled Binance simulator, running in this JVM on a recorded kline file, for
 * {@code --exchange-sim}: ingest-service reads its REST API and WebSocket streams as it reads Binance's, and
 * execution-service trades on it as venue BINANCE with a key generated for this run.
 *
 * <p><b>Its clock is the wall clock.</b> execution-service measures the venue's clock once at start-up and refuses
 * intents older than {@code intent-max-age} (10 s) by it, and signed requests must carry a timestamp within
 * {@code recvWindow} of the server's time. Both hold only if the exchange's time runs at the pace of real time and
 * the candles are stamped with it. So the recorded klines keep their prices and volumes, in their order, but are
 * stamped with today's clock: the first {@link #HISTORY} are released at once, in the past (ingest backfills them
 * to warm the analysts up), and every later one is released when its close time passes on the wall clock, one
 * kline per served interval. With speed N the served interval is the recorded one divided by N (15m at 900: 1s
 * klines, one a second), and it has to be an interval Binance has. The server time ({@code /api/v3/time}) is the
 * wall clock, so nothing on the way (recvWindow, the venue clock's offset, the stale-intent rule) is loosened.
 */
final class SimulatedExchange implements AutoCloseable {

    /** The REST port of {@code ./local-stack.sh --exchange-sim}; the WebSocket streams and API are on the next one. */
    static final int DEFAULT_REST_PORT = 8090;

    static final int DEFAULT_WS_PORT = 8091;
    /** Klines released at start, before now: what ingest's start-up backfill reads to warm the analysts up. */
    static final int HISTORY = 300;
    /** The simulated account's quote balance: the same as risk-service's default starting balance. */
    static final String STARTING_QUOTE_BALANCE = "10000";

    static final String EXCHANGE_INFO_SNAPSHOT = "exchange-info/binance-spot-exchangeinfo.json";
    private static final Duration RELEASE_CHECK = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(SimulatedExchange.class);

    private final ExchangeSimulator exchange;
    private final Plan plan;
    private final ApiKey key;
    private final Clock clock;
    private final ScheduledExecutorService pacer;
    private final Instant firstLiveOpen;

    private SimulatedExchange(ExchangeSimulator exchange, Plan plan, ApiKey key, Clock clock, Instant firstLiveOpen) {
        this.exchange = exchange;
        this.plan = plan;
        this.key = key;
        this.clock = clock;
        this.firstLiveOpen = firstLiveOpen;
        this.pacer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("exchange-sim-pacer").daemon(true).factory());
    }

    /**
     * What a run serves: the recorded series of the file (named {@code SYMBOL-INTERVAL.csv[.gz]}) and the interval
     * its klines are served as.
     */
    record Plan(Path file, SeriesKey recorded, KlineInterval served) {

        Plan {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(recorded, "recorded");
            Objects.requireNonNull(served, "served");
        }

        /** The served series: the recorded symbol at the served interval. */
        SeriesKey series() {
            return new SeriesKey(recorded.symbol(), served);
        }

        String symbol() {
            return recorded.symbol();
        }

        /**
         * Checks the file's name and the speed before anything starts. Speed 0 serves one kline a second (1s klines);
         * N serves the recorded interval divided by N, which must be one Binance has.
         */
        static Plan of(Path file, BigDecimal speed) {
            SeriesKey recorded = KlineCsv.seriesFromFileName(file)
                    .orElseThrow(() -> new PlanException("exchange-sim tells the symbol and interval of "
                            + file.getFileName() + " from its name; name the "
                            + "file SYMBOL-INTERVAL.csv[.gz], e.g. BTCUSDT-15m.csv.gz"));
            Duration length = recorded.interval()
                    .fixedLength()
                    .orElseThrow(() -> new PlanException(
                            "exchange-sim cannot pace " + recorded.interval() + " klines (months differ in length)"));
            if (speed.signum() == 0) {
                return new Plan(file, recorded, KlineInterval.S1);
            }
            BigDecimal servedMillis = BigDecimal.valueOf(length.toMillis()).divide(speed, 3, RoundingMode.HALF_EVEN);
            Optional<KlineInterval> served = List.of(KlineInterval.values()).stream()
                    .filter(interval -> interval.fixedLength()
                            .map(d -> BigDecimal.valueOf(d.toMillis()).compareTo(servedMillis) == 0)
                            .orElse(false))
                    .findFirst();
            return new Plan(
                    file,
                    recorded,
                    served.orElseThrow(() -> new PlanException("--speed="
                            + speed.stripTrailingZeros().toPlainString() + " would serve " + recorded.interval()
                            + " klines every "
                            + servedMillis.stripTrailingZeros().toPlainString() + " ms, which is no "
                            + "Binance interval; with exchange-sim the speed must turn " + recorded.interval()
                            + " into one of " + speedsFor(length) + " (or 0: one kline a second)")));
        }

        private static List<String> speedsFor(Duration recorded) {
            List<String> speeds = new ArrayList<>();
            for (KlineInterval interval : KlineInterval.values()) {
                interval.fixedLength()
                        .filter(d -> d.compareTo(recorded) <= 0 && recorded.toMillis() % d.toMillis() == 0)
                        .ifPresent(d ->
                                speeds.add(interval.code() + " (--speed=" + recorded.toMillis() / d.toMillis() + ")"));
            }
            return speeds;
        }
    }

    /** A plan that cannot run; the message says why and what to give instead. */
    static final class PlanException extends RuntimeException {

        PlanException(String message) {
            super(message);
        }
    }

    /** The HMAC key made for one run: the exchange accepts only it; {@link #toString()} masks it. */
    record ApiKey(String apiKey, String secretKey) {

        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        ApiKey {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(secretKey, "secretKey");
        }

        /** 64 random letters and digits each, like Binance's keys. */
        static ApiKey generate(SecureRandom random) {
            return new ApiKey(randomText(random, 64), randomText(random, 64));
        }

        /** The API key's last 4 characters; the secret is never shown. */
        String masked() {
            return "****" + apiKey.substring(apiKey.length() - 4);
        }

        @Override
        public String toString() {
            return "ApiKey[" + masked() + "]";
        }

        private static String randomText(SecureRandom random, int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return text.toString();
        }
    }

    /**
     * Reads the file, stamps its klines with today's clock, starts the exchange on the given ports (0: ephemeral),
     * releases the history and starts releasing the rest in real time.
     */
    static SimulatedExchange start(Plan plan, int restPort, int wsPort, Clock clock) {
        List<Kline> recorded = KlineCsv.read(plan.file());
        if (recorded.size() < 2) {
            throw new PlanException(
                    plan.file() + " holds " + recorded.size() + " kline(s); exchange-sim needs at least 2");
        }
        int history = Math.min(HISTORY, recorded.size() - 1);
        Duration served = plan.served().fixedLength().orElseThrow();
        long step = served.toMillis();
        Instant firstLiveOpen = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), step) * step);
        List<Kline> stamped = restamp(recorded, firstLiveOpen.minusMillis(history * step), served);
        ApiKey key = ApiKey.generate(new SecureRandom());
        SimulatorConfig.Builder config = SimulatorConfig.builder()
                .host("127.0.0.1")
                .restPort(restPort)
                .wsPort(wsPort)
                .clock(clock)
                .serverTime(ServerTime.WALL_CLOCK)
                .klines(plan.series(), stamped)
                .trading(TradingConfig.defaults()
                        .withKeys(key.apiKey(), key.secretKey())
                        .withBalance(quoteAsset(plan.symbol()).orElse("USDT"), STARTING_QUOTE_BALANCE));
        instrument(plan.symbol()).ifPresent(config::instrument);
        ExchangeSimulator exchange = ExchangeSimulator.start(config.build());
        SimulatedExchange simulated = new SimulatedExchange(exchange, plan, key, clock, firstLiveOpen);
        try {
            int released = exchange.advanceTo(clock.instant());
            log.info(
                    "exchange-sim serves {} ({} klines of {}) as {} klines from {}: {} released as history, the rest "
                            + "one every {} s",
                    plan.file(),
                    recorded.size(),
                    plan.recorded(),
                    plan.served(),
                    stamped.getFirst().openTime(),
                    released,
                    served.toMillis() / 1000.0);
            simulated.pacer.scheduleAtFixedRate(
                    simulated::release, RELEASE_CHECK.toMillis(), RELEASE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            simulated.close();
            throw e;
        }
        return simulated;
    }

    /** The klines in their recorded order, values unchanged, one {@code served} apart from {@code firstOpen} on. */
    static List<Kline> restamp(List<Kline> recorded, Instant firstOpen, Duration served) {
        List<Kline> stamped = new ArrayList<>(recorded.size());
        Instant open = firstOpen;
        for (Kline k : recorded) {
            stamped.add(new Kline(
                    open,
                    k.open(),
                    k.high(),
                    k.low(),
                    k.close(),
                    k.volume(),
                    open.plus(served).minusMillis(1),
                    k.quoteVolume(),
                    k.trades(),
                    k.takerBuyBaseVolume(),
                    k.takerBuyQuoteVolume()));
            open = open.plus(served);
        }
        return stamped;
    }

    /**
     * The symbol's exchange filters from ingest-service's shipped exchangeInfo snapshot (real Binance values), so
     * execution's pre-trade checks and the matching engine apply the rules Binance would; empty for a symbol it does
     * not list (exchange-sim then uses placeholder filters).
     */
    static Optional<Instrument> instrument(String symbol) {
        try (InputStream in = SimulatedExchange.class.getClassLoader().getResourceAsStream(EXCHANGE_INFO_SNAPSHOT)) {
            if (in == null) {
                return Optional.empty();
            }
            for (JsonNode node : JsonMapper.builder().build().readTree(in).path("symbols")) {
                if (symbol.equals(node.path("symbol").asString())) {
                    return Optional.of(instrumentOf(node));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Cannot read {} for {}'s filters; exchange-sim uses placeholder filters",
                    EXCHANGE_INFO_SNAPSHOT,
                    symbol,
                    e);
            return Optional.empty();
        }
    }

    private static Instrument instrumentOf(JsonNode symbol) {
        JsonNode price = filter(symbol, "PRICE_FILTER");
        JsonNode lot = filter(symbol, "LOT_SIZE");
        JsonNode marketLot = filter(symbol, "MARKET_LOT_SIZE");
        JsonNode notional = filter(symbol, "NOTIONAL");
        JsonNode minNotional = notional.isMissingNode() ? filter(symbol, "MIN_NOTIONAL") : notional;
        BigDecimal marketMaxQty = decimal(marketLot, "maxQty", decimal(lot, "maxQty", BigDecimal.ZERO));
        BigDecimal maxNotional = decimal(notional, "maxNotional", new BigDecimal("9000000.00000000"));
        return new Instrument(
                symbol.path("symbol").asString(),
                symbol.path("status").asString(),
                symbol.path("baseAsset").asString(),
                symbol.path("quoteAsset").asString(),
                decimal(price, "minPrice", BigDecimal.ZERO),
                decimal(price, "maxPrice", BigDecimal.ZERO),
                decimal(price, "tickSize", BigDecimal.ZERO),
                decimal(lot, "minQty", BigDecimal.ZERO),
                decimal(lot, "maxQty", BigDecimal.ZERO),
                decimal(lot, "stepSize", BigDecimal.ZERO),
                decimal(minNotional, "minNotional", BigDecimal.ZERO),
                notional.isMissingNode() ? Instrument.NotionalFilter.MIN_NOTIONAL : Instrument.NotionalFilter.NOTIONAL,
                marketMaxQty.signum() == 0 ? decimal(lot, "maxQty", BigDecimal.ZERO) : marketMaxQty,
                maxNotional.signum() == 0 ? new BigDecimal("9000000.00000000") : maxNotional);
    }

    private static JsonNode filter(JsonNode symbol, String type) {
        for (JsonNode filter : symbol.path("filters")) {
            if (type.equals(filter.path("filterType").asString())) {
                return filter;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static BigDecimal decimal(JsonNode node, String field, BigDecimal otherwise) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? otherwise : new BigDecimal(value.asString());
    }

    private static Optional<String> quoteAsset(String symbol) {
        return List.of("USDT", "FDUSD", "USDC", "BTC", "ETH", "BNB").stream()
                .filter(symbol::endsWith)
                .findFirst();
    }

    private void release() {
        try {
            exchange.advanceTo(clock.instant());
        } catch (RuntimeException e) {
            log.warn("exchange-sim could not release the next kline", e);
        }
    }

    ExchangeSimulator exchange() {
        return exchange;
    }

    Plan plan() {
        return plan;
    }

    /** The run's key, for the services' settings only: never print it (its {@code toString()} is masked). */
    ApiKey key() {
        return key;
    }

    /** The open time of the first kline released live (the ones before it are the history). */
    Instant firstLiveOpen() {
        return firstLiveOpen;
    }

    String restBaseUrl() {
        return exchange.restBaseUrl();
    }

    String wsBaseUrl() {
        return exchange.wsBaseUrl();
    }

    String wsApiUrl() {
        return exchange.wsApiUrl();
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        exchange.close();
    }
}
