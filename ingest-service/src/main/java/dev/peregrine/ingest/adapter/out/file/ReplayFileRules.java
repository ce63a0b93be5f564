package dev.peregrine.ingest.adapter.out.file;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a replay may read (docs/ingest.md, "Which files a replay may read"): only regular files below one of the
 * {@code allowedDirectories} (after the path is made absolute, normalised and its links resolved), or exactly the
 * {@code configuredFile} that the service's own configuration names, at most {@code maxFileSize} bytes on disk and
 * once decompressed, in lines of at most {@code maxLineLength} characters (a longer line is a rejection, not read
 * into memory).
 *
 * @param allowedDirectories absolute and normalised; relative ones are resolved against the working directory
 * @param configuredFile     {@code peregrine.ingest.replay.file}, absolute and normalised, if set: configuration, as
 *                           trusted as the allowed directories themselves, so it may lie outside them
 * @param maxFileSize        most bytes a replay file may have on disk, and most bytes read from it once decompressed
 * @param maxLineLength      most characters of a line that are read; a longer line is cut and rejected
 */
public record ReplayFileRules(
        List<Path> allowedDirectories, Optional<Path> configuredFile, long maxFileSize, int maxLineLength) {

    /** As {@code ingest-service.yml}: 2 GiB, far above the 14 MB of the largest file in {@code ../shared/data}. */
    public static final long DEFAULT_MAX_FILE_SIZE = 2L * 1024 * 1024 * 1024;
    /** As {@code ingest-service.yml}: 1 Mi characters; the longest real line (a depth snapshot) has about 64,000. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

    public ReplayFileRules {
        allowedDirectories =
                allowedDirectories.stream().map(ReplayFileRules::absolute).toList();
        configuredFile =
                Objects.requireNonNull(configuredFile, "configuredFile").map(ReplayFileRules::absolute);
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("maxFileSize must be at least 1 byte, was " + maxFileSize);
        }
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be at least 1 character, was " + maxLineLength);
        }
    }

    /** Files below {@code directories}, with the default limits and no configured file. */
    public static ReplayFileRules under(Path... directories) {
        return new ReplayFileRules(
                List.of(directories), Optional.empty(), DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINE_LENGTH);
    }

    static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
