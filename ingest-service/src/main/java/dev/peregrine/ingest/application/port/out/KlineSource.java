package dev.peregrine.ingest.application.port.out;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** Replay files (kline CSV or WebSocket captures), read line by line whether plain text or gzip. */
public interface KlineSource {

    /** Why {@code location} cannot be replayed (missing, a directory, unreadable), or empty if it can. */
    Optional<String> unreadableReason(String location);

    /** The file's name without directories, e.g. {@code BTCUSDT-15m.csv.gz}. */
    String fileName(String location);

    Lines open(String location) throws IOException;

    /** An open file's lines. */
    interface Lines extends Closeable {

        /** The next line without its line terminator, or null at the end. */
        String nextLine() throws IOException;
    }
}
