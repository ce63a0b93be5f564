package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which files {@code POST /api/v1/replays} may read (docs/ingest.md, "Which files a replay may read"), against the
 * running service: only regular files below {@code peregrine.ingest.replay.allowed-directories} (here the JVM's
 * temporary directory), within the size limit; every other request is a 400 naming the rule, and nothing of the
 * refused file is read, stored or published. A line over the length limit is a rejection that keeps only its start.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}",
            "peregrine.ingest.replay.max-file-size=64KB",
            "peregrine.ingest.replay.max-line-length=4096"
        })
class ReplayFileRulesIT {
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);
    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final String OUTSIDE = "is not below a replay directory: replays read only regular files below "
            + "peregrine.ingest.replay.allowed-directories (";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private final IngestHttp api = new IngestHttp();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Test
    void filesOutsideTheReplayDirectoriesAreRefusedWith400NamingTheRule() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("PASSWD-15m.csv"), Path.of("/etc/passwd"));
        Path linkedDirectory = Files.createSymbolicLink(dir.resolve("etc"), Path.of("/etc"));
        String dotDot = dir + "/" + "../".repeat(dir.getNameCount()) + "etc/passwd";
        long runsBefore = runCount();

        for (String file : List.of(
                "/etc/passwd",
                dotDot,
                link.toString(),
                linkedDirectory + "/passwd",
                "/etc/no-such-file.csv",
                "/proc/self/environ")) {
            assertThat(refusal(file)).as(file).startsWith("replay file '" + file + "' " + OUTSIDE);
        }
        assertThat(runCount()).isEqualTo(runsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.rejections WHERE source LIKE 'replay:passwd%' "
                                + "OR source LIKE 'replay:PASSWD%' OR source = 'replay:environ'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void devZeroIsRefusedAtOnceWithoutGrowingTheHeap() {
        long heapBefore = usedHeap();

        assertThat(refusal("/dev/zero")).startsWith("replay file '/dev/zero' " + OUTSIDE);

        // Refused before a byte is read: the old reader filled the heap with one endless line.
        assertThat(usedHeap() - heapBefore).isLessThan(256L * 1024 * 1024);
    }

    @Test
    void aDirectoryAndAFileOverTheSizeLimitAreRefused() throws Exception {
        Path large = Files.writeString(
                dir.resolve("LARGE" + RUN_TAG + "USDT-15m.csv"), (KlineLines.candle15m(START, 0) + "\n").repeat(1000));

        assertThat(refusal(dir.toString()))
                .isEqualTo("replay file '" + dir + "' is a directory, not a kline file or " + "capture");
        assertThat(refusal(large.toString()))
                .isEqualTo("replay file '" + large + "' has " + Files.size(large)
                        + " bytes, more than the 65536 a replay reads (peregrine.ingest.replay.max-file-size)");
    }

    @Test
    void aLineOverTheLengthLimitIsARejectionKeepingOnlyItsStartAndTheReplayGoesOn() throws Exception {
        String symbol = "LONG" + RUN_TAG + "USDT";
        String secret = "s".repeat(20_000);
        List<String> lines = new ArrayList<>();
        lines.add(KlineLines.candle15m(START, 0));
        lines.add(KlineLines.candle15m(START, 1).replace(",42,", ",42" + secret + ","));
        lines.add(KlineLines.candle15m(START, 2));
        Path file = Files.writeString(dir.resolve(symbol + "-15m.csv"), String.join("\n", lines) + "\n");

        HttpResponse<String> accepted = api.send(
                "POST", port, "/api/v1/replays", TestTokens.OPERATOR, "{\"file\": \"" + file + "\", \"speed\": 0}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode run = api.awaitFinished(
                port, UUID.fromString(json.readTree(accepted.body()).get("id").asString()), TestTokens.VIEWER);

        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("linesRead").asLong()).isEqualTo(3);
        assertThat(run.get("candlesPublished").asLong()).isEqualTo(2);
        assertThat(run.get("linesRejected").asLong()).isEqualTo(1);
        Map<String, Object> rejection = jdbc.sql("SELECT line_number, reason, detail, raw_line FROM ingest.rejections "
                        + "WHERE symbol = :symbol")
                .param("symbol", symbol)
                .query()
                .singleRow();
        assertThat(rejection).containsEntry("line_number", 2L).containsEntry("reason", "LINE_TOO_LONG");
        assertThat((String) rejection.get("raw_line"))
                .hasSize(500)
                .isEqualTo(lines.get(1).substring(0, 500));
        assertThat((String) rejection.get("detail"))
                .isEqualTo("a line of " + lines.get(1).length() + " characters, "
                        + "longer than peregrine.ingest.replay.max-line-length allows; only its first 500 are kept");
        try (TopicProbe quality =
                TopicProbe.open(RealInfrastructure.get().kafkaBootstrapServers(), Topics.MARKET_QUALITY)) {
            QualityIncident incident = codec.decode(
                    quality.awaitMatching(1, IngestHttp.keyed(symbol), Duration.ofSeconds(30))
                            .getFirst()
                            .value(),
                    QualityIncident.class);
            assertThat(incident.rule()).isEqualTo("MALFORMED_RECORD");
            assertThat(incident.evidence())
                    .startsWith("line 2: LINE_TOO_LONG: a line of ")
                    .doesNotContain(secret)
                    .hasSizeLessThan(1100);
        }
    }

    /** The 400's detail, once it is checked to be one. */
    private String refusal(String file) {
        HttpResponse<String> response = api.send(
                "POST", port, "/api/v1/replays", TestTokens.OPERATOR, "{\"file\": \"" + file + "\", \"speed\": 0}");
        assertThat(response.statusCode()).as(file).isEqualTo(400);
        return json.readTree(response.body()).get("detail").asString();
    }

    private long runCount() {
        return jdbc.sql("SELECT count(*) FROM ingest.replay_runs")
                .query(Long.class)
                .single();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
