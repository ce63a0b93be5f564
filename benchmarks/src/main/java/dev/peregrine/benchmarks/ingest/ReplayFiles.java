package dev.peregrine.benchmarks.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Working copies of the files the harnesses replay: the first lines of a recorded file, and their removal. Shared by
 * the ingest harness, the replay audit and the monitor's cross-check, which all replay cut copies.
 */
public final class ReplayFiles {

    private ReplayFiles() {}

    /** The first {@code lines} data lines of {@code file} (and its header), gzipped under the same name in {@code dir}. */
    public static Path firstLines(Path file, int lines, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName().toString());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            int written = 0;
            String line;
            while (written < lines && (line = in.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                    written++;
                }
            }
        }
        return target;
    }

    /** Deletes {@code dir} and everything under it. */
    public static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
