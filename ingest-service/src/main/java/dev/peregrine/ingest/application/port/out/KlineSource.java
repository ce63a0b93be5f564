package dev.peregrine.ingest.application.port.out;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Replay files (kline CSV or WebSocket captures), read line by line whether plain text or gzip. A source may refuse
 * files (outside its directories, not regular files, too large) and bounds what it reads (docs/ingest.md, "Which
 * files a replay may read").
 */
public interface KlineSource {

    /**
     * Why {@code location} cannot be replayed (outside the replay directories, missing, a directory, not a regular
     * file, too large, unreadable), or empty if it can. The reason follows the file's name in a sentence.
     */
    Optional<String> unreadableReason(String location);

    /** The file's name without directories, e.g. {@code BTCUSDT-15m.csv.gz}. */
    String fileName(String location);

    /** Opens a file {@link #unreadableReason} accepts; any other fails with an {@link IOException} saying why. */
    Lines open(String location) throws IOException;

    /**
     * At most the first {@code maxChars} characters of the file's first line (null for an empty file), read without
     * reading the rest of the line: enough to tell the file's format.
     */
    default String head(String location, int maxChars) throws IOException {
        try (Lines lines = open(location)) {
            String first = lines.nextLine();
            return first == null || first.length() <= maxChars ? first : first.substring(0, maxChars);
        }
    }

    /** An open file's lines. */
    interface Lines extends Closeable {

        /**
         * The next line without its line terminator, or null at the end. A line longer than the source's limit comes
         * back cut to the limit, and {@link #cutLength()} then tells its full length.
         */
        String nextLine() throws IOException;

        /** The full length in characters of the line {@link #nextLine()} returned last if it was cut; else 0. */
        default long cutLength() {
            return 0;
        }
    }
}
