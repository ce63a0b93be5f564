package dev.peregrine.backtest.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.testkit.SharedData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The trainer's rows come from candles as ingest's quality stage publishes them, flags included. */
class SignalDatasetTest {

    private static final Instant FROM = Instant.parse("2023-01-02T00:00:00Z");
    private static final Instant TO = Instant.parse("2023-03-01T00:00:00Z");
    private static final int STRENGTH = MlFeatures.NAMES.indexOf("strength");

    @Test
    void aDuplicateIsLeftOutAndTheCandleAfterAGapCarriesItsFlag() {
        KlineSeries real = btc();
        List<Candle> candles = new ArrayList<>(real.candles().subList(0, 40));
        Candle afterGap = candles.get(21);
        candles.remove(20); // a gap before candle 21
        candles.add(10, candles.get(10)); // candle 10 twice
        KlineSeries series = new KlineSeries(real.symbol(), real.interval(), candles);

        List<CandleClosed> published =
                new SignalDataset(BacktestConfig.serviceDefaults(), Duration.ofHours(4)).published(series, FROM, TO);

        assertThat(published).hasSize(39);
        assertThat(published.stream().map(CandleClosed::openTime)).doesNotHaveDuplicates();
        CandleClosed flagged = published.stream()
                .filter(c -> c.openTime().equals(afterGap.openTime()))
                .findFirst()
                .orElseThrow();
        assertThat(flagged.qualityFlags()).contains("GAP");
    }

    /** Two months of real BTCUSDT 15m candles with a candle taken out every 250 (skipped without ../shared/data). */
    @Test
    void signalsOfFlaggedCandlesAreTheValidatorsSkipsAsLive() {
        KlineSeries real = btc();
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < real.candles().size(); i++) {
            if (i % 250 != 249) {
                candles.add(real.candles().get(i));
            }
        }
        KlineSeries gapped = new KlineSeries(real.symbol(), real.interval(), candles);
        SignalDataset dataset = new SignalDataset(BacktestConfig.serviceDefaults(), Duration.ofHours(4));
        Set<Instant> flaggedCloses = dataset.published(gapped, FROM, TO).stream()
                .filter(c -> !c.qualityFlags().isEmpty())
                .map(CandleClosed::closeTime)
                .collect(Collectors.toSet());

        List<LabelledSignal> rows = dataset.rows(gapped, FROM, TO);

        assertThat(flaggedCloses).hasSizeGreaterThanOrEqualTo(20);
        List<LabelledSignal> onFlagged =
                rows.stream().filter(r -> flaggedCloses.contains(r.time())).toList();
        // the raw klines would have given these signals their strength; ingest's flag makes them 0, as live
        assertThat(onFlagged)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.features()[STRENGTH]).isZero());
        assertThat(rows.stream().filter(r -> !flaggedCloses.contains(r.time())))
                .anySatisfy(r -> assertThat(r.features()[STRENGTH]).isPositive());
    }

    private static KlineSeries btc() {
        return KlineSeries.read(SharedData.require("binance/klines/BTCUSDT-15m.csv.gz"), FROM, TO, Integer.MAX_VALUE);
    }
}
