package dev.peregrine.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Checks, before anything starts, that the market data the suite would replay can actually be read.
 * A missing or corrupt file must stop the launch with a clear message: the suite never runs on invented data.
 */
final class MarketDataCheck {

    private MarketDataCheck() {}

    /** Throws {@link UnavailableException} naming the file and the option to pass another one. */
    static void verifyReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UnavailableException(file, "it does not exist or is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new UnavailableException(file, "it is not readable by this user");
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw new UnavailableException(file, "it is empty");
            }
        } catch (IOException e) {
            throw new UnavailableException(file, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    static final class UnavailableException extends RuntimeException {

        UnavailableException(Path file, String reason) {
            super("Market data source unavailable: cannot replay " + file + ": " + reason + ".\n"
                    + "Pass another Binance kline CSV (plain or .gz) with --replay=FILE. Nothing was started.");
        }
    }
}
