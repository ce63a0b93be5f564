package dev.peregrine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportOutputTest {

    @TempDir
    Path dir;

    @Test
    void htmlEscapingCoversTextAttributesAndScriptJson() {
        assertThat(Html.escape("<b a=\"1\" b='2'>&</b>"))
                .isEqualTo("&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;");
        assertThat(Html.scriptJson("{\"s\":\"</script><!--\u2028\"}"))
                .isEqualTo("{\"s\":\"\\u003c/script\\u003e\\u003c!--\\u2028\"}");
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(Csv.line(List.of("a", "b,c", "say \"hi\"", "x\ny")))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n");
    }

    @Test
    void reportInlinesEchartsAndLoadsNothingFromTheNetwork() throws Exception {
        ReportFiles.write(Fixtures.data("BTCUSDT", "<script>alert(1)</script>"), dir);

        String html = Files.readString(dir.resolve("report.html"));
        String library = EchartsLibrary.source();
        assertThat(library.length()).isGreaterThan(500_000);
        assertThat(html).contains(library);
        String page = html.replace(library, "");
        assertThat(page)
                .doesNotContainIgnoringCase("http:")
                .doesNotContainIgnoringCase("https:")
                .doesNotContain("//cdn")
                .doesNotContainPattern(Pattern.compile("<script[^>]*\\ssrc=", Pattern.CASE_INSENSITIVE))
                .doesNotContainPattern(Pattern.compile("<link", Pattern.CASE_INSENSITIVE));
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page).doesNotContain("{{");
        assertThat(page)
                .contains("<tr><td>approved</td><td>2</td></tr>")
                .contains("<tr><td>denied: &lt;b&gt;MAX_OPEN_POSITIONS&lt;/b&gt;</td><td>1</td></tr>")
                .contains("<tr><th>Last trade closed</th><td>2024-01-11 00:00 UTC</td></tr>");
        // the data island parses back to the chart data, markers included
        String island = page.substring(page.indexOf("id=\"report-data\">") + 17);
        island = island.substring(0, island.indexOf("</script>"));
        JsonNode data = JsonMapper.builder().build().readTree(island);
        assertThat(data.get("symbols").get(0).get("entries").size()).isEqualTo(2);
        assertThat(data.get("equity").size()).isEqualTo(4);
        assertThat(page).contains(">5.00 %<").contains(">-1.00 %<").contains("<td>10.00 %<");
    }

    @Test
    void tradesJsonAndCsvHoldTheSameRows() throws Exception {
        ReportData data = Fixtures.data("ETHUSDT", "mean-reversion");
        ReportFiles.write(data, dir);

        assertThat(ReportFiles.NAMES)
                .allSatisfy(name -> assertThat(dir.resolve(name)).isRegularFile());
        JsonNode trades =
                JsonMapper.builder().build().readTree(dir.resolve("trades.json").toFile());
        List<String> csv = Files.readAllLines(dir.resolve("trades.csv"));
        assertThat(csv.getFirst()).isEqualTo(String.join(",", TradeColumns.NAMES));
        assertThat(trades.size()).isEqualTo(2).isEqualTo(csv.size() - 1);
        assertThat(trades.get(1).get("exitReason").asString()).isEqualTo("STOP, \"hit\"");
        assertThat(csv.get(2)).endsWith(",\"STOP, \"\"hit\"\"\"");
        assertThat(trades.get(0).get("netPnl").decimalValue()).isEqualByComparingTo("19.8");
        assertThat(csv.get(1))
                .startsWith(
                        "ETHUSDT,BUY,mean-reversion,A,2024-01-10T00:00:00Z,100,2024-01-11T00:00:00Z,110,2,0.2,19.8,");

        JsonNode equity =
                JsonMapper.builder().build().readTree(dir.resolve("equity.json").toFile());
        List<String> equityCsv = Files.readAllLines(dir.resolve("equity.csv"));
        assertThat(equity.size()).isEqualTo(4).isEqualTo(equityCsv.size() - 1);
        assertThat(equityCsv.get(4)).isEqualTo("2024-02-29T00:00:00Z,1039.5," + (1039.5 / 1155 - 1));
        assertThat(equity.get(3).get("drawdown").asDouble()).isEqualTo(1039.5 / 1155 - 1);
    }
}
