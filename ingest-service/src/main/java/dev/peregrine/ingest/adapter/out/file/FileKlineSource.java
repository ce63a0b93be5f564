package dev.peregrine.ingest.adapter.out.file;

import dev.peregrine.ingest.application.port.out.KlineSource;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Kline files on disk. Gzip is recognised by its magic bytes, so a compressed file is read correctly whatever
 * its name; a file named {@code .gz} that is not compressed is an error rather than garbage lines.
 */
@Component
public class FileKlineSource implements KlineSource {

    private static final int BUFFER = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    @Override
    public Optional<String> unreadableReason(String location) {
        Path path;
        try {
            path = Path.of(location);
        } catch (InvalidPathException e) {
            return Optional.of("is not a valid path: " + e.getReason());
        }
        if (!Files.exists(path)) {
            return Optional.of("does not exist (resolved to " + path.toAbsolutePath().normalize() + ")");
        }
        if (Files.isDirectory(path)) {
            return Optional.of("is a directory, not a kline file");
        }
        if (!Files.isReadable(path)) {
            return Optional.of("is not readable by this service: check its permissions");
        }
        return Optional.empty();
    }

    @Override
    public String fileName(String location) {
        try {
            Path name = Path.of(location).getFileName();
            return name == null ? location : name.toString();
        } catch (InvalidPathException e) {
            return location;
        }
    }

    @Override
    public Lines open(String location) throws IOException {
        Path path = Path.of(location);
        InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try {
            in.mark(2);
            boolean gzip = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
            in.reset();
            if (gzip) {
                in = new GZIPInputStream(in, BUFFER);
            } else if (path.getFileName().toString().endsWith(".gz")) {
                throw new IOException(path.getFileName() + " is named .gz but is not gzip-compressed");
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        return new Lines() {
            @Override
            public String nextLine() throws IOException {
                return reader.readLine();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
