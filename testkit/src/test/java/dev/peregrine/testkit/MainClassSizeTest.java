package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's size rule: no main class of the repository (any module's {@code src/main/java}) has more than
 * {@value #LIMIT} lines, so that a class keeps one job and a newcomer can read it in one sitting. Walks the source
 * tree from the repository root (found above this module's directory; skipped when the layout is not there, e.g.
 * when testkit runs from its installed jar) and names every file over the limit with its length. Shown to fail on a
 * generated module holding a {@value #LIMIT}+1-line class.
 */
class MainClassSizeTest {

    static final int LIMIT = 400;
    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", ".mvn");

    @Test
    void noMainClassOfTheRepositoryIsOverTheLimit() {
        Optional<Path> root = repositoryRoot(Path.of("").toAbsolutePath());
        assumeTrue(
                root.isPresent(),
                "no repository layout (mvnw and testkit/pom.xml) above "
                        + Path.of("").toAbsolutePath());
        List<Path> scanned = new ArrayList<>();
        List<String> over = oversized(root.get(), LIMIT, scanned);
        // Guards against a walk that found nothing and so passed: the repository has hundreds of main classes.
        assertThat(scanned).as("main classes found under %s", root.get()).hasSizeGreaterThan(100);
        assertThat(over)
                .as("main classes over %d lines (split them along a real seam)", LIMIT)
                .isEmpty();
    }

    @Test
    void aMainClassOneLineOverTheLimitIsNamedWithItsLength(@TempDir Path tree) throws IOException {
        write(tree.resolve("some-service/src/main/java/dev/example/Big.java"), LIMIT + 1);
        write(tree.resolve("some-service/src/main/java/dev/example/AtTheLimit.java"), LIMIT);
        write(tree.resolve("other/src/main/java/dev/example/deep/Small.java"), 10);
        // Tests and build output are not main classes.
        write(tree.resolve("some-service/src/test/java/dev/example/BigTest.java"), 2 * LIMIT);
        write(tree.resolve("some-service/target/generated-sources/src/main/java/dev/example/Gen.java"), 2 * LIMIT);

        List<Path> scanned = new ArrayList<>();
        assertThat(oversized(tree, LIMIT, scanned))
                .containsExactly("some-service/src/main/java/dev/example/Big.java: 401 lines");
        assertThat(scanned).hasSize(3);
    }

    @Test
    void theRootIsFoundFromAModuleDirectoryAndNotElsewhere(@TempDir Path tree) throws IOException {
        Files.createDirectories(tree.resolve("repo/testkit"));
        Files.writeString(tree.resolve("repo/mvnw"), "");
        Files.writeString(tree.resolve("repo/testkit/pom.xml"), "");
        Files.createDirectories(tree.resolve("repo/risk-service"));

        assertThat(repositoryRoot(tree.resolve("repo/risk-service"))).contains(tree.resolve("repo"));
        assertThat(repositoryRoot(tree)).isEmpty();
    }

    /** "module/src/main/java/…/X.java: N lines" for each main class over {@code limit}, sorted by path. */
    static List<String> oversized(Path root, int limit, List<Path> scanned) {
        List<String> over = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root)
                                    && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (relative.endsWith(".java") && ("/" + relative).contains("/src/main/java/")) {
                        scanned.add(file);
                        long lines =
                                Files.readAllLines(file, StandardCharsets.UTF_8).size();
                        if (lines > limit) {
                            over.add(relative + ": " + lines + " lines");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(over);
        return over;
    }

    /** The nearest directory at or above {@code from} holding {@code mvnw} and {@code testkit/pom.xml}. */
    static Optional<Path> repositoryRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("testkit/pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static void write(Path file, int lines) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append("// line ").append(i).append('\n');
        }
        Files.writeString(file, text);
    }
}
