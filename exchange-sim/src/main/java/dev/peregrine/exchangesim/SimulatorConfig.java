package dev.peregrine.exchangesim;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@link ExchangeSimulator} is made of: addresses, instruments, recorded data, and the limits it
 * enforces (Binance's values by default). Build one with {@link #builder()}.
 *
 * @param host                          address both servers bind to (loopback by default)
 * @param restPort                      REST port, 0 for an ephemeral one
 * @param wsPort                        WebSocket port, 0 for an ephemeral one
 * @param instruments                   the symbols of exchangeInfo (every kline series has one)
 * @param klines                        recorded klines per series, in open-time order
 * @param capture                       recorded stream messages, if any
 * @param clock                         the wall clock: rate-limit windows, bans, stalls, connection ages
 * @param serverTime                    what /api/v3/time reports
 * @param weightLimitPerMinute          REQUEST_WEIGHT limit per minute (Binance spot: 6000)
 * @param weights                       weight per endpoint
 * @param firstBan                      length of a first IP ban (Binance: 2 minutes)
 * @param maxBan                        longest IP ban (Binance: 3 days)
 * @param maxStreamsPerConnection       streams one connection may listen to (Binance: 1024)
 * @param maxIncomingMessagesPerSecond  incoming messages (text, ping, pong) per second before a connection is
 *                                      dropped (Binance: 5)
 * @param pingInterval                  how often the server pings every connection (Binance: 20 seconds)
 * @param pongTimeout                   how long a ping may stay unanswered before the connection is dropped
 *                                      (Binance: 1 minute)
 * @param maxConnectionAge              age at which the server closes a connection (Binance: 24 hours)
 * @param housekeepingPeriod            how often pings, pong timeouts and ages are checked
 * @param klineUpdatesBeforeClose       {@code "x": false} updates sent before each closed kline (default 0)
 * @param trading                       the account behind the signed trading endpoints
 * @param apiRestrictions               what {@code /sapi/v1/account/apiRestrictions} reports at start (changeable
 *                                      while running, see {@link ExchangeSimulator#apiRestrictions(ApiRestrictions)})
 * @param testnet                       behave like Binance's spot testnet: every {@code /sapi/...} path answers 404
 * @param wsApiMaxConnectionAge         age at which the server closes a WebSocket API ({@code /ws-api/v3})
 *                                      connection (Binance: 24 hours)
 */
public record SimulatorConfig(
        String host,
        int restPort,
        int wsPort,
        List<Instrument> instruments,
        Map<SeriesKey, List<Kline>> klines,
        Optional<Capture> capture,
        Clock clock,
        ServerTime serverTime,
        int weightLimitPerMinute,
        RequestWeights weights,
        Duration firstBan,
        Duration maxBan,
        int maxStreamsPerConnection,
        int maxIncomingMessagesPerSecond,
        Duration pingInterval,
        Duration pongTimeout,
        Duration maxConnectionAge,
        Duration housekeepingPeriod,
        int klineUpdatesBeforeClose,
        TradingConfig trading,
        ApiRestrictions apiRestrictions,
        boolean testnet,
        Duration wsApiMaxConnectionAge) {

    private static final System.Logger LOG = System.getLogger(SimulatorConfig.class.getName());

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        instruments = List.copyOf(instruments);
        klines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(klines));
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(serverTime, "serverTime");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(trading, "trading");
        Objects.requireNonNull(apiRestrictions, "apiRestrictions");
        requirePositive(wsApiMaxConnectionAge, "wsApiMaxConnectionAge");
        requirePositive(firstBan, "firstBan");
        requirePositive(maxBan, "maxBan");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(pongTimeout, "pongTimeout");
        requirePositive(maxConnectionAge, "maxConnectionAge");
        requirePositive(housekeepingPeriod, "housekeepingPeriod");
        if (restPort < 0 || restPort > 65535 || wsPort < 0 || wsPort > 65535) {
            throw new IllegalArgumentException("ports must be between 0 (ephemeral) and 65535");
        }
        if (weightLimitPerMinute < 1 || maxStreamsPerConnection < 1 || maxIncomingMessagesPerSecond < 1) {
            throw new IllegalArgumentException("weightLimitPerMinute, maxStreamsPerConnection and "
                    + "maxIncomingMessagesPerSecond must be at least 1");
        }
        if (klineUpdatesBeforeClose < 0) {
            throw new IllegalArgumentException("klineUpdatesBeforeClose cannot be negative");
        }
        List<String> symbols = instruments.stream().map(Instrument::symbol).toList();
        if (symbols.size() != symbols.stream().distinct().count()) {
            throw new IllegalArgumentException("an instrument is configured twice: " + symbols);
        }
        for (SeriesKey key : klines.keySet()) {
            if (!symbols.contains(key.symbol())) {
                throw new IllegalArgumentException("kline series " + key + " has no instrument");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Instrument> instrument(String symbol) {
        return instruments.stream()
                .filter(instrument -> instrument.symbol().equals(symbol))
                .findFirst();
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int restPort;
        private int wsPort;
        private final List<Instrument> instruments = new ArrayList<>();
        private final Map<SeriesKey, List<Kline>> klines = new LinkedHashMap<>();
        private Capture capture;
        private Clock clock = Clock.systemUTC();
        private ServerTime serverTime = ServerTime.MARKET;
        private int weightLimitPerMinute = 6000;
        private RequestWeights weights = RequestWeights.spot();
        private Duration firstBan = Duration.ofMinutes(2);
        private Duration maxBan = Duration.ofDays(3);
        private int maxStreamsPerConnection = 1024;
        private int maxIncomingMessagesPerSecond = 5;
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration pongTimeout = Duration.ofMinutes(1);
        private Duration maxConnectionAge = Duration.ofHours(24);
        private Duration housekeepingPeriod = Duration.ofMillis(100);
        private int klineUpdatesBeforeClose;
        private TradingConfig trading = TradingConfig.defaults();
        private ApiRestrictions apiRestrictions = ApiRestrictions.defaults();
        private boolean testnet;
        private Duration wsApiMaxConnectionAge = Duration.ofHours(24);

        private Builder() {}

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder restPort(int value) {
            this.restPort = value;
            return this;
        }

        public Builder wsPort(int value) {
            this.wsPort = value;
            return this;
        }

        public Builder instrument(Instrument instrument) {
            instruments.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        public Builder klines(SeriesKey series, List<Kline> recorded) {
            klines.put(Objects.requireNonNull(series, "series"), KlineCsv.inOpenTimeOrder(recorded, series.toString()));
            return this;
        }

        public Builder klines(String symbol, KlineInterval interval, List<Kline> recorded) {
            return klines(new SeriesKey(symbol, interval), recorded);
        }

        /** A Binance kline file named {@code <SYMBOL>-<interval>...csv[.gz]}, e.g. {@code BTCUSDT-1h.csv.gz}. */
        public Builder klineFile(Path file) {
            SeriesKey series = KlineCsv.seriesFromFileName(file)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "cannot tell symbol and interval from the file name " + file.getFileName()
                                    + "; name it <SYMBOL>-<interval>.csv[.gz] or use klineFile(series, file)"));
            return klineFile(series, file);
        }

        public Builder klineFile(SeriesKey series, Path file) {
            klines.put(Objects.requireNonNull(series, "series"), KlineCsv.read(file));
            return this;
        }

        public Builder captureFile(Path file) {
            return capture(Capture.read(file));
        }

        public Builder capture(Capture value) {
            this.capture = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder serverTime(ServerTime value) {
            this.serverTime = value;
            return this;
        }

        public Builder weightLimitPerMinute(int value) {
            this.weightLimitPerMinute = value;
            return this;
        }

        public Builder weights(RequestWeights value) {
            this.weights = value;
            return this;
        }

        public Builder banDurations(Duration first, Duration max) {
            this.firstBan = first;
            this.maxBan = max;
            return this;
        }

        public Builder maxStreamsPerConnection(int value) {
            this.maxStreamsPerConnection = value;
            return this;
        }

        public Builder maxIncomingMessagesPerSecond(int value) {
            this.maxIncomingMessagesPerSecond = value;
            return this;
        }

        public Builder pingInterval(Duration value) {
            this.pingInterval = value;
            return this;
        }

        public Builder pongTimeout(Duration value) {
            this.pongTimeout = value;
            return this;
        }

        public Builder maxConnectionAge(Duration value) {
            this.maxConnectionAge = value;
            return this;
        }

        public Builder housekeepingPeriod(Duration value) {
            this.housekeepingPeriod = value;
            return this;
        }

        public Builder klineUpdatesBeforeClose(int value) {
            this.klineUpdatesBeforeClose = value;
            return this;
        }

        public Builder trading(TradingConfig value) {
            this.trading = value;
            return this;
        }

        public Builder apiRestrictions(ApiRestrictions value) {
            this.apiRestrictions = value;
            return this;
        }

        /** Like Binance's spot testnet, which has no {@code /sapi} endpoints: they answer 404. */
        public Builder testnet(boolean value) {
            this.testnet = value;
            return this;
        }

        public Builder wsApiMaxConnectionAge(Duration value) {
            this.wsApiMaxConnectionAge = value;
            return this;
        }

        /** Adds (or replaces) a starting balance, e.g. {@code balance("USDT", "10000")}. */
        public Builder balance(String asset, String amount) {
            this.trading = trading.withBalance(asset, amount);
            return this;
        }

        public Builder apiKeys(String apiKey, String secretKey) {
            this.trading = trading.withKeys(apiKey, secretKey);
            return this;
        }

        /** Symbols with klines but no configured instrument get {@link Instrument#withPlaceholderFilters(String)}. */
        public SimulatorConfig build() {
            List<Instrument> all = new ArrayList<>(instruments);
            for (SeriesKey key : klines.keySet()) {
                if (all.stream().noneMatch(instrument -> instrument.symbol().equals(key.symbol()))) {
                    LOG.log(
                            System.Logger.Level.INFO,
                            "no instrument configured for {0}: using placeholder filters",
                            key.symbol());
                    all.add(Instrument.withPlaceholderFilters(key.symbol()));
                }
            }
            return new SimulatorConfig(
                    host,
                    restPort,
                    wsPort,
                    all,
                    klines,
                    Optional.ofNullable(capture),
                    clock,
                    serverTime,
                    weightLimitPerMinute,
                    weights,
                    firstBan,
                    maxBan,
                    maxStreamsPerConnection,
                    maxIncomingMessagesPerSecond,
                    pingInterval,
                    pongTimeout,
                    maxConnectionAge,
                    housekeepingPeriod,
                    klineUpdatesBeforeClose,
                    trading,
                    apiRestrictions,
                    testnet,
                    wsApiMaxConnectionAge);
        }
    }
}
