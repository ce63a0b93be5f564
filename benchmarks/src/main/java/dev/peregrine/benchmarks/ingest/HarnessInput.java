package dev.peregrine.benchmarks.ingest;

import dev.peregrine.ingest.domain.KlineFileName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the ingest harness replays: the kline files or WebSocket captures of the shared data, in which replay format,
 * under which symbol and interval, and the directories ingest must be allowed to read them from.
 */
final class HarnessInput {

    private final HarnessOptions options;
    private final boolean klines;

    HarnessInput(HarnessOptions options) {
        this.options = options;
        this.klines = options.mode() == HarnessOptions.Mode.KLINES;
    }

    /** The directories ingest may replay from: the working copies' and the measured files'. */
    static String replayDirectories(Path work, List<Path> files) {
        Set<String> directories = new LinkedHashSet<>();
        directories.add(work.toAbsolutePath().normalize().toString());
        files.forEach(file ->
                directories.add(file.toAbsolutePath().normalize().getParent().toString()));
        return String.join(",", directories);
    }

    List<Path> inputFiles(Path data) throws IOException {
        Path folder = data.resolve(klines ? "binance/klines" : "binance/ws-capture");
        String glob = klines ? "*-" + options.interval() + ".csv.gz" : "*.log.gz";
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, glob)) {
                found.forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no " + glob + " in " + folder);
        }
        files.sort(null);
        return files;
    }

    String format() {
        return klines ? "klines-csv" : "ws-capture";
    }

    Optional<String> symbolOf(Path file, String override) {
        if (!klines) {
            return Optional.empty();
        }
        return override != null
                ? Optional.of(override)
                : KlineFileName.seriesOf(file.getFileName().toString())
                        .map(series -> series.symbol().value());
    }

    Optional<String> intervalOf(Path file) {
        if (!klines) {
            return Optional.empty();
        }
        return KlineFileName.seriesOf(file.getFileName().toString())
                .map(series -> series.interval().code());
    }
}
