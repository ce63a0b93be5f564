package dev.peregrine.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyOptionsTest {

    @Test
    void theDefaultsAreTheIssuesFullForm() {
        LatencyOptions options = LatencyOptions.parse().orElseThrow();

        assertThat(options.rate()).isEqualTo(1000);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.series()).isEqualTo(LatencyOptions.MAX_SERIES);
        assertThat(options.candles()).isEqualTo(600_000);
        assertThat(options.warmupCandles()).isEqualTo(30_000);
    }

    @Test
    void optionsAreRead() {
        LatencyOptions options = LatencyOptions.parse(
                        "--rate=250",
                        "--duration=2m",
                        "--warmup=10s",
                        "--series=3",
                        "--prime-bars=0",
                        "--progress=5s",
                        "--drain-timeout=30s")
                .orElseThrow();

        assertThat(options)
                .isEqualTo(new LatencyOptions(
                        250,
                        Duration.ofMinutes(2),
                        Duration.ofSeconds(10),
                        3,
                        0,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30)));
        assertThat(options.candles()).isEqualTo(30_000);
        assertThat(options.warmupCandles()).isEqualTo(2_500);
    }

    @Test
    void helpIsEmpty() {
        assertThat(LatencyOptions.parse("--help")).isEmpty();
        assertThat(LatencyOptions.parse("--rate=5", "-h")).isEmpty();
    }

    @Test
    void nonsenseIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> LatencyOptions.parse("--rate=0"))
                .hasMessageContaining("--rate")
                .hasMessageContaining("CandleToIntentHarness");
        assertThatThrownBy(() -> LatencyOptions.parse("--series=6")).hasMessageContaining("--series is 1 to 5");
        assertThatThrownBy(() -> LatencyOptions.parse("--duration=30s", "--warmup=30s"))
                .hasMessageContaining("longer than --warmup");
        assertThatThrownBy(() -> LatencyOptions.parse("--speed=3")).hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> LatencyOptions.parse("1000")).hasMessageContaining("expected --name=value");
    }
}
