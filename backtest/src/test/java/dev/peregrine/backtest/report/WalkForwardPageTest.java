package dev.peregrine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.research.optimiser.RunStore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WalkForwardPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    @Test
    void pageInlinesEchartsLoadsNothingAndEscapesEveryValue() {
        String html = WalkForwardPage.html(List.of(WalkForwardFixtures.run("wf-a", 4, true, SCRIPT)));

        String library = EchartsLibrary.source();
        assertThat(html).contains(library);
        String page = html.replace(library, "");
        assertThat(page)
                .doesNotContainIgnoringCase("http:")
                .doesNotContainIgnoringCase("https:")
                .doesNotContain("//cdn")
                .doesNotContainPattern(Pattern.compile("<script[^>]*\\ssrc=", Pattern.CASE_INSENSITIVE))
                .doesNotContainPattern(Pattern.compile("<link", Pattern.CASE_INSENSITIVE))
                .doesNotContain("{{");
        assertThat(page).doesNotContain(SCRIPT).contains("type=&lt;script&gt;alert(1)&lt;/script&gt;");
        // a single run has no comparison
        assertThat(page).doesNotContain("class=\"comparison\"");
    }

    @Test
    void oneRowPerWindowWithItsChoiceScoresAndOverfittingMeasures() {
        String page = WalkForwardPage.html(List.of(WalkForwardFixtures.run("wf-a", 5, true, "grid")));

        assertThat(count(page, "<tr class=\"fold\">")).isEqualTo(5);
        assertThat(page)
                .contains(
                        "<tr class=\"fold\"><td>0</td><td>2024-01-01 00:00 UTC to 2024-03-01 00:00 UTC</td>"
                                + "<td>2024-03-01 00:00 UTC to 2024-03-31 00:00 UTC</td><td>35</td><td>"
                                + WalkForwardFixtures.AGREEING + "=2, " + WalkForwardFixtures.CONVICTION + "=0.3</td>"
                                + "<td>0.01000</td><td>-0.00100</td><td>100</td><td>50</td><td>45.00 %</td><td>n/a</td><td>n/a</td></tr>");
        assertThat(page)
                .contains("<td>0.04000</td><td>-0.00400</td><td>103</td><td>53</td><td>45.00 %</td>"
                        + "<td>0.750</td><td>0.375</td></tr>");
    }

    @Test
    void dataIslandHoldsFoldsAndEachFoldsSurfaceOfEveryTrial() {
        String html = WalkForwardPage.html(List.of(WalkForwardFixtures.run("wf-a", 4, true, "grid")));
        JsonNode data = island(html);

        JsonNode run = data.get("runs").get(0);
        assertThat(run.get("folds").size()).isEqualTo(4);
        assertThat(run.get("folds").get(0).get("pbo").isNull()).isTrue();
        assertThat(run.get("folds").get(2).get("pbo").asDouble()).isEqualTo(0.5);
        JsonNode surface = run.get("surface");
        assertThat(surface.get("axes").get(0).get("values").toString()).isEqualTo("[\"1\",\"2\",\"3\",\"4\",\"5\"]");
        assertThat(surface.get("axes").get(1).get("values").toString())
                .isEqualTo("[\"0.15\",\"0.2\",\"0.25\",\"0.3\",\"0.35\",\"0.4\",\"0.45\"]");
        assertThat(surface.get("folds").size()).isEqualTo(4);
        // fold 1 chose (3, 0.30) = (2, 3) with 0.02 in sample and -0.002 out of sample; all 35 trials are cells
        JsonNode fold = surface.get("folds").get(1);
        assertThat(fold.get("chosen").toString()).isEqualTo("[2,3]");
        assertThat(fold.get("outOfSample").asDouble()).isCloseTo(-0.002, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fold.get("cells").size()).isEqualTo(35);
        // the first trial is (1, 0.15): 2 + 3 steps from the choice
        JsonNode first = fold.get("cells").get(0);
        assertThat(first.get(0).asInt()).isZero();
        assertThat(first.get(1).asInt()).isZero();
        assertThat(first.get(2).asDouble()).isCloseTo(0.015, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(first.get(3).asInt()).isEqualTo(1);
        assertThat(html).contains("id=\"surface-fold-0\"");
    }

    @Test
    void severalRunsAreComparedRowByRow() {
        String page = WalkForwardPage.html(List.of(
                WalkForwardFixtures.run("wf-two", 3, true, "grid"),
                WalkForwardFixtures.run("wf-one", 6, false, "genetic")));

        assertThat(count(page, "<tr class=\"run\">")).isEqualTo(2);
        assertThat(page)
                .contains("<tr class=\"run\"><td>wf-two</td><td>" + WalkForwardFixtures.AGREEING + ", "
                        + WalkForwardFixtures.CONVICTION + "</td><td>grid</td><td>3</td><td>300</td>");
        assertThat(page)
                .contains("<tr class=\"run\"><td>wf-one</td><td>" + WalkForwardFixtures.AGREEING
                        + "</td><td>genetic</td><td>6</td>");
        assertThat(count(page, "<tr class=\"fold\">")).isEqualTo(9);
        assertThat(page).contains("id=\"comparison\"").contains("id=\"surface-1\"");
        assertThat(island(page).get("runs").get(1).get("surface").get("axes").size())
                .isEqualTo(1);
    }

    @Test
    void mainReadsStoredRunsAndWritesThePageBesideThem() throws Exception {
        WalkForwardRun run = WalkForwardFixtures.run("wf-stored", 3, true, "grid");
        Path json = new RunStore(dir).write(run);
        Path other = new RunStore(dir).write(WalkForwardFixtures.run("wf-other", 2, false, "grid"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(WalkForwardResultsMain.run(List.of(json.toString()), print(out), print(err)))
                .isEqualTo(0);
        String page = Files.readString(dir.resolve("wf-stored.html"));
        assertThat(count(page, "<tr class=\"fold\">")).isEqualTo(3);

        assertThat(WalkForwardResultsMain.run(List.of(json.toString(), other.toString()), print(out), print(err)))
                .isEqualTo(0);
        assertThat(count(Files.readString(dir.resolve("comparison.html")), "<tr class=\"run\">"))
                .isEqualTo(2);

        Files.writeString(dir.resolve("broken.json"), "{\"runId\":\"broken\"}");
        assertThat(WalkForwardResultsMain.run(List.of(dir.resolve("broken.json").toString()), print(out), print(err)))
                .isEqualTo(2);
        assertThat(WalkForwardResultsMain.run(List.of("--bogus"), print(out), print(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("results: cannot read ")
                .contains("unknown option --bogus");
        assertThat(WalkForwardResultsMain.run(List.of("--help"), print(out), print(err)))
                .isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: ./backtest.sh results");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static JsonNode island(String html) {
        String island = html.substring(html.indexOf("id=\"results-data\">") + 18);
        return JsonMapper.builder().build().readTree(island.substring(0, island.indexOf("</script>")));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
