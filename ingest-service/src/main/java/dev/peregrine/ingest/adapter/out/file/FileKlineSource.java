package dev.peregrine.ingest.adapter.out.file;

import dev.peregrine.ingest.application.port.out.KlineSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Replay files on disk, read only within {@link ReplayFileRules}: a path is made absolute and normalised (so
 * {@code ..} cannot climb out) and must lie below an allowed directory both as written and once its links are
 * resolved (so a link cannot lead out), and name a regular file (not a directory, device, pipe or socket) of at most
 * the largest size. Reading is bounded too: lines are cut at the longest length ({@link BoundedLines}) and the
 * bytes read, after decompression, at the largest size. Gzip is recognised by its magic bytes, so a compressed file
 * is read correctly whatever its name; a file named {@code .gz} that is not compressed is an error rather than
 * garbage lines.
 */
public class FileKlineSource implements KlineSource {

    private static final int BUFFER = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final ReplayFileRules rules;

    public FileKlineSource(ReplayFileRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public Optional<String> unreadableReason(String location) {
        return check(location).problem();
    }

    /** The file's real path, or why it may not be read. */
    private Checked check(String location) {
        Path path;
        try {
            path = ReplayFileRules.absolute(Path.of(location));
        } catch (InvalidPathException e) {
            return Checked.refused("is not a valid path: " + e.getReason());
        }
        boolean configured = rules.configuredFile().filter(path::equals).isPresent();
        // Checked before anything is looked up, so that a refusal tells nothing about what exists outside.
        if (!configured && rules.allowedDirectories().stream().noneMatch(path::startsWith)) {
            return Checked.refused(outside());
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            return Checked.refused("does not exist (resolved to " + path + ")");
        } catch (IOException | SecurityException e) {
            return Checked.refused("cannot be looked up by this service: check its permissions");
        }
        if (!configured && realAllowedDirectories().stream().noneMatch(real::startsWith)) {
            // A link (the file or a directory on the way) that leads out of the replay directories.
            return Checked.refused(outside());
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return Checked.refused("cannot be looked up by this service: check its permissions");
        }
        if (attributes.isDirectory()) {
            return Checked.refused("is a directory, not a kline file or capture");
        }
        if (!attributes.isRegularFile()) {
            return Checked.refused("is not a regular file (a device, pipe or socket): replays read regular files only");
        }
        if (attributes.size() > rules.maxFileSize()) {
            return Checked.refused("has " + attributes.size() + " bytes, more than the " + rules.maxFileSize()
                    + " a replay reads (peregrine.ingest.replay.max-file-size)");
        }
        if (!Files.isReadable(real)) {
            return Checked.refused("is not readable by this service: check its permissions");
        }
        return new Checked(real, Optional.empty());
    }

    private String outside() {
        return "is not below a replay directory: replays read only regular files below "
                + "peregrine.ingest.replay.allowed-directories ("
                + rules.allowedDirectories().stream().map(Path::toString).collect(Collectors.joining(", ")) + ")";
    }

    /** Looked up at every check: a directory created (or re-linked) after start-up counts as it is now. */
    private List<Path> realAllowedDirectories() {
        return rules.allowedDirectories().stream()
                .flatMap(directory -> {
                    try {
                        return java.util.stream.Stream.of(directory.toRealPath());
                    } catch (IOException | SecurityException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
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
        return new BoundedLines(reader(location), rules.maxLineLength());
    }

    @Override
    public String head(String location, int maxChars) throws IOException {
        try (Reader reader = reader(location)) {
            StringBuilder head = new StringBuilder(maxChars);
            int c;
            while (head.length() < maxChars && (c = reader.read()) >= 0 && c != '\n' && c != '\r') {
                head.append((char) c);
            }
            return head.isEmpty() && reader.read() < 0 ? null : head.toString();
        }
    }

    private Reader reader(String location) throws IOException {
        Checked checked = check(location);
        if (checked.problem().isPresent()) {
            throw new IOException(
                    "replay file '" + location + "' " + checked.problem().get());
        }
        Path path = checked.real();
        String name = path.getFileName().toString();
        // The real path, not followed again: what was checked is what is read.
        InputStream in = new BufferedInputStream(
                new BoundedLines.Capped(
                        Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
                        rules.maxFileSize(),
                        name),
                BUFFER);
        try {
            in.mark(2);
            boolean gzip = in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
            in.reset();
            if (gzip) {
                in = new BoundedLines.Capped(
                        new GZIPInputStream(in, BUFFER), rules.maxFileSize(), name + " once decompressed");
            } else if (name.endsWith(".gz")) {
                throw new IOException(name + " is named .gz but is not gzip-compressed");
            }
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private record Checked(Path real, Optional<String> problem) {

        static Checked refused(String problem) {
            return new Checked(null, Optional.of(problem));
        }
    }
}
