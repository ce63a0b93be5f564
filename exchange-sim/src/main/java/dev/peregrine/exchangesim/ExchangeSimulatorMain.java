package dev.peregrine.exchangesim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone for manual runs, until the process is stopped:
 * <pre>
 * java -cp ... dev.peregrine.exchangesim.ExchangeSimulatorMain --port 8090 --ws-port 8091 \
 *     --klines BTCUSDT-1h.csv.gz,ETHUSDT-1h.csv.gz --capture btcusdt_20240808.log.gz --pace 1s --capture-speed 1
 * </pre>
 * It prints the REST and WebSocket base URLs; drive it further through {@code /sim/...} (see {@link ControlApi}).
 */
public final class ExchangeSimulatorMain {

    private static final String USAGE = """
            usage: ExchangeSimulatorMain [options]
              --host ADDRESS          bind address (default 127.0.0.1)
              --port N                REST port (default 0 = ephemeral)
              --ws-port N             WebSocket port (default 0 = ephemeral)
              --klines FILE[,FILE]    Binance kline files named <SYMBOL>-<interval>...csv[.gz]; repeatable;
                                      SYMBOL:INTERVAL=FILE for other names
              --capture FILE          raw WebSocket capture (<local_ns> <json> per line)
              --advance N             klines of every series to release at start (default 0)
              --pace DURATION         release one kline of every series per DURATION (e.g. 500ms, 2s, PT1M)
              --capture-speed X       replay the capture at X times its recorded pace
              --weight-limit N        request weight per minute (default 6000)
              --server-time market|wall
              --balance ASSET=AMOUNT  starting balance of the trading account, e.g. USDT=10000; repeatable
              --api-key KEY           the API key signed requests must send (default: TradingConfig.DEFAULT_API_KEY,
                                      or the environment variable EXCHANGE_SIM_API_KEY)
              --secret-key SECRET     its HMAC secret (or EXCHANGE_SIM_SECRET_KEY)
              --commission RATE       maker and taker commission rate (default 0.001)
              --commission-asset received|quote
              --slippage FRACTION     MARKET fills this fraction worse than the market price (default 0)
              --api-restriction FLAG=true|false
                                      a flag of /sapi/v1/account/apiRestrictions, e.g. enableWithdrawals=true;
                                      repeatable (default: ipRestrict, enableReading, enableSpotAndMarginTrading)
              --testnet true|false    answer every /sapi path with 404, like Binance's spot testnet
              --ws-api-max-age DURATION
                                      age at which /ws-api/v3 connections are closed (default 24h)
            """;

    private ExchangeSimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig.Builder builder = SimulatorConfig.builder();
        TradingConfig trading = TradingConfig.defaults()
                .withKeys(
                        System.getenv().getOrDefault("EXCHANGE_SIM_API_KEY", TradingConfig.DEFAULT_API_KEY),
                        System.getenv().getOrDefault("EXCHANGE_SIM_SECRET_KEY", TradingConfig.DEFAULT_SECRET_KEY));
        int advance = 0;
        Duration pace = null;
        Double captureSpeed = null;
        ApiRestrictions restrictions = ApiRestrictions.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    System.out.print(USAGE);
                    return;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--host" -> builder.host(value);
                    case "--port" -> builder.restPort(Integer.parseInt(value));
                    case "--ws-port" -> builder.wsPort(Integer.parseInt(value));
                    case "--klines" -> klineFiles(value).forEach(file -> addKlines(builder, file));
                    case "--capture" -> builder.captureFile(existing(value));
                    case "--advance" -> advance = Integer.parseInt(value);
                    case "--pace" -> pace = duration(value);
                    case "--capture-speed" -> captureSpeed = Double.parseDouble(value);
                    case "--weight-limit" -> builder.weightLimitPerMinute(Integer.parseInt(value));
                    case "--server-time" ->
                        builder.serverTime(value.equalsIgnoreCase("wall") ? ServerTime.WALL_CLOCK : ServerTime.MARKET);
                    case "--balance" -> trading = withBalance(trading, value);
                    case "--api-key" -> trading = trading.withKeys(value, trading.secretKey());
                    case "--secret-key" -> trading = trading.withKeys(trading.apiKey(), value);
                    case "--commission" -> trading = trading.withCommission(value, value, trading.commissionAsset());
                    case "--commission-asset" ->
                        trading = trading.withCommission(
                                trading.makerCommission().toPlainString(),
                                trading.takerCommission().toPlainString(),
                                TradingConfig.CommissionAsset.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
                    case "--slippage" -> trading = trading.withSlippage(value);
                    case "--api-restriction" -> restrictions = withRestriction(restrictions, value);
                    case "--testnet" -> builder.testnet(Boolean.parseBoolean(value));
                    case "--ws-api-max-age" -> builder.wsApiMaxConnectionAge(duration(value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            builder.trading(trading).apiRestrictions(restrictions);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        ExchangeSimulator simulator = ExchangeSimulator.start(builder.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "exchange-sim-shutdown"));
        simulator.advance(advance);
        if (pace != null) {
            simulator.play(pace);
        }
        if (captureSpeed != null) {
            simulator.playCapture(captureSpeed);
        }
        System.out.println("REST base URL:      " + simulator.restBaseUrl());
        System.out.println("WebSocket base URL: " + simulator.wsBaseUrl());
        System.out.println("market time:        " + simulator.marketNow());
        stopped.await();
    }

    /** {@code ASSET=AMOUNT}, e.g. {@code USDT=10000}. */
    static TradingConfig withBalance(TradingConfig trading, String spec) {
        int equals = spec.indexOf('=');
        if (equals < 1 || equals == spec.length() - 1) {
            throw new IllegalArgumentException("--balance takes ASSET=AMOUNT, e.g. USDT=10000, not '" + spec + "'");
        }
        return trading.withBalance(
                spec.substring(0, equals).strip(), spec.substring(equals + 1).strip());
    }

    /** {@code FLAG=true|false}, e.g. {@code enableWithdrawals=true}. */
    static ApiRestrictions withRestriction(ApiRestrictions restrictions, String spec) {
        int equals = spec.indexOf('=');
        String value = equals < 0 ? "" : spec.substring(equals + 1).strip();
        if (equals < 1 || !(value.equals("true") || value.equals("false"))) {
            throw new IllegalArgumentException(
                    "--api-restriction takes FLAG=true|false, e.g. enableWithdrawals=true, not '" + spec + "'");
        }
        return restrictions.with(spec.substring(0, equals).strip(), Boolean.parseBoolean(value));
    }

    private static List<String> klineFiles(String value) {
        List<String> files = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                files.add(part.strip());
            }
        }
        return files;
    }

    private static void addKlines(SimulatorConfig.Builder builder, String spec) {
        int equals = spec.indexOf('=');
        if (equals > 0 && spec.substring(0, equals).contains(":")) {
            String[] series = spec.substring(0, equals).split(":", 2);
            builder.klineFile(SeriesKey.of(series[0], series[1]), existing(spec.substring(equals + 1)));
        } else {
            builder.klineFile(existing(spec));
        }
    }

    private static Path existing(String file) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        return path;
    }

    static Duration duration(String text) {
        String value = text.strip();
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default ->
                throw new IllegalArgumentException(
                        "cannot read the duration '" + text + "'; use e.g. 500ms, 2s, 1m or PT1S");
        };
    }
}
