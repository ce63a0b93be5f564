package dev.peregrine.execution.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceCredentialsTest {

    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    /** rest-api.md's HMAC example. */
    private static final String PAYLOAD = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
            + "&recvWindow=5000&timestamp=1499827319559";

    @TempDir
    Path dir;

    @Test
    void anHmacKeySignsLikeBinancesExampleAndShowsOnlyItsLastFourCharacters() {
        BinanceCredentials credentials = BinanceCredentials.hmac(API_KEY, SECRET);

        assertThat(credentials.signer().getSignature(PAYLOAD))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(credentials).hasToString("BinanceCredentials[HMAC, apiKey=****Eh8A]");
        assertThat(credentials.toString()).doesNotContain(SECRET).doesNotContain(API_KEY.substring(0, 8));
        assertThat(BinanceCredentials.hmac("short", SECRET).maskedApiKey()).isEqualTo("****");
    }

    @Test
    void fromTheEnvironmentDirectlyOrThroughMountedFiles() throws Exception {
        Files.writeString(dir.resolve("secret"), SECRET + "\n");
        Files.writeString(dir.resolve("key"), "  " + API_KEY + "\n");

        BinanceCredentials direct = BinanceCredentials.fromEnvironment(
                Map.of("BINANCE_API_KEY", API_KEY, "BINANCE_SECRET_KEY", SECRET), "BINANCE");
        BinanceCredentials mounted = BinanceCredentials.fromEnvironment(
                Map.of(
                        "TESTNET_API_KEY_FILE",
                        dir.resolve("key").toString(),
                        "TESTNET_SECRET_KEY_FILE",
                        dir.resolve("secret").toString(),
                        "TESTNET_KEY_TYPE",
                        "hmac"),
                "TESTNET");

        assertThat(direct.signer().getSignature(PAYLOAD)).isEqualTo(hmac(PAYLOAD));
        assertThat(mounted.signer().getSignature(PAYLOAD)).isEqualTo(hmac(PAYLOAD));
        assertThat(mounted.apiKey()).isEqualTo(API_KEY);
    }

    @Test
    void whatIsMissingOrWrongIsNamedAndNoSecretIsQuoted() throws Exception {
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(Map.of("BINANCE_SECRET_KEY", SECRET), "BINANCE"))
                .hasMessage("neither BINANCE_API_KEY nor BINANCE_API_KEY_FILE is set");
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(Map.of("BINANCE_API_KEY", API_KEY), "BINANCE"))
                .hasMessage("neither BINANCE_SECRET_KEY nor BINANCE_SECRET_KEY_FILE is set");
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(
                        Map.of(
                                "BINANCE_API_KEY",
                                API_KEY,
                                "BINANCE_SECRET_KEY_FILE",
                                dir.resolve("absent").toString()),
                        "BINANCE"))
                .hasMessageContaining("BINANCE_SECRET_KEY_FILE")
                .hasMessageContaining("absent")
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(
                        Map.of("BINANCE_API_KEY", API_KEY, "BINANCE_KEY_TYPE", "DSA", "BINANCE_SECRET_KEY", SECRET),
                        "BINANCE"))
                .hasMessage("BINANCE_KEY_TYPE is DSA, not one of HMAC, RSA, ED25519");
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(
                        Map.of("BINANCE_API_KEY", API_KEY, "BINANCE_KEY_TYPE", "ED25519"), "BINANCE"))
                .hasMessage("BINANCE_PRIVATE_KEY_FILE is not set");
        Files.writeString(
                dir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> BinanceCredentials.fromFiles(
                        BinanceCredentials.KeyType.RSA, writeKey(), dir.resolve("garbage.pem"), null))
                .hasMessageContaining("garbage.pem")
                .hasMessageContaining("not a usable key");
    }

    @Test
    void rsaAndEd25519KeysSignWithTheirPrivateKeyFromAPemFile() throws Exception {
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
            Path pem = dir.resolve(algorithm + ".pem");
            Files.writeString(
                    pem,
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(pair.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
            BinanceCredentials.KeyType type =
                    algorithm.equals("RSA") ? BinanceCredentials.KeyType.RSA : BinanceCredentials.KeyType.ED25519;

            BinanceCredentials credentials = BinanceCredentials.fromEnvironment(
                    Map.of(
                            "BINANCE_API_KEY",
                            API_KEY,
                            "BINANCE_KEY_TYPE",
                            type.name(),
                            "BINANCE_PRIVATE_KEY_FILE",
                            pem.toString()),
                    "BINANCE");

            Signature verifier = Signature.getInstance(algorithm.equals("RSA") ? "SHA256withRSA" : "Ed25519");
            verifier.initVerify(pair.getPublic());
            verifier.update(PAYLOAD.getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(
                            Base64.getDecoder().decode(credentials.signer().getSignature(PAYLOAD))))
                    .as(algorithm)
                    .isTrue();
            assertThat(credentials.keyType()).isEqualTo(type);
            assertThat(credentials).hasToString("BinanceCredentials[" + type + ", apiKey=****Eh8A]");
        }
    }

    private Path writeKey() throws Exception {
        return Files.writeString(dir.resolve("api-key"), API_KEY);
    }

    private static String hmac(String payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
