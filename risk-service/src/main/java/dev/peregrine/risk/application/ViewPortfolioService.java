package dev.peregrine.risk.application;

import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Side;
import dev.peregrine.risk.application.port.in.PortfolioView;
import dev.peregrine.risk.application.port.in.ViewPortfolio;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.domain.control.RiskControls;
import dev.peregrine.risk.domain.portfolio.Money18;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import dev.peregrine.risk.domain.portfolio.Valuation;
import dev.peregrine.risk.domain.sizing.EntryRequest;
import dev.peregrine.risk.domain.sizing.EntrySizer;
import dev.peregrine.risk.domain.sizing.RiskPolicy;
import dev.peregrine.risk.domain.sizing.SizedEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Read-only views of the book, taken under its lock so each is one consistent moment. */
public final class ViewPortfolioService implements ViewPortfolio {

    private final Book book;
    private final BookKeeper keeper;
    private final RiskLedger ledger;
    private final EntrySizer sizer;
    private final AccountStates accounts;
    private final CorrelationGroupSource groups;
    private final Clock clock;

    ViewPortfolioService(
            Book book,
            BookKeeper keeper,
            RiskLedger ledger,
            EntrySizer sizer,
            AccountStates accounts,
            CorrelationGroupSource groups,
            Clock clock) {
        this.book = Objects.requireNonNull(book, "book");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PortfolioView portfolio() {
        return book.locked(() -> {
            Portfolio portfolio = book.portfolio();
            RiskControls controls = book.controls();
            Valuation valuation = portfolio.valuation();
            Instant at = portfolio.marketTime().orElse(clock.instant());
            List<PortfolioView.OpenPosition> open = new ArrayList<>();
            for (Position position : portfolio.openPositions()) {
                BigDecimal mark = portfolio.markOf(position.key().symbol());
                open.add(new PortfolioView.OpenPosition(
                        position, mark, position.marketValue(mark), position.unrealisedPnl(mark)));
            }
            Map<String, BigDecimal> byGroup = keeper.exposureByGroup(valuation);
            return new PortfolioView(
                    portfolio.quoteAsset(),
                    valuation,
                    portfolio.marketTime().orElse(null),
                    controls.breaker().name(),
                    controls.haltedUntil().orElse(null),
                    controls.drawdownHalted(),
                    controls.killSwitch(),
                    controls.dailyLoss(valuation, at),
                    open,
                    byGroup,
                    groups.groups(),
                    limits(valuation, open, byGroup, controls, at));
        });
    }

    private List<PortfolioView.LimitUse> limits(
            Valuation valuation,
            List<PortfolioView.OpenPosition> open,
            Map<String, BigDecimal> byGroup,
            RiskControls controls,
            Instant at) {
        RiskPolicy policy = sizer.policy();
        BigDecimal equity = valuation.equity();
        BigDecimal largestPosition =
                open.stream().map(PortfolioView.OpenPosition::marketValue).reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal largestSymbol =
                valuation.exposureBySymbol().values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal largestGroup = byGroup.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        List<PortfolioView.LimitUse> limits = new ArrayList<>();
        limits.add(value(
                "MAX_POSITION_FRACTION", policy.maxPositionFraction(), equity, largestPosition, "largest position"));
        limits.add(value("MAX_SYMBOL_FRACTION", policy.maxSymbolFraction(), equity, largestSymbol, "largest symbol"));
        limits.add(value(
                "MAX_GROUP_FRACTION", policy.maxGroupFraction(), equity, largestGroup, "largest correlation group"));
        limits.add(value(
                "MAX_GROSS_EXPOSURE",
                policy.maxGrossExposure(),
                equity,
                valuation.grossExposure().add(valuation.reserved()),
                "all positions and entries in flight"));
        limits.add(new PortfolioView.LimitUse(
                "MAX_OPEN_POSITIONS",
                BigDecimal.valueOf(policy.maxOpenPositions()),
                BigDecimal.valueOf(valuation.openPositions()),
                "open positions"));
        limits.add(new PortfolioView.LimitUse(
                "MAX_ORDERS_PER_MINUTE",
                BigDecimal.valueOf(policy.maxOrdersPerMinute()),
                BigDecimal.valueOf(book.ordersInLastMinute(at)),
                "orders in the last minute of market time"));
        limits.add(new PortfolioView.LimitUse(
                "AVAILABLE_CASH",
                Money18.shown(valuation.cash()),
                Money18.shown(valuation.reserved()),
                "quote cash, and what entries in flight reserve of it"));
        limits.add(new PortfolioView.LimitUse(
                "DAILY_LOSS",
                controls.policy().haltLoss(),
                Money18.shown(controls.dailyLoss(valuation, at)),
                "daily loss as a fraction of equity at 00:00 UTC;" + " warning at "
                        + controls.policy().warningLoss()));
        limits.add(new PortfolioView.LimitUse(
                "MAX_DRAWDOWN",
                controls.policy().maxDrawdown(),
                Money18.shown(valuation.drawdown()),
                "drawdown from peak equity"));
        return limits;
    }

    private static PortfolioView.LimitUse value(
            String name, BigDecimal fraction, BigDecimal equity, BigDecimal used, String what) {
        return new PortfolioView.LimitUse(
                name,
                Money18.shown(equity.multiply(fraction)),
                Money18.shown(used),
                what + " against " + fraction.stripTrailingZeros().toPlainString() + " of equity");
    }

    @Override
    public List<Position> positions(Boolean open, String strategyId, String symbol, int limit) {
        return ledger.positions(open, strategyId, symbol, limit);
    }

    @Override
    public SizedEntry evaluate(SignalValidated hypothetical) {
        if (hypothetical.side() != Side.BUY) {
            throw new IllegalArgumentException(
                    "the what-if sizes entries: side must be BUY (a SELL closes what is held)");
        }
        return book.locked(() -> {
            PositionKey key = new PositionKey(hypothetical.strategyId(), hypothetical.symbol());
            return sizer.size(
                    new EntryRequest(
                            key,
                            hypothetical.referencePrice().value(),
                            hypothetical.stopPrice().value(),
                            BigDecimal.valueOf(hypothetical.confidence()),
                            BigDecimal.valueOf(hypothetical.sizeMultiplier()),
                            hypothetical.regime(),
                            hypothetical.candleCloseTime()),
                    accounts.of(book, key, hypothetical.candleCloseTime()));
        });
    }
}
