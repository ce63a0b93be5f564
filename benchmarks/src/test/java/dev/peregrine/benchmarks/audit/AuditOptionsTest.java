package dev.peregrine.benchmarks.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditOptionsTest {

    @Test
    void oneFileWithDefaults() {
        AuditOptions options = AuditOptions.parse("BTCUSDT-15m.csv.gz").orElseThrow();

        assertThat(options.file()).isEqualTo(Path.of("BTCUSDT-15m.csv.gz"));
        assertThat(options.candles()).isZero();
        assertThat(options.quiet()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(options.progress()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.summary()).isNull();
    }

    @Test
    void readsEveryOption() {
        AuditOptions options = AuditOptions.parse(
                        "--candles=3000", "f.csv", "--quiet=5s", "--timeout=2h", "--progress=1m", "--summary=/tmp/s.md")
                .orElseThrow();

        assertThat(options.candles()).isEqualTo(3000);
        assertThat(options.quiet()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(options.progress()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.summary()).isEqualTo(Path.of("/tmp/s.md"));
    }

    @Test
    void oneFilePerRunAndNoneIsRefused() {
        assertThatThrownBy(() -> AuditOptions.parse("a.csv", "b.csv")).hasMessageContaining("one file per run");
        assertThatThrownBy(() -> AuditOptions.parse("--candles=5")).hasMessageContaining("which file?");
        assertThatThrownBy(() -> AuditOptions.parse("a.csv", "--quiet=0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> AuditOptions.parse("a.csv", "--speed=1"))
                .hasMessageContaining("unknown option --speed");
        assertThat(AuditOptions.parse("--help")).isEmpty();
    }
}
