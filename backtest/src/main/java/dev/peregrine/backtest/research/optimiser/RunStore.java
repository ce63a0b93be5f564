package dev.peregrine.backtest.research.optimiser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores walk-forward runs as pretty-printed JSON, one file {@code <runId>.json} per run in an output directory, so
 * runs (and the report's results page) can be compared field by field. Decimals are read back as BigDecimal so a
 * stored assignment equals the one that was written.
 */
public final class RunStore {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path directory;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public RunStore(Path directory) {
        this.directory = directory;
    }

    public Path write(WalkForwardRun run) {
        Path file = fileOf(run.runId());
        try {
            Files.createDirectories(directory);
            Files.writeString(file, mapper.writeValueAsString(run) + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run " + run.runId() + " to " + file, e);
        }
    }

    public WalkForwardRun read(String runId) {
        Path file = fileOf(runId);
        try {
            return mapper.readValue(Files.readString(file), WalkForwardRun.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run " + runId + " from " + file, e);
        }
    }

    private Path fileOf(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is 1-100 letters, digits, '.', '_' or '-': " + runId);
        }
        return directory.resolve(runId + ".json");
    }
}
