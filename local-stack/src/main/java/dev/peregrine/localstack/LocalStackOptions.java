package dev.peregrine.localstack;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line of {@link LocalStack}, parsed and validated once so that nothing downstream has to
 * second-guess a string. Relative paths are resolved against the working directory given to
 * {@link #parse}, which keeps the defaults meaningful for "run it from the repository root".
 *
 * @param dataDir    where Kafka, PostgreSQL and the generated tokens keep their state between runs
 * @param marketData where ingest-service gets its market data: Binance's live streams, a replayed file, or
 *                   exchange-sim serving a recorded file
 * @param symbols    the symbols of the live streams (market data {@code binance})
 * @param replayFile the Binance kline CSV (plain or .gz) ingest-service replays (market data {@code replay}) or
 *                   exchange-sim serves (market data {@code exchange-sim})
 * @param speed      replay speed factor; 0 means as fast as possible (for exchange-sim: one kline a second)
 * @param venue      where execution-service sends orders
 * @param help       {@code --help} was given: print the usage and start nothing
 */
public record LocalStackOptions(
        Path dataDir,
        MarketData marketData,
        List<String> symbols,
        Path replayFile,
        BigDecimal speed,
        Venue venue,
        boolean help) {

    public static final String DEFAULT_DATA_DIR = "./.local-stack";
    public static final String DEFAULT_REPLAY_FILE = "../shared/data/binance/klines/BTCUSDT-15m.csv.gz";
    public static final List<String> DEFAULT_SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    /** Shorthand for {@code --market-data=exchange-sim --venue=exchange-sim}. */
    public static final String EXCHANGE_SIM_FLAG = "--exchange-sim";
    /** The kline interval of the live streams. */
    public static final String LIVE_INTERVAL = "1m";

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    public static final String USAGE = """
            Usage: local-stack.sh [options]
              Runs the whole Peregrine suite on this machine: Kafka and PostgreSQL with their data kept in the
              data dir, and the five services on ports 8081-8085 (management 9081-9085). Stop with Ctrl-C; after a
              kill, the next start stops the PostgreSQL the killed stack left running.

              --data-dir=PATH        where the stack keeps its data and its generated secrets (default %s):
                                     Kafka's and PostgreSQL's data and, owner-only (0600) and never printed:
                                       %-19s the REST tokens (OPERATOR and VIEWER)
                                       %-19s the PostgreSQL passwords (libpq format), e.g. PGPASSFILE=<data-dir>/%s
                                       %-19s psql -h 127.0.0.1 -p %d -U postgres peregrine
                                       %-19s one Kafka password per user, and %s,
                                       %-19s a client config for kafka-console-consumer.sh --consumer.config
                                       %-19s (broker 127.0.0.1:%d; consumer groups peregrine-operator-*)
              --market-data=binance  live market data from Binance's public streams, no API key needed (the default;
                                     needs network access to Binance, checked before anything starts)
              --market-data=replay   replay a recorded kline file instead (offline)
              --market-data=exchange-sim
                                     start exchange-sim, the bundled Binance simulator, on the recorded kline file
                                     and take the live feed (REST backfill and WebSocket streams) from it (offline)
              --symbols=A,B          symbols of the live streams, 1m klines (default %s)
              --replay=FILE          Binance kline CSV named SYMBOL-INTERVAL.csv[.gz], plain or .gz: the file to
                                     replay (selects --market-data=replay) or the one exchange-sim serves
                                     (default %s, relative to the working directory)
              --speed=N              replay speed factor, a number >= 0; 0 replays as fast as possible (default 0).
                                     With exchange-sim the klines are stamped with today's clock and released in real
                                     time, so N must turn the file's interval into one Binance has (15m: 1, 3, 5, 15 or 900);
                                     0 releases one kline a second (1s klines)
              --venue=paper          where orders go: paper trading (the default)
              --venue=exchange-sim   execution trades on exchange-sim as venue BINANCE: signed REST orders with a
                                     per-run HMAC key, fills back from its matching engine; needs (and implies)
                                     --market-data=exchange-sim
              --exchange-sim         the whole live path offline: --market-data=exchange-sim --venue=exchange-sim
                                     (REST http://localhost:%d, streams and WebSocket API ws://localhost:%d)
              --help                 print this text
            """.formatted(
                    DEFAULT_DATA_DIR,
                    SecurityTokens.FILE_NAME,
                    PostgresPasswords.FILE_NAME,
                    PostgresPasswords.FILE_NAME,
                    "",
                    PersistentPostgres.DEFAULT_PORT,
                    KafkaCredentials.DIR_NAME + "/",
                    KafkaCredentials.OPERATOR_CLIENT_CONFIG,
                    "",
                    "",
                    PersistentKafka.DEFAULT_BROKER_PORT,
                    String.join(",", DEFAULT_SYMBOLS),
                    DEFAULT_REPLAY_FILE,
                    SimulatedExchange.DEFAULT_REST_PORT,
                    SimulatedExchange.DEFAULT_WS_PORT);

    public LocalStackOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(marketData, "marketData");
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(replayFile, "replayFile");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(venue, "venue");
        if (speed.signum() < 0) {
            throw new IllegalArgumentException("speed must be >= 0");
        }
    }

    /** The venues execution-service can trade on from the local stack. Live venues come with their own safeguards. */
    public enum Venue {
        PAPER,
        /** exchange-sim, traded through execution-service's BINANCE venue. */
        EXCHANGE_SIM
    }

    /** Where ingest-service gets its market data. */
    public enum MarketData {
        /** Binance's public market streams, with a REST backfill. */
        BINANCE,
        /** A recorded kline file. */
        REPLAY,
        /** exchange-sim serving a recorded kline file on today's clock, read like Binance's live feed. */
        EXCHANGE_SIM
    }

    /**
     * Parses {@code args}; throws {@link UsageException} with a message fit for the user on an unknown
     * option, a repeated option or a bad value.
     */
    public static LocalStackOptions parse(List<String> args, Path workingDirectory) {
        Path dataDir = resolve(workingDirectory, DEFAULT_DATA_DIR, "--data-dir");
        Path replayFile = resolve(workingDirectory, DEFAULT_REPLAY_FILE, "--replay");
        MarketData marketData = null;
        List<String> symbols = DEFAULT_SYMBOLS;
        BigDecimal speed = BigDecimal.ZERO;
        Venue venue = null;
        boolean help = false;
        Set<String> seen = new HashSet<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals(EXCHANGE_SIM_FLAG)) {
                if (!seen.add(arg)) {
                    throw new UsageException(arg + " given more than once");
                }
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!Set.of("--data-dir", "--market-data", "--symbols", "--replay", "--speed", "--venue")
                    .contains(name)) {
                throw new UsageException("unknown option: " + arg);
            }
            if (equals < 0) {
                throw new UsageException(name + " needs a value: " + name + "=...");
            }
            if (!seen.add(name)) {
                throw new UsageException(name + " given more than once");
            }
            String value = arg.substring(equals + 1);
            if (value.isBlank()) {
                throw new UsageException(name + " needs a value: " + name + "=...");
            }
            switch (name) {
                case "--data-dir" -> dataDir = resolve(workingDirectory, value, name);
                case "--market-data" -> marketData = parseMarketData(value);
                case "--symbols" -> symbols = parseSymbols(value);
                case "--replay" -> replayFile = resolve(workingDirectory, value, name);
                case "--speed" -> speed = parseSpeed(value);
                case "--venue" -> venue = parseVenue(value);
                default -> throw new IllegalStateException(name);
            }
        }
        if (seen.contains(EXCHANGE_SIM_FLAG)) {
            if (marketData != null || venue != null) {
                throw new UsageException(EXCHANGE_SIM_FLAG + " sets both --market-data=exchange-sim and "
                        + "--venue=exchange-sim; leave those out, or give them without " + EXCHANGE_SIM_FLAG);
            }
            marketData = MarketData.EXCHANGE_SIM;
            venue = Venue.EXCHANGE_SIM;
        }
        if (marketData == null) {
            marketData = venue == Venue.EXCHANGE_SIM
                    ? MarketData.EXCHANGE_SIM
                    : seen.contains("--replay") ? MarketData.REPLAY : MarketData.BINANCE;
        }
        if (venue == null) {
            venue = Venue.PAPER;
        }
        if (venue == Venue.EXCHANGE_SIM && marketData != MarketData.EXCHANGE_SIM) {
            throw new UsageException("--venue=exchange-sim fills orders at the prices exchange-sim serves, so it needs "
                    + "--market-data=exchange-sim (or just give " + EXCHANGE_SIM_FLAG + ")");
        }
        if (marketData == MarketData.BINANCE) {
            for (String replayOnly : List.of("--replay", "--speed")) {
                if (seen.contains(replayOnly)) {
                    throw new UsageException(replayOnly + " applies to a replay; it cannot be combined with "
                            + "--market-data=binance (leave that out, or give --market-data=replay)");
                }
            }
        } else if (seen.contains("--symbols")) {
            throw new UsageException(
                    "--symbols applies to the live Binance streams; a replay or exchange-sim takes its "
                            + "symbol from the file (leave --symbols out, or give --market-data=binance)");
        }
        return new LocalStackOptions(dataDir, marketData, symbols, replayFile, speed, venue, help);
    }

    /** The option that replays the default file, for messages that offer the offline alternative. */
    public static String replayOption() {
        return "--replay=" + DEFAULT_REPLAY_FILE;
    }

    /** The speed as the services' configuration expects it: "0", "60", "0.5", never "6E+1". */
    public String speedText() {
        return speed.signum() == 0 ? "0" : speed.stripTrailingZeros().toPlainString();
    }

    private static Path resolve(Path workingDirectory, String value, String option) {
        try {
            return workingDirectory.resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a valid path: " + value);
        }
    }

    private static BigDecimal parseSpeed(String value) {
        BigDecimal speed;
        try {
            speed = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--speed must be a number >= 0 (0 = as fast as possible), got: " + value);
        }
        if (speed.signum() < 0) {
            throw new UsageException("--speed must be a number >= 0 (0 = as fast as possible), got: " + value);
        }
        return speed;
    }

    private static MarketData parseMarketData(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "binance" -> MarketData.BINANCE;
            case "replay" -> MarketData.REPLAY;
            case "exchange-sim" -> MarketData.EXCHANGE_SIM;
            default ->
                throw new UsageException("--market-data must be binance (live streams), replay (a recorded "
                        + "file) or exchange-sim (a recorded file served by the bundled Binance simulator), got: "
                        + value);
        };
    }

    private static List<String> parseSymbols(String value) {
        List<String> symbols = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String symbol = part.trim().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(symbol).matches()) {
                throw new UsageException("--symbols must list Binance symbols separated by commas, such as "
                        + String.join(",", DEFAULT_SYMBOLS) + "; got: " + value);
            }
            if (!symbols.contains(symbol)) {
                symbols.add(symbol);
            }
        }
        return symbols;
    }

    private static Venue parseVenue(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "paper" -> Venue.PAPER;
            case "exchange-sim" -> Venue.EXCHANGE_SIM;
            default ->
                throw new UsageException("--venue=" + value + " is not available: the local stack trades on "
                        + "paper (--venue=paper) or on the bundled Binance simulator (--venue=exchange-sim), never on a "
                        + "real exchange");
        };
    }

    /** A command line that cannot be run; the message says what is wrong, {@link #USAGE} says what is right. */
    public static final class UsageException extends RuntimeException {

        public UsageException(String message) {
            super(message);
        }
    }
}
