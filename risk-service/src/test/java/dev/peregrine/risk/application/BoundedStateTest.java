package dev.peregrine.risk.application;

import static dev.peregrine.risk.fixtures.RiskHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.BookState;
import dev.peregrine.risk.domain.portfolio.MarkBounds;
import dev.peregrine.risk.fixtures.InMemoryInstrumentBook;
import dev.peregrine.risk.fixtures.RiskHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-symbol state of the book (marks, the correlation's daily closes) stays bounded as new symbols stream
 * in, never at the cost of what is held, and a restarted service drops exactly what an uninterrupted one does.
 */
class BoundedStateTest {

    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Instant T1 = START.plus(Duration.ofMinutes(15));
    private static final List<String> NEWCOMERS = List.of("AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT", "EEEUSDT");
    private static final MarkBounds BOUNDS = new MarkBounds(3, Duration.ofDays(2));

    @Test
    void newSymbolsPushOutTheOldestIdleOnesGoAndAHeldSymbolStaysThroughout() {
        RiskHarness risk = holdingBtc();
        feedNewcomers(risk);

        BookState stored = risk.ledger.load().orElseThrow();
        assertThat(stored.portfolio().marks())
                .as("3 marks at most, the held one always among them")
                .containsOnlyKeys(BTC, Symbol.of("DDDUSDT"), Symbol.of("EEEUSDT"));
        assertThat(stored.dailyCloses())
                .as("3 symbols' closes at most; same day, so ties went by symbol")
                .containsOnlyKeys(BTC, Symbol.of("DDDUSDT"), Symbol.of("EEEUSDT"));
        assertThat(risk.metrics.evicted)
                .containsExactly(
                        "daily-closes:capacity",
                        "mark:capacity",
                        "daily-closes:capacity",
                        "mark:capacity",
                        "daily-closes:capacity",
                        "mark:capacity");

        // Over two days of market time after DDD's and EEE's last candles, on the next hour: their marks are idle.
        risk.metrics.evicted.clear();
        risk.candle("BTCUSDT", "30200", T1.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
        assertThat(risk.metrics.evicted).containsExactly("mark:idle", "mark:idle");
        assertThat(risk.ledger.load().orElseThrow().portfolio().marks()).containsOnlyKeys(BTC);
        assertThat(risk.useCases().viewPortfolio().portfolio().openPositions())
                .singleElement()
                .satisfies(open -> assertThat(open.mark()).isEqualByComparingTo("30200"));

        // A dropped symbol that comes back is marked as a new one, and the book holding its mark is stored. Its
        // daily close pushes out the unheld symbol whose latest close is oldest (DDD and EEE tie on March 1).
        risk.candle("AAAUSDT", "7", T1.plus(Duration.ofDays(2)).plus(Duration.ofHours(3)));
        BookState after = risk.ledger.load().orElseThrow();
        assertThat(after.portfolio().marks()).containsOnlyKeys(BTC, Symbol.of("AAAUSDT"));
        assertThat(after.dailyCloses()).containsOnlyKeys(BTC, Symbol.of("AAAUSDT"), Symbol.of("EEEUSDT"));
        assertThat(risk.metrics.evicted).containsExactly("mark:idle", "mark:idle", "daily-closes:capacity");
    }

    @Test
    void aRestartedServiceDropsWhatAnUninterruptedOneDoes() {
        RiskHarness restarted = holdingBtc();
        RiskHarness uninterrupted = holdingBtc();
        for (RiskHarness run : List.of(restarted, uninterrupted)) {
            feedNewcomers(run);
        }
        restarted.restart();
        for (RiskHarness run : List.of(restarted, uninterrupted)) {
            run.candle("FFFUSDT", "3", T1.plus(Duration.ofHours(3)));
            run.candle("BTCUSDT", "30200", T1.plus(Duration.ofDays(2)).plus(Duration.ofHours(4)));
            run.candle("GGGUSDT", "4", T1.plus(Duration.ofDays(2)).plus(Duration.ofHours(5)));
        }
        assertThat(restarted.ledger.load()).isEqualTo(uninterrupted.ledger.load());
        assertThat(restarted.metrics.evicted)
                .isEqualTo(uninterrupted.metrics.evicted)
                .endsWith("daily-closes:capacity", "mark:capacity", "mark:idle", "mark:idle", "daily-closes:capacity");
    }

    private static RiskHarness holdingBtc() {
        RiskHarness risk = RiskHarness.bounded(BOUNDS, 3);
        risk.instruments.save(BTC, InMemoryInstrumentBook.binanceLike("0.00001"));
        risk.useCases()
                .decideOnSignal()
                .decide(risk.signal("momentum", "BTCUSDT", Side.BUY, "30000", "29400", 0.8, START));
        risk.fill(risk.lastIntent(), "30010", T1);
        risk.candle("BTCUSDT", "30100", T1);
        return risk;
    }

    private static void feedNewcomers(RiskHarness risk) {
        for (int i = 0; i < NEWCOMERS.size(); i++) {
            risk.candle(NEWCOMERS.get(i), String.valueOf(i + 1), T1.plus(Duration.ofMinutes(15L * (i + 1))));
        }
    }
}
