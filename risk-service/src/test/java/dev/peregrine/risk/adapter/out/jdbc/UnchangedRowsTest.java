package dev.peregrine.risk.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.BookState;
import dev.peregrine.risk.domain.control.ControlsSnapshot;
import dev.peregrine.risk.domain.portfolio.Mark;
import dev.peregrine.risk.domain.portfolio.PortfolioSnapshot;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class UnchangedRowsTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:15:00Z");

    private final UnchangedRows rows = new UnchangedRows();
    private final Map<String, BigDecimal> cash = new TreeMap<>(Map.of("USDT", new BigDecimal("10000")));
    private final Map<Symbol, Mark> marks = new TreeMap<>(Map.of(Symbol.of("BTCUSDT"), new Mark(bd("90000"), AT)));

    @Test
    void aStateIsUnchangedOnlyAfterTheSameStateWasCommitted() {
        BookState first = UnchangedRows.frozen(state());
        assertThat(rows.stateUnchanged(first)).as("nothing committed yet").isFalse();

        rows.committed(first, point("10000"));

        assertThat(rows.stateUnchanged(UnchangedRows.frozen(state()))).isTrue();
        cash.put("USDT", new BigDecimal("9000"));
        assertThat(rows.stateUnchanged(UnchangedRows.frozen(state()))).isFalse();
    }

    @Test
    void theRememberedStateDoesNotChangeWithTheLiveBook() {
        rows.committed(UnchangedRows.frozen(state()), point("10000"));

        marks.put(Symbol.of("BTCUSDT"), new Mark(bd("91000"), AT.plusSeconds(900)));

        assertThat(rows.stateUnchanged(UnchangedRows.frozen(state())))
                .as("the mark moved in the live map after the commit")
                .isFalse();
    }

    @Test
    void theFrozenStateWritesTheSameJson() {
        BookStateJson json = new BookStateJson();
        cash.put("BTC", new BigDecimal("0.5"));

        assertThat(json.write(UnchangedRows.frozen(state()))).isEqualTo(json.write(state()));
    }

    @Test
    void anEquityPointIsUnchangedForTheSameHourAndValues() {
        rows.committed(UnchangedRows.frozen(state()), point("10000"));

        assertThat(rows.pointUnchanged(point("10000"))).isTrue();
        assertThat(rows.pointUnchanged(point("10001"))).isFalse();
        assertThat(rows.pointUnchanged(UnchangedRows.EquityPoint.of(valuation("10000"), AT.plusSeconds(3600))))
                .as("a new market hour is a new row")
                .isFalse();
    }

    private BookState state() {
        return new BookState(
                new PortfolioSnapshot(
                        "USDT",
                        cash,
                        List.of(),
                        marks,
                        List.of(),
                        new TreeMap<>(),
                        bd("10000"),
                        bd("10000"),
                        LocalDate.of(2026, 12, 7),
                        AT,
                        true),
                ControlsSnapshot.INITIAL,
                new TreeMap<>(Map.of(Symbol.of("BTCUSDT"), new TreeMap<>(Map.of(LocalDate.of(2026, 12, 6), 90000.0)))));
    }

    private static UnchangedRows.EquityPoint point(String equity) {
        return UnchangedRows.EquityPoint.of(valuation(equity), AT);
    }

    private static Valuation valuation(String equity) {
        return new Valuation(
                bd(equity),
                bd(equity),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                Map.of(),
                bd("10000"),
                BigDecimal.ZERO,
                bd("10000"),
                BigDecimal.ZERO,
                0);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
