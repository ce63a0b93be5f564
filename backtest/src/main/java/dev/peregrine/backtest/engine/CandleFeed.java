package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.ingest.application.QualityStage;
import dev.peregrine.ingest.application.QualityStages;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What ingest publishes on {@code market.candles.v1} when it replays kline files: each series passes its own
 * data-quality stage (ingest's {@link QualityStage}, one per replay run, judging each candle at its close time after
 * the staleness heartbeat, as {@code KlineCsvLineReader} does); a refused candle is not published, a flagged one is
 * published with its flags (signal-service then grades it F and never trades it), and a candle of a series already
 * published at that open time is skipped, as ingest's candle store skips it.
 *
 * <p>The series are merged into market-time order (open time, then the order the series were given in). Each event
 * id derives from the series and the open time, so two runs, and the parity test's Kafka run, carry the same ids.
 */
public final class CandleFeed {

    private CandleFeed() {}

    public static List<CandleClosed> of(List<KlineSeries> series, QualitySettings quality) {
        QualityStages stages = new QualityStages(quality, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        List<List<CandleClosed>> perSeries = new ArrayList<>(series.size());
        for (KlineSeries one : series) {
            QualityStage stage = stages.open(
                    "backtest:" + one.symbol().value() + "-" + one.interval().code());
            Set<Instant> seen = new HashSet<>();
            List<CandleClosed> published = new ArrayList<>(one.candles().size());
            for (Candle candle : one.candles()) {
                Instant receivedAt = candle.closeTime();
                stage.heartbeatAt(receivedAt);
                QualityCheck check = stage.candle(candle, receivedAt);
                if (check.refusal().isPresent() || !seen.add(candle.openTime())) {
                    continue;
                }
                published.add(closed(candle, stage.source(), check.flagNames()));
            }
            perSeries.add(published);
        }
        return merged(perSeries);
    }

    /** Each series in its own order, the series interleaved by open time (ties: the order they were given in). */
    private static List<CandleClosed> merged(List<List<CandleClosed>> perSeries) {
        int total = perSeries.stream().mapToInt(List::size).sum();
        List<CandleClosed> merged = new ArrayList<>(total);
        int[] next = new int[perSeries.size()];
        while (merged.size() < total) {
            int pick = -1;
            for (int i = 0; i < perSeries.size(); i++) {
                if (next[i] < perSeries.get(i).size()
                        && (pick < 0
                                || perSeries
                                        .get(i)
                                        .get(next[i])
                                        .openTime()
                                        .isBefore(perSeries
                                                .get(pick)
                                                .get(next[pick])
                                                .openTime()))) {
                    pick = i;
                }
            }
            merged.add(perSeries.get(pick).get(next[pick]++));
        }
        return merged;
    }

    /** The event ingest's {@code CandleEvents.closed} makes of a stored candle, under a derived id. */
    static CandleClosed closed(Candle c, String source, List<String> flags) {
        Envelope envelope = Envelope.root(
                DerivedIds.from("backtest-candle", c.symbol(), c.interval(), c.openTime()),
                c.closeTime(),
                c.closeTime());
        return new CandleClosed(
                envelope,
                c.symbol(),
                c.interval(),
                c.openTime(),
                c.closeTime(),
                Price.of(c.open()),
                Price.of(c.high()),
                Price.of(c.low()),
                Price.of(c.close()),
                Quantity.of(c.volume()),
                Quantity.of(c.quoteVolume()),
                c.trades(),
                Quantity.of(c.takerBuyBaseVolume()),
                Quantity.of(c.takerBuyQuoteVolume()),
                source,
                flags);
    }
}
