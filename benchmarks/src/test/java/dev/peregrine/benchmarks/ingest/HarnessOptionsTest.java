package dev.peregrine.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

    @Test
    void defaultsReplayEveryFifteenMinuteFileOnceInBatchesOf250() {
        HarnessOptions options = HarnessOptions.parse().orElseThrow();

        assertThat(options.mode()).isEqualTo(HarnessOptions.Mode.KLINES);
        assertThat(options.interval()).isEqualTo("15m");
        assertThat(options.duration()).isZero();
        assertThat(options.batchSize()).isEqualTo(250);
        assertThat(options.warmUpLines()).isEqualTo(20_000);
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.batchesInFlight()).isEqualTo(4);
        assertThat(options.freshSymbols()).isFalse();
        assertThat(options.sample()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsEveryOption() {
        HarnessOptions options = HarnessOptions.parse(
                        "--mode=capture",
                        "--interval=1h",
                        "--duration=10m",
                        "--candles-per-file=5000",
                        "--batch-size=2000",
                        "--warm-up-lines=0",
                        "--warm-up=1m",
                        "--batches-in-flight=4",
                        "--fresh-symbols=true",
                        "--sample=5s",
                        "--jdbc-params=reWriteBatchedInserts=true")
                .orElseThrow();

        assertThat(options.mode()).isEqualTo(HarnessOptions.Mode.CAPTURE);
        assertThat(options.interval()).isEqualTo("1h");
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.candlesPerFile()).isEqualTo(5_000);
        assertThat(options.batchSize()).isEqualTo(2_000);
        assertThat(options.warmUpLines()).isZero();
        assertThat(options.warmUp()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.batchesInFlight()).isEqualTo(4);
        assertThat(options.freshSymbols()).isTrue();
        assertThat(options.sample()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.jdbcUrl("jdbc:postgresql://localhost:5432/postgres?user=postgres"))
                .isEqualTo("jdbc:postgresql://localhost:5432/postgres?user=postgres&reWriteBatchedInserts=true");
        assertThat(options.jdbcUrl("jdbc:postgresql://localhost:5432/peregrine"))
                .isEqualTo("jdbc:postgresql://localhost:5432/peregrine?reWriteBatchedInserts=true");
    }

    @Test
    void durationsTakeSecondsMinutesHoursOrIso() {
        assertThat(HarnessOptions.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(HarnessOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(HarnessOptions.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(HarnessOptions.duration("0")).isZero();
        assertThatThrownBy(() -> HarnessOptions.duration("10x")).hasMessageContaining("e.g. 10m");
    }

    @Test
    void refusesWhatItDoesNotKnowAndAsksForHelp() {
        assertThatThrownBy(() -> HarnessOptions.parse("--speed=3")).hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> HarnessOptions.parse("--batch-size=0")).hasMessageContaining("between 1 and 10000");
        assertThat(HarnessOptions.parse("--help")).isEmpty();
    }

    @Test
    void passSymbolsStayWithinTheSymbolRules() {
        assertThat(IngestPipelineHarness.passSymbol("BTCUSDT", "K3F9", 12)).isEqualTo("BTCUSDTK3F912");
        assertThatThrownBy(() -> IngestPipelineHarness.passSymbol("ABCDEFGHIJKLMNOP", "K3F9", 12))
                .hasMessageContaining("longer than 20");
    }
}
