package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.execution.adapter.out.paper.PaperVenue;
import dev.peregrine.execution.application.ExecutionReports;
import dev.peregrine.execution.application.ObserveMarketService;
import dev.peregrine.execution.application.OrderExecution;
import dev.peregrine.execution.application.PlaceOrderService;
import dev.peregrine.execution.application.SymbolLocks;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.risk.application.RiskUseCases;
import dev.peregrine.risk.config.RiskConfiguration;
import dev.peregrine.risk.config.RiskProperties;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * signal-, risk- and execution-service in one thread: their own use cases on in-memory ports, joined by two queues
 * that stand for {@code orders.intents.v1} (risk to execution) and {@code execution.reports.v1} (execution to risk).
 *
 * <h2>The order of events, and where the live system's order depends on timing</h2>
 * Live, the three services hear {@code market.candles.v1} side by side and each other's events a hop later. For one
 * closed candle the engine runs, in market-time order:
 * <ol>
 *   <li><b>execution</b> records the candle and settles what it executes (a market order placed on the previous
 *       candle fills at this one's open; a resting stop or take-profit that the candle reaches fills); risk applies
 *       those reports. They happened at the candle's open or inside it, before its close.</li>
 *   <li><b>risk</b> marks its book to the close, lets the breaker and drawdown limit react, and sends the exits of
 *       positions held past the maximum holding time; execution places them (they fill on the next candle).</li>
 *   <li><b>signal</b> judges the candle; risk decides each signal in the panel's order, then execution places the
 *       intents and risk applies their reports.</li>
 * </ol>
 * Live, steps 1 and 2 race: risk may mark the close before or after it applies the fills of the same candle (it hears
 * the candle one hop before the fills), and step 3 races with both: signal-service may publish a signal before risk
 * has applied that candle's fills. What depends on that race: a SELL signal of a strategy whose entry filled at this
 * candle's open (denied FLAT_NOTHING_TO_SELL if the fill is not applied yet), the equity a BUY is sized on (marks and
 * fills), a breaker transition on an intermediate valuation, and a holding-time exit of a position whose stop sold it
 * on the same candle (sent, then refused NOTHING_HELD, if risk marks first). The engine takes the market-time order
 * above, the one a paced live run sees when each service keeps up; the parity test enforces it on the services by
 * pausing their candle consumers step by step. A speed-0 replay through Kafka does not (docs/risk.md).
 *
 * <p>Within step 3, risk decides all of a candle's signals before it applies the reports of the first one's intent
 * (live, the signals arrive as one batch); only a report that releases a reservation (an order execution refused)
 * could change a later decision of the same candle.
 */
final class ServicesInProcess {

    private final MarketClock clock = new MarketClock();
    private final SequenceIds ids = new SequenceIds();
    private final MemoryRiskLedger ledger = new MemoryRiskLedger();
    private final MemoryOrderStore orders = new MemoryOrderStore();
    private final Deque<ExecutionReportEvent> reports = new ArrayDeque<>();
    private final ResultRecorder recorder;
    private final RiskOutbox riskOutbox;
    private final RiskUseCases risk;
    private final PlaceOrderService placeOrder;
    private final ObserveMarketService market;
    private final SignalSource signals;

    ServicesInProcess(BacktestConfig config, SignalSource signals, ResultRecorder recorder) {
        this.recorder = recorder;
        this.riskOutbox = new RiskOutbox(recorder::closed);
        this.signals = signals;
        this.risk = riskOf(config.risk());
        ExecutionReportPublisher publisher = report -> {
            recorder.report(report);
            reports.addLast(report);
        };
        MemoryMarketCandles candles = new MemoryMarketCandles();
        PaperVenue venue = new PaperVenue(candles, config.venue().fillRule());
        ExecutionReports executionReports = new ExecutionReports(ids, clock);
        OrderExecution execution = new OrderExecution(
                orders, venue, config.venue().safetyChecks(), executionReports, publisher, Unmeasured.INSTANCE, clock);
        SymbolLocks locks = new SymbolLocks(1);
        this.placeOrder = new PlaceOrderService(
                orders,
                venue,
                config.venue().safetyChecks(),
                execution,
                executionReports,
                publisher,
                Unmeasured.INSTANCE,
                locks,
                clock);
        this.market = new ObserveMarketService(candles, orders, execution, executionReports, publisher, locks);
    }

    private RiskUseCases riskOf(RiskProperties properties) {
        return RiskUseCases.assemble(
                new RiskUseCases.Ports(
                        ledger,
                        ledger,
                        new MemoryInstrumentBook(),
                        new RiskConfiguration().correlationGroups(properties),
                        riskOutbox,
                        Unmeasured.INSTANCE,
                        clock,
                        ids),
                RiskConfiguration.riskPolicyOf(properties),
                RiskConfiguration.controlPolicyOf(properties),
                properties.exitOnPause(),
                () -> Portfolio.withCash(properties.quoteAsset(), properties.startingBalance()),
                RiskConfiguration.markBoundsOf(properties));
    }

    /** An instrument's trading rules, as risk hears them before the replay's first candle. */
    void instrument(InstrumentUpdated instrument) {
        clock.set(instrument.envelope().eventTime());
        risk.recordMarketFacts().instrument(instrument);
    }

    /** One closed candle through the three services, in the order described above. */
    void candle(CandleClosed candle) {
        clock.set(candle.closeTime());
        recorder.candle(candle);
        market.observe(candle);
        settle();
        risk.observeCandle().observe(candle);
        settle();
        List<SignalValidated> published = signals.judge(candle, ids, clock);
        for (SignalValidated signal : published) {
            recorder.signal(signal, candle.openTime());
            risk.decideOnSignal().decide(signal);
        }
        settle();
    }

    /** Delivers the queued reports to risk and intents to execution until neither has anything left. */
    private void settle() {
        while (true) {
            ExecutionReportEvent report = reports.pollFirst();
            if (report != null) {
                risk.applyExecutionReport().apply(report);
                continue;
            }
            OrderIntentCreated intent = riskOutbox.nextIntent();
            if (intent == null) {
                return;
            }
            recorder.intent(intent);
            placeOrder.place(intent);
        }
    }

    MemoryRiskLedger ledger() {
        return ledger;
    }

    MemoryOrderStore orders() {
        return orders;
    }
}
