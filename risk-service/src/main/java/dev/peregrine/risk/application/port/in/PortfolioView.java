package dev.peregrine.risk.application.port.in;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account as an operator sees it: its value, the controls, the open positions at their marks, exposure per
 * correlation group, and each limit with its use now.
 */
public record PortfolioView(
        String quoteAsset,
        Valuation valuation,
        Instant marketTime,
        String breaker,
        Instant haltedUntil,
        boolean drawdownHalted,
        boolean killSwitch,
        BigDecimal dailyLoss,
        List<OpenPosition> openPositions,
        Map<String, BigDecimal> exposureByGroup,
        Map<String, Set<Symbol>> groups,
        List<LimitUse> limits) {

    /** An open position with the mark it is valued at. */
    public record OpenPosition(Position position, BigDecimal mark, BigDecimal marketValue, BigDecimal unrealisedPnl) {}

    /** One limit: its ceiling, what is used of it now (the most used instance for per-position limits). */
    public record LimitUse(String name, BigDecimal limit, BigDecimal used, String detail) {}
}
