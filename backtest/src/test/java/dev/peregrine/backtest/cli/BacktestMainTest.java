package dev.peregrine.backtest.cli;

import dev.peregrine.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end: on a slice of a real kline file, and its one-line refusals. */
class BacktestMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BacktestMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheFiveFilesAndTheyAgreeWithEachOther() throws Exception {
        Path file = SharedData.require("binance/klines/BTCUSDT-15m.csv.gz");
        Path outDir = dir.resolve("run");

        int code = run("--symbols", "BTCUSDT", "--from", "2024-01-01", "--to", "2024-01-14", "--data-dir",
                file.getParent().toString(), "--out", outDir.toString());

        assertThat(code).as(stderr()).isZero();
        // not a terminal: no bar, only the summary line
        assertThat(stderr().lines().toList()).singleElement().asString().startsWith("backtest: 1,344 candles of BTCUSDT 15m");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode trades = json.readTree(outDir.resolve("trades.json").toFile());
        List<String> tradesCsv = Files.readAllLines(outDir.resolve("trades.csv"));
        assertThat(trades.size()).isPositive().isEqualTo(tradesCsv.size() - 1);
        for (int i = 0; i < trades.size(); i++) {
            String[] row = tradesCsv.get(i + 1).split(",");
            assertThat(row[0]).isEqualTo(trades.get(i).get("symbol").asString());
            assertThat(new BigDecimal(row[10])).isEqualByComparingTo(trades.get(i).get("netPnl").decimalValue());
        }
        JsonNode equity = json.readTree(outDir.resolve("equity.json").toFile());
        List<String> equityCsv = Files.readAllLines(outDir.resolve("equity.csv"));
        // one point per candle time: 14 days of 15-minute candles
        assertThat(equity.size()).isEqualTo(1344).isEqualTo(equityCsv.size() - 1);
        assertThat(equityCsv.getLast()).startsWith(equity.get(1343).get("time").asString() + ","
                + equity.get(1343).get("equity").decimalValue().toPlainString() + ",");
        String html = Files.readString(outDir.resolve("report.html"));
        assertThat(html).contains("<tr><th>Closed trades</th><td>" + trades.size() + "</td></tr>")
                .contains("echarts").contains("\"symbol\":\"BTCUSDT\"");
    }

    @Test
    void mistakesAreOneLineAndExitTwo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("klines"));
        Files.writeString(data.resolve("BTCUSDT-15m.csv.gz"), "");
        Path config = Files.writeString(dir.resolve("my.yml"), "risk:\n  max-open-positons: 4\n");

        assertRefused("no 15m kline file for ETHUSDT: ", "--symbols", "BTCUSDT,ETHUSDT", "--data-dir", data.toString());
        assertRefused("--from '2024-02-30' is not a date YYYY-MM-DD", "--symbols", "BTCUSDT", "--from", "2024-02-30");
        assertRefused("unknown configuration key risk.max-open-positons (known under risk: quote-asset, ",
                "--symbols", "BTCUSDT", "--config", config.toString(), "--data-dir", data.toString());
        assertRefused("configuration file " + dir.resolve("none.yml") + " does not exist", "--symbols", "BTCUSDT",
                "--config", dir.resolve("none.yml").toString());
        assertRefused("unknown option --symbol", "--symbol", "BTCUSDT");
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
