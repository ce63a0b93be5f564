package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.control.ControlsSnapshot;
import dev.peregrine.risk.domain.portfolio.PortfolioSnapshot;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The portfolio, the controls and the daily closes the correlation groups come from, persisted together after
 * every fact, so a restarted service decides exactly as the one it replaces would have.
 */
public record BookState(
        PortfolioSnapshot portfolio,
        ControlsSnapshot controls,
        SortedMap<Symbol, SortedMap<LocalDate, Double>> dailyCloses) {

    public BookState {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(controls, "controls");
        SortedMap<Symbol, SortedMap<LocalDate, Double>> copy = new TreeMap<>();
        if (dailyCloses != null) {
            dailyCloses.forEach(
                    (symbol, closes) -> copy.put(symbol, Collections.unmodifiableSortedMap(new TreeMap<>(closes))));
        }
        dailyCloses = Collections.unmodifiableSortedMap(copy);
    }
}
