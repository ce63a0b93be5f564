package dev.peregrine.backtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line end to end: on a slice of a real kline file, and its one-line refusals. */
class BacktestMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BacktestMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheFiveFilesAndTheyAgreeWithEachOther() throws Exception {
        Path file = SharedData.require("binance/klines/BTCUSDT-15m.csv.gz");
        Path outDir = dir.resolve("run");

        int code = run(
                "--symbols",
                "BTCUSDT",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-14",
                "--data-dir",
                file.getParent().toString(),
                "--out",
                outDir.toString());

        assertThat(code).as(stderr()).isZero();
        // not a terminal: no bar, only the summary line
        assertThat(stderr().lines().toList())
                .singleElement()
                .asString()
                .startsWith("backtest: 1,344 candles of BTCUSDT 15m");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode trades = json.readTree(outDir.resolve("trades.json").toFile());
        List<String> tradesCsv = Files.readAllLines(outDir.resolve("trades.csv"));
        assertThat(trades.size()).isPositive().isEqualTo(tradesCsv.size() - 1);
        for (int i = 0; i < trades.size(); i++) {
            String[] row = tradesCsv.get(i + 1).split(",");
            assertThat(row[0]).isEqualTo(trades.get(i).get("symbol").asString());
            assertThat(new BigDecimal(row[10]))
                    .isEqualByComparingTo(trades.get(i).get("netPnl").decimalValue());
        }
        JsonNode equity = json.readTree(outDir.resolve("equity.json").toFile());
        List<String> equityCsv = Files.readAllLines(outDir.resolve("equity.csv"));
        // one point per candle time: 14 days of 15-minute candles
        assertThat(equity.size()).isEqualTo(1344).isEqualTo(equityCsv.size() - 1);
        assertThat(equityCsv.getLast())
                .startsWith(equity.get(1343).get("time").asString() + ","
                        + equity.get(1343).get("equity").decimalValue().toPlainString() + ",");
        String html = Files.readString(outDir.resolve("report.html"));
        assertThat(html)
                .contains("<tr><th>Closed trades</th><td>" + trades.size() + "</td></tr>")
                .contains("echarts")
                .contains("\"symbol\":\"BTCUSDT\"");
    }

    @Test
    void mistakesAreOneLineAndExitTwo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("klines"));
        Files.writeString(data.resolve("BTCUSDT-15m.csv.gz"), "");
        Path config = Files.writeString(dir.resolve("my.yml"), "risk:\n  max-open-positons: 4\n");

        assertRefused("no 15m kline file for ETHUSDT: ", "--symbols", "BTCUSDT,ETHUSDT", "--data-dir", data.toString());
        assertRefused("--from '2024-02-30' is not a date YYYY-MM-DD", "--symbols", "BTCUSDT", "--from", "2024-02-30");
        assertRefused(
                "unknown configuration key risk.max-open-positons (known under risk: quote-asset, ",
                "--symbols",
                "BTCUSDT",
                "--config",
                config.toString(),
                "--data-dir",
                data.toString());
        assertRefused(
                "configuration file " + dir.resolve("none.yml") + " does not exist",
                "--symbols",
                "BTCUSDT",
                "--config",
                dir.resolve("none.yml").toString());
        assertRefused("unknown option --symbol", "--symbol", "BTCUSDT");
    }

    @Test
    void aPeriodWithoutCandlesAndASymbolWithoutTradingRulesAreRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("klines"));
        String candles = "open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_buy_base_volume,"
                + "taker_buy_quote_volume\n"
                + "1704067200000,100.0,101.0,99.0,100.5,10.0,1704068099999,1005.0,12,5.0,502.5\n"
                + "1704068100000,100.5,102.0,100.0,101.5,11.0,1704068999999,1116.5,14,6.0,609.0\n";
        for (String symbol : List.of("BTCUSDT", "FOOUSDT")) {
            try (var gz =
                    new java.util.zip.GZIPOutputStream(Files.newOutputStream(data.resolve(symbol + "-15m.csv.gz")))) {
                gz.write(candles.getBytes(StandardCharsets.US_ASCII));
            }
        }

        assertRefused(
                "no BTCUSDT candles in the period asked for: " + data.resolve("BTCUSDT-15m.csv.gz")
                        + " covers 2024-01-01T00:00:00Z to 2024-01-01T00:29:59.999Z",
                "--symbols",
                "BTCUSDT",
                "--from",
                "2025-01-01",
                "--data-dir",
                data.toString());
        assertRefused(
                "no trading rules for FOOUSDT in the instruments snapshot ",
                "--symbols",
                "BTCUSDT,FOOUSDT",
                "--data-dir",
                data.toString());
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--symbols", "--data-dir", "--config");
    }

    private void assertRefused(String message, String... args) {
        err.reset();
        assertThat(run(args)).as(stderr()).isEqualTo(2);
        assertThat(stderr()).startsWith("backtest: " + message).doesNotContain("\tat ");
        assertThat(stderr().lines().count()).isEqualTo(1);
    }
}
