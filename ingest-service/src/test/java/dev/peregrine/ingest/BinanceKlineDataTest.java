package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.adapter.out.file.FileKlineSource;
import dev.peregrine.ingest.adapter.out.file.ReplayFileRules;
import dev.peregrine.ingest.application.QualityStage;
import dev.peregrine.ingest.application.QualityStages;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.KlineFileName;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.ingest.domain.quality.QualityViolation;
import dev.peregrine.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real Binance data from {@code ../shared/data} (beside the project, not in it): skipped where it is absent,
 * such as on a fresh clone.
 */
class BinanceKlineDataTest {

    private static final String FILE = "binance/klines/BTCUSDT-15m.csv.gz";

    @Test
    void parsesTwoAndAHalfYearsOfBtcusdt15mWithoutRejectionsAndFindsTheMarch2023Outage() throws IOException {
        Path file = SharedData.require(FILE);
        Series series = KlineFileName.seriesOf(file.getFileName().toString()).orElseThrow();
        assertThat(series).isEqualTo(new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES));
        KlineCsvParser parser = new KlineCsvParser(series);
        // Every rule on with the shipped defaults, judged at each candle's close time as a replay does.
        QualityStage stage = new QualityStages(QualitySettings.defaults(), Clock.systemUTC()).open("test");

        List<ParseResult.Rejected> rejected = new ArrayList<>();
        List<QualityViolation> violations = new ArrayList<>();
        List<QualityIncident> stale = new ArrayList<>();
        long candles = 0;
        try (KlineSource.Lines lines =
                new FileKlineSource(ReplayFileRules.under(file.getParent())).open(file.toString())) {
            long lineNumber = 0;
            String line;
            while ((line = lines.nextLine()) != null) {
                if (++lineNumber == 1 && KlineCsvParser.isHeader(line)) {
                    continue;
                }
                switch (parser.parse(line)) {
                    case ParseResult.Rejected r -> rejected.add(r);
                    case ParseResult.Parsed parsed -> {
                        Candle candle = parsed.candle();
                        stale.addAll(stage.heartbeatAt(candle.closeTime()));
                        QualityCheck check = stage.candle(candle, candle.closeTime());
                        violations.addAll(check.violations());
                        candles++;
                    }
                }
            }
        }

        assertThat(rejected).isEmpty();
        assertThat(candles).isEqualTo(87_451);
        // Binance halted trading on 2023-03-24 at 12:39:41 UTC: the 12:30 candle was closed early (off the grid)
        // and the next candle opened at 14:00. Both are real and must be seen, not smoothed over.
        assertThat(violations)
                .extracting(QualityViolation::rule)
                .filteredOn(rule -> rule != QualityRule.PRICE_JUMP)
                .containsExactly(QualityRule.OFF_GRID, QualityRule.GAP);
        List<QualityViolation> structural = violations.stream()
                .filter(v -> v.rule() != QualityRule.PRICE_JUMP)
                .toList();
        assertThat(structural.get(0).evidence())
                .isEqualTo("close_time 2023-03-24T12:39:41.646Z should be "
                        + "2023-03-24T12:44:59.999Z (open_time + 15m - 1 ms)");
        assertThat(structural.get(1).evidence())
                .startsWith("5 missing 15m candle(s) of BTCUSDT: open times "
                        + "2023-03-24T12:45:00Z to 2023-03-24T13:45:00Z");
        // Judged at the data's own time, the halt is also the one silence of more than 3 intervals.
        assertThat(stale).singleElement().satisfies(incident -> {
            assertThat(incident.rule()).isEqualTo("STALE_STREAM");
            assertThat(incident.evidence())
                    .isEqualTo("no update on BTCUSDT-15m since 2023-03-24T12:39:41.646Z: "
                            + "silent for PT1H35M18.353S at 2023-03-24T14:14:59.999Z, more than 3 x 15m");
        });
        // |log return| > max(10 x 1.4826 x MAD of the last 100, 10 bps): 127 of 87,450 returns, the same count an
        // independent script (Python, statistics.median over a deque) finds. All are real fast moves of the
        // market, about one a week: the rule is a WARNING to look at, not a data error.
        assertThat(violations)
                .filteredOn(v -> v.rule() == QualityRule.PRICE_JUMP)
                .hasSize(127);
    }
}
