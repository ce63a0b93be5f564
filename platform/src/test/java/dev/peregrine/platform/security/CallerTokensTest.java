package dev.peregrine.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.platform.security.CallerTokens.Caller;
import dev.peregrine.platform.security.SecurityProperties.NamedToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerTokensTest {

    private static final String ALICE = "alice-token-0123456789";
    private static final String BOB = "bob-token-0123456789ab";
    private static final String CAROL = "carol-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void severalNamedTokensPerRoleEachAuthenticateAsTheirOwnCaller() throws IOException {
        Path bobFile = secretFile("bob", BOB + "\n");
        CallerTokens tokens = CallerTokens.from(new SecurityProperties(
                null,
                null,
                List.of(
                        new NamedToken("alice", "OPERATOR", ALICE, null),
                        new NamedToken("bob", "operator", null, bobFile),
                        new NamedToken("carol", "VIEWER", null, secretFile("carol", "  " + CAROL + "  \r\n")))));

        assertThat(tokens.match(bytes(ALICE))).contains(new Caller("alice", List.of(Roles.OPERATOR, Roles.VIEWER)));
        assertThat(tokens.match(bytes(BOB))).contains(new Caller("bob", List.of(Roles.OPERATOR, Roles.VIEWER)));
        assertThat(tokens.match(bytes(CAROL))).contains(new Caller("carol", List.of(Roles.VIEWER)));
        assertThat(tokens.match(bytes(BOB + "\n")))
                .as("the file's newline is not part of the token")
                .isEmpty();
        assertThat(tokens.match(bytes("alice-token-012345678"))).isEmpty();
        assertThat(tokens.anyWithRole(Roles.OPERATOR)).isTrue();
    }

    @Test
    void roleTokensKeepWorkingAsTheCallersOperatorAndViewerNextToNamedOnes() {
        CallerTokens tokens = CallerTokens.from(new SecurityProperties(
                "operator-token-0123456789",
                "viewer-token-0123456789",
                List.of(new NamedToken("alice", "VIEWER", ALICE, null))));

        assertThat(tokens.callers()).extracting(Caller::name).containsExactly("operator", "viewer", "alice");
        assertThat(tokens.match(bytes("operator-token-0123456789")))
                .map(Caller::name)
                .contains("operator");
        assertThat(tokens.match(bytes("viewer-token-0123456789")))
                .map(Caller::name)
                .contains("viewer");
        assertThat(tokens.match(bytes(ALICE))).map(Caller::roles).contains(List.of(Roles.VIEWER));
    }

    @Test
    void noTokensAtAllIsAllowedAndMatchesNothing() {
        CallerTokens tokens = CallerTokens.from(new SecurityProperties("", null));

        assertThat(tokens.callers()).isEmpty();
        assertThat(tokens.anyWithRole(Roles.VIEWER)).isFalse();
        assertThat(tokens.match(new byte[0])).isEmpty();
    }

    @Test
    void refusesEveryMisconfiguredEntryAtOnceNamingItButNeverItsSecret() throws IOException {
        Path empty = secretFile("empty", "\n");
        List<NamedToken> named = List.of(
                new NamedToken(null, "OPERATOR", ALICE, null),
                new NamedToken("has space", "OPERATOR", BOB, null),
                new NamedToken("dave", "ADMIN", CAROL, null),
                new NamedToken("erin", "VIEWER", null, null),
                new NamedToken("frank", "VIEWER", "frank-token-0123456789", empty),
                new NamedToken("grace", "VIEWER", null, dir.resolve("missing")),
                new NamedToken("heidi", "VIEWER", null, empty),
                new NamedToken("ivan", "VIEWER", "short-secret", null));

        assertThatThrownBy(() -> CallerTokens.from(new SecurityProperties(null, null, named)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tokens[0].name must be")
                .hasMessageContaining("got 'has space'")
                .hasMessageContaining("tokens[2] (dave).role must be OPERATOR or VIEWER; got 'ADMIN'")
                .hasMessageContaining("tokens[3] (erin) needs exactly one of token-file")
                .hasMessageContaining("tokens[4] (frank) needs exactly one of token-file")
                .hasMessageContaining("tokens[5] (grace).token-file " + dir.resolve("missing") + " cannot be read")
                .hasMessageContaining("tokens[6] (heidi).token-file " + empty + " is empty")
                .hasMessageContaining("tokens[7] (ivan) has a token shorter than 16 characters")
                .message()
                .doesNotContain(ALICE)
                .doesNotContain(BOB)
                .doesNotContain(CAROL)
                .doesNotContain("short-secret");
    }

    @Test
    void aNameOrATokenConfiguredTwiceIsRefusedBecauseTheAuditCouldNotTellTheCallersApart() {
        assertThatThrownBy(() -> CallerTokens.from(new SecurityProperties(
                        "operator-token-0123456789", null, List.of(new NamedToken("operator", "VIEWER", ALICE, null)))))
                .hasMessageContaining("the caller name 'operator' is configured twice");
        assertThatThrownBy(() -> CallerTokens.from(new SecurityProperties(
                        null,
                        null,
                        List.of(
                                new NamedToken("alice", "OPERATOR", ALICE, null),
                                new NamedToken("bob", "VIEWER", ALICE, null)))))
                .hasMessageContaining("the callers 'alice' and 'bob' have the same token")
                .message()
                .doesNotContain(ALICE);
    }

    @Test
    void namedTokensNeverShowTheirSecretInToString() {
        String text = new SecurityProperties(null, null, List.of(new NamedToken("alice", "OPERATOR", ALICE, null)))
                .toString();

        assertThat(text).contains("name=alice").contains("token=****").doesNotContain(ALICE);
    }

    private Path secretFile(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }
}
