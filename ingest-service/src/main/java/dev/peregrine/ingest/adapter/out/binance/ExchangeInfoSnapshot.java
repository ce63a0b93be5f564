package dev.peregrine.ingest.adapter.out.binance;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.InstrumentSnapshot;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * An exchangeInfo snapshot: a file in the format of Binance's own {@code GET /api/v3/exchangeInfo} answer, read by
 * the same parser as the live answer ({@link ExchangeInfoJson}). The location is {@code classpath:<resource>} or a
 * file path (relative to the working directory). The file is read at every call; it is small.
 *
 * <p>The events' exchange time is the snapshot's {@code serverTime} when it has one, else the time of the sync.
 */
public final class ExchangeInfoSnapshot implements InstrumentSnapshot {

    static final String CLASSPATH = "classpath:";
    /** What a snapshot may weigh; Binance's full spot answer is about 20 MB, the shipped one a few kB. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private final String location;
    private final String fixHint;
    private final Clock clock;

    /**
     * @param location {@code classpath:<resource>} or a file path
     * @param fixHint  how to point ingest at another snapshot, named in every error (e.g. the property)
     */
    public ExchangeInfoSnapshot(String location, String fixHint, Clock clock) {
        this.location = Objects.requireNonNull(location, "location").trim();
        if (this.location.isEmpty()) {
            throw new IllegalArgumentException("no snapshot location given");
        }
        this.fixHint = Objects.requireNonNull(fixHint, "fixHint");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public InstrumentLookup lookup(List<Symbol> symbols) {
        ExchangeInfoJson.Parsed parsed = read();
        List<Instrument> found = parsed.instruments().stream()
                .filter(i -> symbols.contains(i.symbol()))
                .toList();
        List<Symbol> unknown = symbols.stream()
                .filter(symbol -> !parsed.listed().contains(symbol))
                .toList();
        return new InstrumentLookup(found, unknown, parsed.serverTime().orElseGet(clock::instant));
    }

    @Override
    public List<Symbol> symbols() {
        return read().listed();
    }

    private ExchangeInfoJson.Parsed read() {
        String text;
        try {
            text = new String(bytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw unreadable("there is no such file", e);
        } catch (IOException e) {
            throw unreadable("it could not be read: " + e, e);
        } catch (InvalidPathException e) {
            throw unreadable("it is not a file path (" + e.getMessage() + ")", e);
        }
        try {
            return ExchangeInfoJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw unreadable(
                    "it is " + e.getMessage() + " (expected Binance's GET /api/v3/exchangeInfo answer: "
                            + "{\"symbols\": [{\"symbol\": ..., \"filters\": [...]}]})",
                    e);
        }
    }

    private byte[] bytes() throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            ClassLoader loader = Objects.requireNonNullElse(
                    Thread.currentThread().getContextClassLoader(), ExchangeInfoSnapshot.class.getClassLoader());
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new NoSuchFileException(location);
                }
                return limited(in.readNBytes(MAX_BYTES + 1));
            }
        }
        Path path = Path.of(location);
        if (Files.isDirectory(path)) {
            throw new IOException("it is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return limited(in.readNBytes(MAX_BYTES + 1));
        }
    }

    private byte[] limited(byte[] bytes) throws IOException {
        if (bytes.length > MAX_BYTES) {
            throw new IOException("it is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        return bytes;
    }

    private ExchangeUnavailableException unreadable(String why, Exception cause) {
        return new ExchangeUnavailableException(
                "the exchangeInfo snapshot '" + location + "' cannot be used: " + why + ". " + fixHint, cause);
    }
}
