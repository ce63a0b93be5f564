package dev.peregrine.platform.security;

import dev.peregrine.platform.security.SecurityProperties.NamedToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every token a service accepts, each with the caller it names. Built once at start from {@link SecurityProperties}:
 * the role tokens become the callers {@code operator} and {@code viewer}, each named token the caller of its name;
 * token files are read here. Only SHA-256 digests of the secrets are kept, and a presented token is compared with
 * every one of them in constant time, so neither a match's position nor a near miss shows in the response time.
 */
public final class CallerTokens {

    /** A caller as the audit trail names it, and its roles (OPERATOR includes VIEWER). */
    public record Caller(String name, List<String> roles) {
        public Caller {
            roles = List.copyOf(roles);
        }
    }

    private record Entry(Caller caller, byte[] digest) {}

    static final String ROLE_OPERATOR_NAME = "operator";
    static final String ROLE_VIEWER_NAME = "viewer";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final List<Entry> entries;

    private CallerTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The callers {@code properties} configure.
     *
     * @throws IllegalStateException naming the offending entry (never its secret) when a named token has no valid
     *                               name or role, no secret or two, a secret under 16 characters, an unreadable file,
     *                               or when a name or a secret is configured twice
     */
    public static CallerTokens from(SecurityProperties properties) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (present(properties.operatorToken())) {
            entries.add(new Entry(
                    new Caller(ROLE_OPERATOR_NAME, rolesOf(Roles.OPERATOR)), digest(properties.operatorToken())));
        }
        if (present(properties.viewerToken())) {
            entries.add(
                    new Entry(new Caller(ROLE_VIEWER_NAME, rolesOf(Roles.VIEWER)), digest(properties.viewerToken())));
        }
        List<NamedToken> named = properties.tokens();
        for (int i = 0; i < named.size(); i++) {
            String where = "peregrine.security.tokens[" + i + "]";
            NamedToken token = named.get(i);
            if (token == null) {
                problems.add(where + " is empty");
                continue;
            }
            if (token.name() == null || !NAME.matcher(token.name()).matches()) {
                problems.add(where + ".name must be 1 to 64 letters, digits or . _ @ - (starting with a letter or "
                        + "digit); got " + (token.name() == null ? "none" : "'" + token.name() + "'"));
                continue;
            }
            where = where + " (" + token.name() + ")";
            String role = token.role() == null ? "" : token.role().trim().toUpperCase(Locale.ROOT);
            if (!role.equals(Roles.OPERATOR) && !role.equals(Roles.VIEWER)) {
                problems.add(where + ".role must be OPERATOR or VIEWER; got "
                        + (token.role() == null ? "none" : "'" + token.role() + "'"));
                continue;
            }
            Optional<String> secret = secretOf(token, where, problems);
            if (secret.isEmpty()) {
                continue;
            }
            if (secret.get().length() < SecurityProperties.MIN_TOKEN_LENGTH) {
                problems.add(where + " has a token shorter than " + SecurityProperties.MIN_TOKEN_LENGTH
                        + " characters: use a long random value (e.g. `openssl rand -hex 24`)");
                continue;
            }
            entries.add(new Entry(new Caller(token.name(), rolesOf(role)), digest(secret.get())));
        }
        Set<String> names = new HashSet<>();
        for (Entry entry : entries) {
            if (!names.add(entry.caller().name())) {
                problems.add("the caller name '" + entry.caller().name() + "' is configured twice (the role tokens "
                        + "are named operator and viewer): every name must identify one caller");
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (MessageDigest.isEqual(
                        entries.get(i).digest(), entries.get(j).digest())) {
                    problems.add("the callers '" + entries.get(i).caller().name() + "' and '"
                            + entries.get(j).caller().name() + "' have the same token: every token must be distinct");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid REST tokens: " + String.join("; ", problems));
        }
        return new CallerTokens(entries);
    }

    /** The caller {@code presented} is the token of; empty for an unknown token. */
    public Optional<Caller> match(byte[] presented) {
        byte[] digest = digest(presented);
        Caller found = null;
        for (Entry entry : entries) {
            // No early exit: every entry is compared whatever matched.
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The configured callers, for the start-up log line; never their tokens. */
    public List<Caller> callers() {
        return entries.stream().map(Entry::caller).toList();
    }

    /** Whether any caller holds {@code role}. */
    public boolean anyWithRole(String role) {
        return entries.stream().anyMatch(entry -> entry.caller().roles().contains(role));
    }

    private static Optional<String> secretOf(NamedToken token, String where, List<String> problems) {
        boolean inline = present(token.token());
        if (inline == (token.tokenFile() != null)) {
            problems.add(where + " needs exactly one of token-file (preferred) and token");
            return Optional.empty();
        }
        if (inline) {
            return Optional.of(token.token());
        }
        try {
            String secret =
                    Files.readString(token.tokenFile(), StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                problems.add(where + ".token-file " + token.tokenFile() + " is empty");
                return Optional.empty();
            }
            return Optional.of(secret);
        } catch (IOException | RuntimeException e) {
            problems.add(where + ".token-file " + token.tokenFile() + " cannot be read: "
                    + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static List<String> rolesOf(String role) {
        return role.equals(Roles.OPERATOR) ? List.of(Roles.OPERATOR, Roles.VIEWER) : List.of(Roles.VIEWER);
    }

    private static boolean present(String token) {
        return token != null && !token.isEmpty();
    }

    private static byte[] digest(String token) {
        return digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
