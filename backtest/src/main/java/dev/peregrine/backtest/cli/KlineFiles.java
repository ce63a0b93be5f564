package dev.peregrine.backtest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds each symbol's kline file in the data directory, named like Binance's ({@code SYMBOL-INTERVAL.csv.gz}); a
 * missing folder or file is a {@link UsageException} that says which and what is there instead.
 */
public final class KlineFiles {

    private KlineFiles() {}

    public static Map<String, Path> locate(Path dataDir, List<String> symbols, String interval) {
        if (!Files.isDirectory(dataDir)) {
            throw new UsageException(
                    "data directory " + dataDir.toAbsolutePath().normalize() + " does not exist (--data-dir)");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String symbol : symbols) {
            Path file = dataDir.resolve(symbol + "-" + interval + ".csv.gz");
            if (!Files.isReadable(file)) {
                throw new UsageException("no " + interval + " kline file for " + symbol + ": " + file
                        + " is missing (present: " + present(dataDir, interval) + ")");
            }
            files.put(symbol, file);
        }
        return files;
    }

    private static String present(Path dataDir, String interval) {
        String suffix = "-" + interval + ".csv.gz";
        try (Stream<Path> list = Files.list(dataDir)) {
            List<String> names = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length()))
                    .sorted()
                    .toList();
            return names.isEmpty() ? "none at " + interval : String.join(", ", names);
        } catch (IOException e) {
            return "unreadable folder";
        }
    }
}
