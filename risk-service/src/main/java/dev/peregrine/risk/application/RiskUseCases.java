package dev.peregrine.risk.application;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.risk.application.port.in.ApplyExecutionReport;
import dev.peregrine.risk.application.port.in.DecideOnSignal;
import dev.peregrine.risk.application.port.in.ObserveCandle;
import dev.peregrine.risk.application.port.in.OperateRiskControls;
import dev.peregrine.risk.application.port.in.RecordMarketFacts;
import dev.peregrine.risk.application.port.in.ViewPortfolio;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.control.ControlPolicy;
import dev.peregrine.risk.domain.portfolio.MarkBounds;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.sizing.EntrySizer;
import dev.peregrine.risk.domain.sizing.RiskPolicy;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The use cases around one shared {@link Book}, assembled from their ports. The same assembly serves the service
 * and, without Spring, tests and backtests.
 */
public record RiskUseCases(
        DecideOnSignal decideOnSignal,
        ApplyExecutionReport applyExecutionReport,
        ObserveCandle observeCandle,
        OperateRiskControls operateRiskControls,
        RecordMarketFacts recordMarketFacts,
        ViewPortfolio viewPortfolio) {

    /** The ports and settings the use cases need. */
    public record Ports(
            RiskLedger ledger,
            DecisionStore decisions,
            InstrumentBook instruments,
            CorrelationGroupSource groups,
            RiskEvents events,
            RiskMetrics metrics,
            Clock clock,
            IdGenerator ids) {}

    /** As the other, with the default {@link MarkBounds}. */
    public static RiskUseCases assemble(
            Ports ports,
            RiskPolicy riskPolicy,
            ControlPolicy controlPolicy,
            boolean exitOnPause,
            Supplier<Portfolio> freshPortfolio) {
        return assemble(ports, riskPolicy, controlPolicy, exitOnPause, freshPortfolio, MarkBounds.DEFAULTS);
    }

    /** @param markBounds how many marks the portfolio keeps, and for how long without a candle */
    public static RiskUseCases assemble(
            Ports ports,
            RiskPolicy riskPolicy,
            ControlPolicy controlPolicy,
            boolean exitOnPause,
            Supplier<Portfolio> freshPortfolio,
            MarkBounds markBounds) {
        Book book = new Book(ports.ledger(), controlPolicy, ports.groups(), freshPortfolio);
        BookKeeper keeper = new BookKeeper(
                book, ports.ledger(), ports.events(), ports.metrics(), ports.groups(), ports.ids(), ports.clock());
        EntrySizer sizer = new EntrySizer(riskPolicy);
        AccountStates accounts = new AccountStates(ports.instruments(), ports.groups());
        ExitPlanner exits = new ExitPlanner(ports.instruments(), ports.metrics(), ports.clock());
        ControlReactions reactions = new ControlReactions(exits);
        return new RiskUseCases(
                new DecideOnSignalService(
                        book,
                        keeper,
                        sizer,
                        accounts,
                        exits,
                        ports.decisions(),
                        ports.events(),
                        ports.metrics(),
                        ports.clock(),
                        ports.ids()),
                new ApplyExecutionReportService(book, keeper, ports.ledger(), exits, reactions),
                new ObserveCandleService(
                        book,
                        keeper,
                        exits,
                        reactions,
                        ports.groups(),
                        riskPolicy,
                        markBounds,
                        new StateEvictions(ports.metrics())),
                new OperateRiskControlsService(book, keeper, reactions, ports.events(), ports.ids(), ports.clock()),
                new RecordMarketFactsService(book, keeper, ports.ledger(), ports.instruments(), exits, exitOnPause),
                new ViewPortfolioService(book, keeper, ports.ledger(), sizer, accounts, ports.groups(), ports.clock()));
    }
}
