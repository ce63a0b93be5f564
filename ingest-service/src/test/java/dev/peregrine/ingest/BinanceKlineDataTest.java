package dev.peregrine.ingest;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.adapter.out.file.FileKlineSource;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.CandleQualityRules;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.KlineFileName;
import dev.peregrine.ingest.domain.ParseResult;
import dev.peregrine.ingest.domain.QualityCheck;
import dev.peregrine.ingest.domain.QualityFlag;
import dev.peregrine.ingest.domain.QualityViolation;
import dev.peregrine.ingest.domain.Series;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real Binance data from {@code ../shared/data} (beside the project, not in it): skipped where it is absent,
 * such as on a fresh clone.
 */
class BinanceKlineDataTest {

    private static final String FILE = "binance/klines/BTCUSDT-15m.csv.gz";

    @Test
    void parsesTwoAndAHalfYearsOfBtcusdt15mWithoutRejectionsAndFindsTheMarch2023Outage() throws IOException {
        Path file = sharedData().map(dir -> dir.resolve(FILE)).filter(Files::isReadable).findFirst().orElse(null);
        assumeTrue(file != null, "../shared/data/" + FILE + " is not present: skipping the real-data check");
        Series series = KlineFileName.seriesOf(file.getFileName().toString()).orElseThrow();
        assertThat(series).isEqualTo(new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES));
        KlineCsvParser parser = new KlineCsvParser(series);
        CandleQualityRules rules = new CandleQualityRules();

        List<ParseResult.Rejected> rejected = new ArrayList<>();
        List<QualityViolation> violations = new ArrayList<>();
        long candles = 0;
        Candle previous = null;
        try (KlineSource.Lines lines = new FileKlineSource().open(file.toString())) {
            long lineNumber = 0;
            String line;
            while ((line = lines.nextLine()) != null) {
                if (++lineNumber == 1 && KlineCsvParser.isHeader(line)) {
                    continue;
                }
                switch (parser.parse(line)) {
                    case ParseResult.Rejected r -> rejected.add(r);
                    case ParseResult.Parsed parsed -> {
                        QualityCheck check = rules.check(parsed.candle(), previous);
                        violations.addAll(check.violations());
                        previous = parsed.candle();
                        candles++;
                    }
                }
            }
        }

        assertThat(rejected).isEmpty();
        assertThat(candles).isEqualTo(87_451);
        // Binance halted trading on 2023-03-24 at 12:39:41 UTC: the 12:30 candle was closed early (off the grid)
        // and the next candle opened at 14:00. Both are real and must be seen, not smoothed over.
        assertThat(violations).extracting(QualityViolation::flag).containsExactly(QualityFlag.OFF_GRID, QualityFlag.GAP);
        assertThat(violations.get(0).evidence()).isEqualTo("close_time 2023-03-24T12:39:41.646Z should be "
                + "2023-03-24T12:44:59.999Z (open_time + 15m - 1 ms)");
        assertThat(violations.get(1).evidence()).startsWith("5 missing 15m candle(s) of BTCUSDT: open times "
                + "2023-03-24T12:45:00Z to 2023-03-24T13:45:00Z");
    }

    /** The project root is the parent of this module's directory, the test's working directory. */
    private static Stream<Path> sharedData() {
        return Stream.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))
                .map(path -> path.toAbsolutePath().normalize())
                .filter(Files::isDirectory);
    }
}
