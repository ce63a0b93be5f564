package dev.peregrine.backtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionParserTest {

    @Test
    void readsEveryOptionInBothForms() {
        BacktestOptions options = OptionParser.parse(
                        "--symbols",
                        "btcusdt,ETHUSDT",
                        "--interval=1h",
                        "--from",
                        "2024-01-01",
                        "--to=2025-06-30",
                        "--config",
                        "my.yml",
                        "--out",
                        "build/x",
                        "--data-dir",
                        "/data")
                .orElseThrow();

        assertThat(options.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(options.interval()).isEqualTo("1h");
        assertThat(options.from()).contains(LocalDate.of(2024, 1, 1));
        assertThat(options.to()).contains(LocalDate.of(2025, 6, 30));
        assertThat(options.config()).contains(Path.of("my.yml"));
        assertThat(options.out()).isEqualTo(Path.of("build/x"));
        assertThat(options.dataDir()).isEqualTo(Path.of("/data"));
    }

    @Test
    void defaultsLeaveOnlyTheSymbolsRequired() {
        BacktestOptions options = OptionParser.parse("--symbols", "SOLUSDT").orElseThrow();

        assertThat(options.interval()).isEqualTo("15m");
        assertThat(options.from()).isEmpty();
        assertThat(options.to()).isEmpty();
        assertThat(options.config()).isEmpty();
        assertThat(options.out()).isEqualTo(BacktestOptions.DEFAULT_OUT);
        assertThat(options.dataDir()).isEqualTo(Path.of("../shared/data/binance/klines"));
    }

    @Test
    void helpWinsOverEverythingAndListsEveryOption() {
        assertThat(OptionParser.parse("--symbols", "X!", "--help")).isEmpty();
        assertThat(OptionParser.HELP)
                .contains("--symbols", "--interval", "--from", "--to", "--config", "--out", "--data-dir", "--help");
    }

    @Test
    void eachMistakeIsNamed() {
        assertError(List.of(), "option --symbols is required");
        assertError(List.of("--symbols", "BTCUSDT", "--frm", "2024-01-01"), "unknown option --frm");
        assertError(List.of("--symbols"), "option --symbols needs a value");
        assertError(List.of("--symbols", "BTC-USDT"), "--symbols: 'BTC-USDT' is not a symbol");
        assertError(List.of("--symbols", "BTCUSDT,btcusdt"), "--symbols: BTCUSDT given twice");
        assertError(
                List.of("--symbols", "BTCUSDT", "--interval", "15x"), "--interval 15x is not a Binance kline interval");
        assertError(
                List.of("--symbols", "BTCUSDT", "--from", "2024-13-01"),
                "--from '2024-13-01' is not a date YYYY-MM-DD");
        assertError(
                List.of("--symbols", "BTCUSDT", "--from", "2024-02-01", "--to", "2024-01-31"),
                "--to 2024-01-31 is before --from 2024-02-01");
        assertError(List.of("--symbols", "A1", "--symbols", "B1"), "option --symbols given twice");
    }

    private static void assertError(List<String> args, String message) {
        assertThatThrownBy(() -> OptionParser.parse(args.toArray(String[]::new)))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith(message);
    }
}
