package dev.peregrine.localstack;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The command line of {@link LocalStack}, parsed and validated once so that nothing downstream has to
 * second-guess a string. Relative paths are resolved against the working directory given to
 * {@link #parse}, which keeps the defaults meaningful for "run it from the repository root".
 *
 * @param dataDir    where Kafka, PostgreSQL and the generated tokens keep their state between runs
 * @param replayFile the Binance kline CSV (plain or .gz) ingest-service replays
 * @param speed      replay speed factor; 0 means as fast as possible
 * @param venue      where execution-service sends orders
 * @param help       {@code --help} was given: print the usage and start nothing
 */
public record LocalStackOptions(Path dataDir, Path replayFile, BigDecimal speed, Venue venue, boolean help) {

    public static final String DEFAULT_DATA_DIR = "./.local-stack";
    public static final String DEFAULT_REPLAY_FILE = "../shared/data/binance/klines/BTCUSDT-15m.csv.gz";

    public static final String USAGE = """
            Usage: local-stack.sh [options]
              Runs the whole Peregrine suite on this machine: Kafka and PostgreSQL with their data kept in the
              data dir, and the five services on ports 8081-8085 (management 9081-9085). Stop with Ctrl-C.

              --data-dir=PATH   where Kafka, PostgreSQL and generated tokens keep their data (default %s)
              --replay=FILE     Binance kline CSV to replay, plain or .gz
                                (default %s, relative to the working directory)
              --speed=N         replay speed factor, a number >= 0; 0 replays as fast as possible (default 0)
              --venue=paper     where orders go; only paper trading is available (default paper)
              --help            print this text
            """.formatted(DEFAULT_DATA_DIR, DEFAULT_REPLAY_FILE);

    public LocalStackOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(replayFile, "replayFile");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(venue, "venue");
        if (speed.signum() < 0) {
            throw new IllegalArgumentException("speed must be >= 0");
        }
    }

    /** The venues execution-service can trade on from the local stack. Live venues come with their own safeguards. */
    public enum Venue {
        PAPER
    }

    /**
     * Parses {@code args}; throws {@link UsageException} with a message fit for the user on an unknown
     * option, a repeated option or a bad value.
     */
    public static LocalStackOptions parse(List<String> args, Path workingDirectory) {
        Path dataDir = resolve(workingDirectory, DEFAULT_DATA_DIR, "--data-dir");
        Path replayFile = resolve(workingDirectory, DEFAULT_REPLAY_FILE, "--replay");
        BigDecimal speed = BigDecimal.ZERO;
        Venue venue = Venue.PAPER;
        boolean help = false;
        Set<String> seen = new HashSet<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!Set.of("--data-dir", "--replay", "--speed", "--venue").contains(name)) {
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
                case "--replay" -> replayFile = resolve(workingDirectory, value, name);
                case "--speed" -> speed = parseSpeed(value);
                case "--venue" -> venue = parseVenue(value);
                default -> throw new IllegalStateException(name);
            }
        }
        return new LocalStackOptions(dataDir, replayFile, speed, venue, help);
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

    private static Venue parseVenue(String value) {
        if (value.toLowerCase(Locale.ROOT).equals("paper")) {
            return Venue.PAPER;
        }
        throw new UsageException("--venue=" + value + " is not available: the local stack trades on paper only "
                + "(--venue=paper)");
    }

    /** A command line that cannot be run; the message says what is wrong, {@link #USAGE} says what is right. */
    public static final class UsageException extends RuntimeException {

        public UsageException(String message) {
            super(message);
        }
    }
}
