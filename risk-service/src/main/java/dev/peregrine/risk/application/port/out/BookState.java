package dev.peregrine.risk.application.port.out;

import dev.peregrine.risk.domain.control.ControlsSnapshot;
import dev.peregrine.risk.domain.portfolio.PortfolioSnapshot;

import java.util.Objects;

/** The portfolio and the controls, as they are persisted together after every fact. */
public record BookState(PortfolioSnapshot portfolio, ControlsSnapshot controls) {

    public BookState {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(controls, "controls");
    }
}
