package dev.peregrine.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A file of secrets the local stack generated into its data dir ({@code NAME=value} lines, or any text): owner-only
 * (0600) from the moment it exists, replaced atomically, and read back by later runs. Values are never logged.
 */
final class PrivateEnvFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateEnvFile() {}

    /** 32 random bytes, hex: a token or password. */
    static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The file's entries (blank lines, comments and empty values skipped); empty when it does not exist. */
    static Map<String, String> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || equals < 0) {
                    continue;
                }
                String value = line.substring(equals + 1).strip();
                if (!value.isEmpty()) {
                    values.put(line.substring(0, equals).strip(), value);
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes the entries under a one-line comment {@code header}, owner-only ({@link #writeOwnerOnly}). */
    static void write(Path file, String header, Map<String, String> values) {
        StringBuilder text = new StringBuilder("# ").append(header).append('\n');
        values.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        writeOwnerOnly(file, text.toString());
    }

    /**
     * Writes {@code text} under a temporary name that is owner-only from creation, then moves it over the file, so
     * the secrets are never readable by others.
     */
    static void writeOwnerOnly(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (posix(temporary)) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Makes an existing file owner-only again, should someone have widened it. */
    static void restrictToOwner(Path file) {
        try {
            if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + file, e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
