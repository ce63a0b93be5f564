package dev.peregrine.backtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsDoneOfTotalRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar(System.err, true, () -> 0L, 1000);

        assertThat(bar.line(250, 2_000_000_000L))
                .isEqualTo("[########......................]  25% 250/1,000 candles 125 candles/s ETA 00:06");
        assertThat(bar.line(0, 0)).endsWith("ETA --:--");
        assertThat(ProgressBar.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void drawsOnATerminalAtMostFiveTimesASecondAndNothingOtherwise() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(terminal, true, StandardCharsets.UTF_8), true, now::get, 100);
        bar.update(1);
        now.set(100_000_000L);
        bar.update(2);
        now.set(300_000_000L);
        bar.update(3);
        bar.update(100);
        bar.finish();
        assertThat(terminal.toString(StandardCharsets.UTF_8).split("\r", -1)).hasSize(4);

        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        ProgressBar quiet = new ProgressBar(new PrintStream(pipe, true, StandardCharsets.UTF_8), false, now::get, 100);
        quiet.update(50);
        quiet.update(100);
        quiet.finish();
        assertThat(pipe.size()).isZero();
    }
}
