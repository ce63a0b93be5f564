package dev.peregrine.localstack;

import static dev.peregrine.localstack.SecurityTokens.OPERATOR_VARIABLE;
import static dev.peregrine.localstack.SecurityTokens.VIEWER_VARIABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTokensTest {

    @TempDir
    Path dataDir;

    @Test
    void tokensFromTheEnvironmentWinAndNoFileIsWritten() {
        SecurityTokens tokens = SecurityTokens.resolve(
                Map.of(OPERATOR_VARIABLE, "operator-token-0123456789", VIEWER_VARIABLE, "viewer-token-0123456789"),
                dataDir);

        assertThat(tokens.operator()).isEqualTo("operator-token-0123456789");
        assertThat(tokens.viewer()).isEqualTo("viewer-token-0123456789");
        assertThat(tokens.file()).isEmpty();
        assertThat(dataDir.resolve(SecurityTokens.FILE_NAME)).doesNotExist();
    }

    @Test
    void missingTokensAreGeneratedIntoAnOwnerOnlyFileAndReusedOnTheNextStart() throws IOException {
        SecurityTokens first = SecurityTokens.resolve(Map.of(), dataDir);
        SecurityTokens second = SecurityTokens.resolve(Map.of(), dataDir);

        Path file = dataDir.resolve(SecurityTokens.FILE_NAME);
        assertThat(first.file()).contains(file);
        assertThat(first.operator()).matches("[0-9a-f]{64}").isNotEqualTo(first.viewer());
        assertThat(first.viewer()).matches("[0-9a-f]{64}");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(file))
                .contains(OPERATOR_VARIABLE + "=" + first.operator(), VIEWER_VARIABLE + "=" + first.viewer());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.toString()).doesNotContain(first.operator()).doesNotContain(first.viewer());
    }

    @Test
    void aFileMadeReadableByOthersIsRestrictedAgain() throws IOException {
        SecurityTokens.resolve(Map.of(), dataDir);
        Path file = dataDir.resolve(SecurityTokens.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        SecurityTokens.resolve(Map.of(), dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void aSingleTokenFromTheEnvironmentIsCompletedFromTheFile() {
        SecurityTokens generated = SecurityTokens.resolve(Map.of(), dataDir);

        SecurityTokens mixed =
                SecurityTokens.resolve(Map.of(OPERATOR_VARIABLE, "operator-from-the-environment"), dataDir);

        assertThat(mixed.operator()).isEqualTo("operator-from-the-environment");
        assertThat(mixed.viewer()).isEqualTo(generated.viewer());
    }
}
