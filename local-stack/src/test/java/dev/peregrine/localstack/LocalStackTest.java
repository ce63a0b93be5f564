package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ways the launcher refuses to start; none of them may start or create anything. */
class LocalStackTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String... args) {
        return launch(Map.of(), args);
    }

    private int launch(Map<String, String> environment, String... args) {
        LocalStack stack = new LocalStack(
                environment,
                work,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = stack.launch(List.of(args));
        assertThat(stack.isRunning()).isFalse();
        return code;
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageAndStartsNothing() {
        assertThat(launch("--help")).isEqualTo(LocalStack.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: local-stack.sh");
        assertThat(work.resolve(".local-stack")).doesNotExist();
    }

    @Test
    void aBadCommandLineExitsWithTwoAndTheUsage() {
        assertThat(launch("--bogus")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(err()).contains("unknown option: --bogus", "Usage: local-stack.sh");
    }

    @Test
    void anUnavailableVenueExitsWithTwo() {
        assertThat(launch("--venue=binance")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(err()).contains("never on a real exchange");
    }

    @Test
    void exchangeSimOnAFileItCannotPaceExitsWithTwoBeforeStartingAnything() {
        assertThat(launch(
                        "--exchange-sim",
                        "--replay=" + work.resolve("klines.csv"),
                        "--data-dir=" + work.resolve("data")))
                .isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(err()).contains("SYMBOL-INTERVAL.csv[.gz]");
        assertThat(launch("--exchange-sim", "--speed=60", "--data-dir=" + work.resolve("data")))
                .isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(err()).contains("which is no Binance interval");
        assertThat(Files.exists(work.resolve("data"))).isFalse();
    }

    @Test
    void exchangeSimOnAMissingFileExitsWithThree() {
        Path missing = work.resolve("nowhere/BTCUSDT-15m.csv.gz");

        assertThat(launch("--exchange-sim", "--replay=" + missing)).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err()).contains(missing.toString(), "Nothing was started");
    }

    @Test
    void aMissingReplayFileExitsWithThreeBeforeStartingAnything() {
        Path missing = work.resolve("nowhere/BTCUSDT-15m.csv.gz");

        int code = launch("--replay=" + missing, "--data-dir=" + work.resolve("data"));

        assertThat(code).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err()).contains(missing.toString(), "--replay=FILE", "Nothing was started");
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void anUnreadableReplayFileExitsWithThree() throws IOException {
        Path empty = Files.createFile(work.resolve("empty.csv"));
        Path corrupt = Files.writeString(work.resolve("corrupt.csv.gz"), "not gzip at all");

        assertThat(launch("--replay=" + empty)).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err()).contains("empty.csv", "it is empty");
        assertThat(launch("--replay=" + corrupt)).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err()).contains("corrupt.csv.gz", "cannot be read");
    }

    @Test
    void aReadableGzipReplayFilePassesTheCheck() throws IOException {
        Path file = work.resolve("klines.csv.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file))) {
            gzip.write("1700000000000,1,2,0.5,1.5,10,1700000899999,15,3,5,7,0\n".getBytes(StandardCharsets.UTF_8));
        }

        MarketDataCheck.verifyReadable(file);
    }

    @Test
    void whenBinanceIsUnreachableTheDefaultLaunchSaysSoNamesTheReplayOptionAndStartsNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int code = launch(
                Map.of(BinanceReachability.REST_BASE_URL_VARIABLE, "http://127.0.0.1:" + closedPort),
                "--data-dir=" + work.resolve("data"));

        assertThat(code).isEqualTo(LocalStack.EXIT_NO_MARKET_DATA);
        assertThat(err())
                .contains(
                        "Binance is unreachable",
                        "GET http://127.0.0.1:" + closedPort + "/api/v3/ping failed",
                        "--replay=../shared/data/binance/klines/BTCUSDT-15m.csv.gz",
                        "Nothing was started");
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void theReachabilityCheckPassesOnAPingAndNamesTheStatusOfARefusal() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v3/ping", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/blocked/api/v3/ping", exchange -> {
            exchange.sendResponseHeaders(451, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            BinanceReachability.verifyReachable(base, Duration.ofSeconds(2));
            assertThatThrownBy(() -> BinanceReachability.verifyReachable(base + "/blocked", Duration.ofSeconds(2)))
                    .hasMessageContaining("HTTP 451 (Binance refuses this location)");
        } finally {
            server.stop(0);
        }
        assertThat(BinanceReachability.restBaseUrl(Map.of())).isEqualTo("https://api.binance.com");
        assertThat(BinanceReachability.restBaseUrl(
                        Map.of(BinanceReachability.REST_BASE_URL_VARIABLE, "http://sim:8090/")))
                .isEqualTo("http://sim:8090");
    }
}
