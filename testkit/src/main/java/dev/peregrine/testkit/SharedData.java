package dev.peregrine.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the real market data that lives beside the project ({@code ../shared/data}): the one lookup for every test,
 * benchmark and tool. It is absent on a fresh clone, so every caller has a fall-back and says which one it used; a
 * test that needs it is skipped ({@link #require}).
 */
public final class SharedData {

    /** System property naming the data folder explicitly (the folder that holds {@code binance/}). */
    public static final String PROPERTY = "peregrine.data";
    /** Environment variable doing the same. */
    public static final String ENVIRONMENT = "PEREGRINE_SHARED_DATA";

    private SharedData() {}

    /** The data folder: the property, the environment variable, else {@code shared/data} next to or above here. */
    public static Optional<Path> root() {
        String explicit = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        return Stream.of(
                        Path.of("..", "shared", "data"),
                        Path.of("..", "..", "shared", "data"),
                        Path.of("shared", "data"))
                .map(path -> path.toAbsolutePath().normalize())
                .filter(Files::isDirectory)
                .findFirst();
    }

    /** {@code relative} under the data folder, if it is there and readable. */
    public static Optional<Path> file(String relative) {
        return root().map(root -> root.resolve(relative)).filter(Files::isReadable);
    }

    /** {@code relative} under the data folder, or the calling test is skipped (the data is absent on a fresh clone). */
    public static Path require(String relative) {
        Optional<Path> file = file(relative);
        assumeTrue(file.isPresent(), "../shared/data/" + relative + " is not present: skipping");
        return file.orElseThrow();
    }
}
