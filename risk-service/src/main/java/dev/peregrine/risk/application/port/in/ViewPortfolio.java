package dev.peregrine.risk.application.port.in;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.sizing.SizedEntry;
import java.util.List;

/** Read-only views for operators and dashboards; nothing here stores or sends anything. */
public interface ViewPortfolio {

    PortfolioView portfolio();

    /** Open positions (with marks) and closed ones, newest first. */
    List<Position> positions(Boolean open, String strategyId, String symbol, int limit);

    /** What-if: the decision a hypothetical BUY signal would get now, with every check and its numbers. */
    SizedEntry evaluate(SignalValidated hypothetical);
}
