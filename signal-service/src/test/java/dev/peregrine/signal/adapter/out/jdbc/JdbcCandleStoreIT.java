package dev.peregrine.signal.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.SignalServiceApplication;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The candle store's batches against the real {@code signal.candles} table: a batch's candles are written when it
 * ends (also when its work threw), a rebuild inside a batch reads the candles it holds, and outside a batch a candle
 * is written at once (what the restart rebuild and the offline tools rely on).
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = SignalServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,signal-service", "management.server.port=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JdbcCandleStoreIT {

    private static final Instant FIRST_OPEN = Instant.parse("2025-03-03T00:00:00Z");

    @Autowired
    JdbcCandleStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchsCandlesAreWrittenTogetherWhenItEnds() {
        List<CandleClosed> candles = candles("CSBATCH", 20);
        long[] storedDuringTheBatch = {-1};

        store.inBatch(() -> {
            candles.forEach(store::save);
            storedDuringTheBatch[0] = stored(candles.getFirst().symbol());
        });

        assertThat(storedDuringTheBatch[0]).isZero();
        assertThat(stored(candles.getFirst().symbol())).isEqualTo(20);
    }

    @Test
    void aRebuildInsideABatchReadsTheCandlesTheBatchHolds() {
        List<CandleClosed> candles = candles("CSREBUILD", 12);
        List<Bar> rebuilt = new java.util.ArrayList<>();

        store.inBatch(() -> {
            candles.forEach(store::save);
            rebuilt.addAll(store.latest(candles.getFirst().symbol(), Interval.FIFTEEN_MINUTES, 5));
        });

        assertThat(rebuilt)
                .extracting(Bar::openTime)
                .containsExactlyElementsOf(candles.subList(7, 12).stream()
                        .map(CandleClosed::openTime)
                        .toList());
    }

    @Test
    void theCandlesSavedBeforeABatchsWorkThrewAreWritten() {
        List<CandleClosed> candles = candles("CSTHROW", 8);

        assertThatThrownBy(() -> store.inBatch(() -> {
                    candles.subList(0, 5).forEach(store::save);
                    throw new IllegalStateException("the sixth candle failed");
                }))
                .hasMessage("the sixth candle failed");

        assertThat(stored(candles.getFirst().symbol())).isEqualTo(5);
    }

    @Test
    void outsideABatchACandleIsWrittenAtOnceAndOnlyOnce() {
        List<CandleClosed> candles = candles("CSALONE", 3);

        store.save(candles.getFirst());
        assertThat(stored(candles.getFirst().symbol())).isEqualTo(1);
        store.inBatch(() -> candles.forEach(store::save));

        assertThat(stored(candles.getFirst().symbol())).isEqualTo(3);
    }

    private long stored(Symbol symbol) {
        return jdbc.sql("SELECT count(*) FROM signal.candles WHERE symbol = ?")
                .param(symbol.value())
                .query(Long.class)
                .single();
    }

    /** A symbol of its own per run: the database outlives one run. */
    private static List<CandleClosed> candles(String prefix, int count) {
        String symbol = prefix + Long.toString(System.nanoTime() % 1_000_000L) + "USDT";
        return MarketScripts.waves(
                symbol,
                Interval.FIFTEEN_MINUTES,
                FIRST_OPEN,
                count,
                i -> DerivedIds.from("candle-store-it", symbol, i));
    }
}
