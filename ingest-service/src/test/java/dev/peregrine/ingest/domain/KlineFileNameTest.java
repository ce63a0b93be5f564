package dev.peregrine.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import org.junit.jupiter.api.Test;

class KlineFileNameTest {

    @Test
    void readsSymbolAndIntervalFromTheSharedDataNames() {
        assertThat(KlineFileName.seriesOf("BTCUSDT-15m.csv.gz"))
                .contains(new Series(Symbol.of("BTCUSDT"), Interval.FIFTEEN_MINUTES));
        assertThat(KlineFileName.seriesOf("ETHUSDT-1h.csv"))
                .contains(new Series(Symbol.of("ETHUSDT"), Interval.ONE_HOUR));
    }

    @Test
    void readsBinancesMonthlyDumpNamesAndLowerCaseSymbols() {
        assertThat(KlineFileName.seriesOf("BTCUSDT-1m-2024-01.csv"))
                .contains(new Series(Symbol.of("BTCUSDT"), Interval.ONE_MINUTE));
        assertThat(KlineFileName.seriesOf("solusdt-4h.csv.gz"))
                .contains(new Series(Symbol.of("SOLUSDT"), Interval.FOUR_HOURS));
    }

    @Test
    void tellsNothingFromOtherNames() {
        assertThat(KlineFileName.seriesOf("klines.csv.gz")).isEmpty();
        assertThat(KlineFileName.seriesOf("BTCUSDT-7m.csv")).isEmpty();
        assertThat(KlineFileName.seriesOf("BTCUSDT-15m.json")).isEmpty();
        assertThat(KlineFileName.seriesOf(null)).isEmpty();
    }
}
