package dev.peregrine.risk.adapter.in.rest;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.in.PortfolioView;
import dev.peregrine.risk.domain.portfolio.Money18;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/v1/portfolio}: the account marked to market, rounded to 8 decimals for display. */
public record PortfolioResponse(
        String quoteAsset,
        BigDecimal equity,
        BigDecimal cash,
        BigDecimal reserved,
        BigDecimal availableCash,
        BigDecimal grossExposure,
        Map<String, BigDecimal> exposureBySymbol,
        Map<String, BigDecimal> exposureByGroup,
        BigDecimal dayStartEquity,
        BigDecimal dailyPnl,
        BigDecimal dailyLoss,
        BigDecimal highWaterMark,
        BigDecimal drawdown,
        String breakerState,
        Instant haltedUntil,
        boolean drawdownHalted,
        boolean killSwitch,
        int openPositions,
        Instant marketTime,
        List<OpenPositionResponse> positions) {

    /** An open position at its mark. */
    public record OpenPositionResponse(
            String strategyId,
            String symbol,
            BigDecimal quantity,
            BigDecimal averageEntry,
            BigDecimal mark,
            BigDecimal marketValue,
            BigDecimal unrealisedPnl,
            BigDecimal realisedPnl,
            BigDecimal fees,
            Instant openedAt,
            BigDecimal stopLoss,
            BigDecimal takeProfit) {}

    static PortfolioResponse of(PortfolioView view) {
        Valuation v = view.valuation();
        Map<String, BigDecimal> bySymbol = new TreeMap<>();
        v.exposureBySymbol()
                .forEach((Symbol symbol, BigDecimal value) -> bySymbol.put(symbol.value(), Money18.shown(value)));
        Map<String, BigDecimal> byGroup = new TreeMap<>();
        view.exposureByGroup().forEach((group, value) -> byGroup.put(group, Money18.shown(value)));
        List<OpenPositionResponse> positions = view.openPositions().stream()
                .map(o -> new OpenPositionResponse(
                        o.position().key().strategyId(),
                        o.position().key().symbol().value(),
                        o.position().quantity(),
                        Money18.shown(o.position().averageEntry()),
                        o.mark(),
                        Money18.shown(o.marketValue()),
                        Money18.shown(o.unrealisedPnl()),
                        Money18.shown(o.position().realisedPnl()),
                        Money18.shown(o.position().fees()),
                        o.position().openedAt(),
                        o.position().stopLoss(),
                        o.position().takeProfit()))
                .toList();
        return new PortfolioResponse(
                view.quoteAsset(),
                Money18.shown(v.equity()),
                Money18.shown(v.cash()),
                Money18.shown(v.reserved()),
                Money18.shown(v.availableCash()),
                Money18.shown(v.grossExposure()),
                bySymbol,
                byGroup,
                Money18.shown(v.dayStartEquity()),
                Money18.shown(v.dailyPnl()),
                Money18.shown(view.dailyLoss()),
                Money18.shown(v.highWaterMark()),
                Money18.shown(v.drawdown()),
                view.breaker(),
                view.haltedUntil(),
                view.drawdownHalted(),
                view.killSwitch(),
                v.openPositions(),
                view.marketTime(),
                positions);
    }
}
