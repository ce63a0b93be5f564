package dev.peregrine.execution.adapter.out.binance;

import com.binance.connector.client.utils.signaturegenerator.Ed25519SignatureGenerator;
import com.binance.connector.client.utils.signaturegenerator.HmacSignatureGenerator;
import com.binance.connector.client.utils.signaturegenerator.RsaSignatureGenerator;
import com.binance.connector.client.utils.signaturegenerator.SignatureGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Binance API key and the signer of its key type. The secret (HMAC) or private key (RSA, Ed25519) lives only in
 * the connector's signer; {@link #toString()} shows the key type and the API key's last 4 characters.
 *
 * <p>From the environment ({@code prefix} e.g. {@code BINANCE}): {@code <prefix>_API_KEY} or {@code
 * <prefix>_API_KEY_FILE}; {@code <prefix>_KEY_TYPE} = HMAC (default), RSA or ED25519; for HMAC {@code
 * <prefix>_SECRET_KEY} or {@code <prefix>_SECRET_KEY_FILE}; for RSA and ED25519 {@code <prefix>_PRIVATE_KEY_FILE}, a
 * PKCS#8 PEM file (RSA may be encrypted, with {@code <prefix>_PRIVATE_KEY_PASSWORD}). A {@code _FILE} variable names a
 * mounted file, e.g. a Kubernetes secret; its content is trimmed.
 */
public final class BinanceCredentials {

    /** Binance's API key types (faqs/api_key_types.md). */
    public enum KeyType {
        HMAC,
        RSA,
        ED25519
    }

    private final KeyType keyType;
    private final String apiKey;
    private final SignatureGenerator signer;

    private BinanceCredentials(KeyType keyType, String apiKey, SignatureGenerator signer) {
        this.keyType = keyType;
        this.apiKey = apiKey;
        this.signer = signer;
    }

    /** An HMAC key and its secret. */
    public static BinanceCredentials hmac(String apiKey, String secretKey) {
        requireText(apiKey, "the API key");
        requireText(secretKey, "the secret key");
        return new BinanceCredentials(KeyType.HMAC, apiKey, new HmacSignatureGenerator(secretKey));
    }

    /**
     * A key read from mounted files: {@code apiKeyFile} holds the API key, {@code secretFile} the HMAC secret or the
     * RSA/Ed25519 private key (PEM; an RSA one may be encrypted with {@code rsaPassword}, else null).
     */
    public static BinanceCredentials fromFiles(KeyType keyType, Path apiKeyFile, Path secretFile, String rsaPassword) {
        String apiKey = read(apiKeyFile, "the API key file");
        return switch (keyType) {
            case HMAC -> hmac(apiKey, read(secretFile, "the secret key file"));
            case RSA, ED25519 ->
                new BinanceCredentials(keyType, apiKey, privateKeySigner(keyType, secretFile, rsaPassword));
        };
    }

    /** A key from environment variables named {@code <prefix>_...} (see the class javadoc). */
    public static BinanceCredentials fromEnvironment(Map<String, String> env, String prefix) {
        EnvironmentValues values = new EnvironmentValues(env, prefix);
        KeyType keyType = values.keyType();
        String apiKey = values.textOrFile("_API_KEY");
        return switch (keyType) {
            case HMAC -> hmac(apiKey, values.textOrFile("_SECRET_KEY"));
            case RSA, ED25519 ->
                new BinanceCredentials(
                        keyType,
                        apiKey,
                        privateKeySigner(
                                keyType, values.path("_PRIVATE_KEY_FILE"), values.optional("_PRIVATE_KEY_PASSWORD")));
        };
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The API key with all but its last 4 characters masked. */
    public String maskedApiKey() {
        return apiKey.length() < 12 ? "****" : "****" + apiKey.substring(apiKey.length() - 4);
    }

    public String apiKey() {
        return apiKey;
    }

    public SignatureGenerator signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "BinanceCredentials[" + keyType + ", apiKey=" + maskedApiKey() + "]";
    }

    private static SignatureGenerator privateKeySigner(KeyType keyType, Path pemFile, String rsaPassword) {
        if (!Files.isReadable(pemFile)) {
            throw new IllegalArgumentException("the " + keyType + " private key file " + pemFile + " cannot be read");
        }
        try {
            return keyType == KeyType.RSA
                    ? new RsaSignatureGenerator(pemFile.toString(), rsaPassword)
                    : new Ed25519SignatureGenerator(pemFile.toString());
        } catch (IOException | RuntimeException e) {
            // The connector's messages name the file at most; the key's content is never in them.
            throw new IllegalArgumentException(
                    "the " + keyType + " private key file " + pemFile + " is not a usable key: "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    static String read(Path file, String what) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return requireText(text, what + " " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    what + " " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    /** The {@code <prefix>_*} variables, with errors that name the variable. */
    private record EnvironmentValues(Map<String, String> env, String prefix) {

        EnvironmentValues {
            Objects.requireNonNull(env, "env");
            Objects.requireNonNull(prefix, "prefix");
        }

        KeyType keyType() {
            String value = optional("_KEY_TYPE");
            if (value == null) {
                return KeyType.HMAC;
            }
            try {
                return KeyType.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        prefix + "_KEY_TYPE is " + value + ", not one of HMAC, RSA, ED25519");
            }
        }

        /** {@code <prefix><suffix>} itself, or the content of the file {@code <prefix><suffix>_FILE} names. */
        String textOrFile(String suffix) {
            String direct = optional(suffix);
            if (direct != null) {
                return direct;
            }
            if (optional(suffix + "_FILE") != null) {
                return read(path(suffix + "_FILE"), prefix + suffix + "_FILE");
            }
            throw new IllegalArgumentException(
                    "neither " + prefix + suffix + " nor " + prefix + suffix + "_FILE is set");
        }

        Path path(String suffix) {
            String value = optional(suffix);
            if (value == null) {
                throw new IllegalArgumentException(prefix + suffix + " is not set");
            }
            return Path.of(value.trim());
        }

        String optional(String suffix) {
            String value = env.get(prefix + suffix);
            return value == null || value.isBlank() ? null : value;
        }
    }
}
