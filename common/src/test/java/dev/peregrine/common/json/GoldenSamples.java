package dev.peregrine.common.json;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderCanceled;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPartiallyFilled;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.PortfolioValued;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.ResumeStrategy;
import dev.peregrine.common.event.RiskControlChanged;
import dev.peregrine.common.event.SetStrategyWeight;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One representative instance of every concrete event type, built from fixed values only (no clock, no
 * random ids), so that its JSON is stable and can be compared with the golden file
 * {@code src/test/resources/samples/<topic>/<TypeName>.json}.
 *
 * <p>The instances form one plausible chain: a BTCUSDT 15m candle, the signal computed on it, risk's
 * decision, the order intent and its execution reports, the measured outcome, and a strategy being paused.
 */
final class GoldenSamples {

    /** An event and the topic it travels on. */
    record Sample(String topic, PeregrineEvent event, String fileName) {

        Sample(String topic, PeregrineEvent event) {
            this(topic, event, event.getClass().getSimpleName());
        }

        String typeName() {
            return event.getClass().getSimpleName();
        }

        /** Relative path of the golden file, e.g. {@code market.candles.v1/CandleClosed.json}. */
        String relativePath() {
            return topic + "/" + fileName + ".json";
        }

        @Override
        public String toString() {
            return relativePath();
        }
    }

    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    static final String STRATEGY = "ema-cross-v1";

    static final Instant OPEN_TIME = Instant.parse("2023-10-16T09:00:00Z");
    static final Instant CLOSE_TIME = Instant.parse("2023-10-16T09:14:59.999Z");

    static final UUID CANDLE_ID = UUID.fromString("018b37c4-66f4-7a10-8c41-0d5e2f6a7b01");
    static final UUID INSTRUMENT_EVENT_ID = UUID.fromString("018b3751-c100-7a01-8c41-0d5e2f6a7b00");
    static final UUID QUALITY_ID = UUID.fromString("018b37c4-66f7-7b22-9d13-4e6f7a8b9c02");
    static final UUID SIGNAL_EVENT_ID = UUID.fromString("018b37c4-6851-7c33-a2f4-5a6b7c8d9e03");
    /** {@code DerivedIds.from("signal", "ema-cross-v1", "BTCUSDT", "15m", CLOSE_TIME)}. */
    static final UUID SIGNAL_ID = UUID.fromString("4f54c034-23bb-3f82-9f1d-552223f86004");

    static final UUID APPROVED_EVENT_ID = UUID.fromString("018b37c4-6895-7d44-b3a5-6b7c8d9eaf05");
    static final UUID APPROVED_DECISION_ID = UUID.fromString("018b37c4-6895-7e55-84b6-7c8d9eafb006");
    static final UUID DENIED_EVENT_ID = UUID.fromString("018b37c4-6899-7f66-95c7-8d9eafb0c107");
    static final UUID DENIED_DECISION_ID = UUID.fromString("018b37c4-6899-7077-a6d8-9eafb0c1d208");
    static final UUID INTENT_EVENT_ID = UUID.fromString("018b37c4-68bc-7188-b7e9-afb0c1d2e309");
    static final UUID INTENT_ID = UUID.fromString("018b37c4-68bc-7299-88fa-b0c1d2e3f40a");
    static final String CLIENT_ORDER_ID = "pg-018b37c468bc7299";
    static final UUID ACCEPTED_EVENT_ID = UUID.fromString("018b37c4-69d3-73aa-990b-c1d2e3f4050b");
    static final UUID FILLED_EVENT_ID = UUID.fromString("018b37c4-6ba8-74bb-aa1c-d2e3f405160c");
    static final UUID REJECTED_EVENT_ID = UUID.fromString("018b37c4-69d5-75cc-bb2d-e3f40516270d");
    static final UUID OUTCOME_EVENT_ID = UUID.fromString("018b38a0-2151-76dd-8c3e-f4051627380e");
    static final UUID PAUSE_EVENT_ID = UUID.fromString("018b3884-b042-77ee-9d4f-05162738490f");
    static final UUID RESUME_EVENT_ID = UUID.fromString("018b3ca8-19b3-78ff-ae50-162738495a10");
    static final UUID WEIGHT_EVENT_ID = UUID.fromString("018b3ca8-2a54-7900-bf61-2738495a6b11");
    static final UUID STATE_CHANGED_EVENT_ID = UUID.fromString("018b3884-b097-7a11-8072-38495a6b7c12");
    static final UUID ALERT_EVENT_ID = UUID.fromString("018b3884-b080-7b22-9183-495a6b7c8d13");
    static final UUID EXIT_INTENT_EVENT_ID = UUID.fromString("018b3884-b0a1-7c33-a294-5a6b7c8d9e14");
    static final UUID EXIT_INTENT_ID = UUID.fromString("018b3884-b0a1-7d44-b3a5-6b7c8d9eaf15");
    static final UUID EXIT_DECISION_ID = UUID.fromString("018b3884-b0a0-7e55-84b6-7c8d9eafb016");
    static final String EXIT_CLIENT_ORDER_ID = "pg-018b3884b0a17d44";
    static final UUID PARTIAL_EVENT_ID = UUID.fromString("018b37c4-6b9c-7f66-95c7-8d9eafb0c117");
    static final UUID CANCELED_EVENT_ID = UUID.fromString("018b3884-b1c1-7077-a6d8-9eafb0c1d218");
    static final UUID ACCOUNT_EVENT_ID = UUID.fromString("018b37c4-6bb2-7188-b7e9-afb0c1d2e319");
    static final UUID POSITION_EVENT_ID = UUID.fromString("018b37c4-6bc1-7299-88fa-b0c1d2e3f41a");
    static final UUID POSITION_ID = UUID.fromString("018b37c4-6bc1-73aa-990b-c1d2e3f4051b");
    static final UUID VALUED_EVENT_ID = UUID.fromString("018b37e2-0f21-74bb-aa1c-d2e3f405161c");
    static final UUID CONTROL_EVENT_ID = UUID.fromString("018b388b-9d00-75cc-bb2d-e3f40516271d");
    static final UUID CANCEL_REQUEST_EVENT_ID = UUID.fromString("018b37c4-6a0c-7dd2-8e4f-f40516273a1e");

    /** Ids of the protective pair, derived from the entry intent the way execution derives them. */
    static final class DerivedIdsSample {
        static final UUID STOP_LOSS_INTENT_ID = UUID.fromString("5b6f5a0c-1d7e-3f10-8c2b-7e4f1a9d3c20");

        private DerivedIdsSample() {}
    }

    static final Envelope CANDLE_ENVELOPE =
            Envelope.root(CANDLE_ID, CLOSE_TIME, Instant.parse("2023-10-16T09:15:00.212Z"));
    static final Envelope SIGNAL_ENVELOPE =
            Envelope.causedBy(CANDLE_ENVELOPE, SIGNAL_EVENT_ID, CLOSE_TIME, Instant.parse("2023-10-16T09:15:00.561Z"));
    static final Envelope APPROVED_ENVELOPE = Envelope.causedBy(
            SIGNAL_ENVELOPE, APPROVED_EVENT_ID, CLOSE_TIME, Instant.parse("2023-10-16T09:15:00.629Z"));
    static final Envelope INTENT_ENVELOPE = Envelope.causedBy(
            APPROVED_ENVELOPE, INTENT_EVENT_ID, CLOSE_TIME, Instant.parse("2023-10-16T09:15:00.668Z"));
    static final Envelope PAUSE_ENVELOPE = Envelope.root(
            PAUSE_EVENT_ID, Instant.parse("2023-10-16T12:45:01.890Z"), Instant.parse("2023-10-16T12:45:01.890Z"));

    private GoldenSamples() {}

    static List<Sample> all() {
        return List.of(
                new Sample(Topics.MARKET_CANDLES, candleClosed()),
                new Sample(Topics.MARKET_QUALITY, qualityIncident()),
                new Sample(Topics.MARKET_INSTRUMENTS, instrumentUpdated()),
                new Sample(Topics.SIGNALS_VALIDATED, signalValidated()),
                new Sample(Topics.RISK_DECISIONS, tradeApproved()),
                new Sample(Topics.RISK_DECISIONS, tradeDenied()),
                new Sample(Topics.ORDERS_INTENTS, orderIntentCreated()),
                new Sample(Topics.ORDERS_INTENTS, exitIntentCreated(), "OrderIntentCreated-exit"),
                new Sample(Topics.ORDERS_INTENTS, orderCancelRequested()),
                new Sample(Topics.EXECUTION_REPORTS, orderAccepted()),
                new Sample(Topics.EXECUTION_REPORTS, orderPartiallyFilled()),
                new Sample(Topics.EXECUTION_REPORTS, orderFilled()),
                new Sample(Topics.EXECUTION_REPORTS, orderCanceled()),
                new Sample(Topics.EXECUTION_REPORTS, orderRejected()),
                new Sample(Topics.EXECUTION_ACCOUNTS, accountSnapshot()),
                new Sample(Topics.RISK_PORTFOLIO, positionChanged()),
                new Sample(Topics.RISK_PORTFOLIO, portfolioValued()),
                new Sample(Topics.RISK_PORTFOLIO, riskControlChanged()),
                new Sample(Topics.SIGNALS_OUTCOMES, signalOutcomeMeasured()),
                new Sample(Topics.STRATEGY_COMMANDS, pauseStrategy()),
                new Sample(Topics.STRATEGY_COMMANDS, resumeStrategy()),
                new Sample(Topics.STRATEGY_COMMANDS, setStrategyWeight()),
                new Sample(Topics.STRATEGY_EVENTS, strategyStateChanged()),
                new Sample(Topics.ALERTS, alertRaised()));
    }

    static InstrumentUpdated instrumentUpdated() {
        return new InstrumentUpdated(
                Envelope.root(
                        INSTRUMENT_EVENT_ID,
                        Instant.parse("2023-10-16T08:00:00Z"),
                        Instant.parse("2023-10-16T08:00:00.412Z")),
                BTCUSDT,
                "TRADING",
                "BTC",
                "USDT",
                Price.of("0.01000000"),
                Price.of("0.00001000"),
                Quantity.of("0.00001000"),
                Quantity.of("5.00000000"),
                Quantity.of("9000.00000000"),
                Quantity.of("83.27621058"),
                Quantity.of("9000000.00000000"));
    }

    static CandleClosed candleClosed() {
        return new CandleClosed(
                CANDLE_ENVELOPE,
                BTCUSDT,
                Interval.FIFTEEN_MINUTES,
                OPEN_TIME,
                CLOSE_TIME,
                Price.of("27050.10000000"),
                Price.of("27180.00000000"),
                Price.of("27012.55000000"),
                Price.of("27123.45000000"),
                Quantity.of("412.53810000"),
                Quantity.of("11192745.83140210"),
                18734,
                Quantity.of("215.10420000"),
                Quantity.of("5836122.47510000"),
                "binance-ws",
                List.of());
    }

    static QualityIncident qualityIncident() {
        return new QualityIncident(
                Envelope.root(
                        QUALITY_ID,
                        Instant.parse("2023-10-16T08:59:59.999Z"),
                        Instant.parse("2023-10-16T09:15:00.215Z")),
                BTCUSDT,
                Interval.FIFTEEN_MINUTES,
                "OHLC_INCONSISTENT",
                Severity.WARNING,
                "replay:BTCUSDT-15m.csv.gz",
                "line 1842: high 27010.00000000 < close 27023.45000000");
    }

    static SignalValidated signalValidated() {
        return new SignalValidated(
                SIGNAL_ENVELOPE,
                SIGNAL_ID,
                STRATEGY,
                BTCUSDT,
                Interval.FIFTEEN_MINUTES,
                CLOSE_TIME,
                Side.BUY,
                78,
                Grade.B,
                0.72,
                0.8,
                RecommendedAction.TRADE,
                true,
                Price.of("27123.45000000"),
                Price.of("26850.00000000"),
                List.of(
                        Reason.of("EMA_CROSS_UP", "EMA(9) crossed above EMA(21)"),
                        Reason.of("VOLUME_CONFIRMED", "volume 1.8x the 20-candle average")),
                "TRENDING_LOW",
                0.6421,
                "xgb-2026-12-01",
                "isotonic-2026-12-07");
    }

    static TradeApproved tradeApproved() {
        return new TradeApproved(
                APPROVED_ENVELOPE,
                APPROVED_DECISION_ID,
                SIGNAL_ID,
                STRATEGY,
                BTCUSDT,
                Side.BUY,
                Quantity.of("0.03650000"),
                Price.of("27123.45000000"),
                Price.of("26850.00000000"),
                Money.of("9.98092500", "USDT"),
                List.of(Reason.of("WITHIN_RISK_BUDGET", "risk 9.98 USDT <= 1% of 1000 USDT equity")));
    }

    static TradeDenied tradeDenied() {
        return new TradeDenied(
                Envelope.causedBy(
                        SIGNAL_ENVELOPE, DENIED_EVENT_ID, CLOSE_TIME, Instant.parse("2023-10-16T09:15:00.633Z")),
                DENIED_DECISION_ID,
                SIGNAL_ID,
                STRATEGY,
                BTCUSDT,
                Side.BUY,
                List.of(Reason.of("MAX_OPEN_POSITIONS", "3 of 3 positions already open")));
    }

    static OrderIntentCreated orderIntentCreated() {
        return new OrderIntentCreated(
                INTENT_ENVELOPE,
                INTENT_ID,
                CLIENT_ORDER_ID,
                APPROVED_DECISION_ID,
                SIGNAL_ID,
                STRATEGY,
                BTCUSDT,
                Side.BUY,
                OrderType.LIMIT,
                Quantity.of("0.03650000"),
                Price.of("27125.00000000"),
                CLOSE_TIME,
                OrderPurpose.ENTRY,
                Price.of("26850.00000000"),
                Price.of("27675.00000000"),
                null);
    }

    static OrderCancelRequested orderCancelRequested() {
        return new OrderCancelRequested(
                Envelope.root(
                        CANCEL_REQUEST_EVENT_ID,
                        Instant.parse("2023-10-16T09:15:00.812Z"),
                        Instant.parse("2023-10-16T09:15:00.812Z")),
                CLIENT_ORDER_ID,
                STRATEGY,
                BTCUSDT,
                Reason.of("KILL_SWITCH", "kill switch on by operator: exchange incident"));
    }

    static OrderIntentCreated exitIntentCreated() {
        return new OrderIntentCreated(
                Envelope.causedBy(
                        PAUSE_ENVELOPE,
                        EXIT_INTENT_EVENT_ID,
                        Instant.parse("2023-10-16T12:45:01.890Z"),
                        Instant.parse("2023-10-16T12:45:01.902Z")),
                EXIT_INTENT_ID,
                EXIT_CLIENT_ORDER_ID,
                EXIT_DECISION_ID,
                SIGNAL_ID,
                STRATEGY,
                BTCUSDT,
                Side.SELL,
                OrderType.MARKET,
                Quantity.of("0.03650000"),
                null,
                Instant.parse("2023-10-16T12:45:01.890Z"),
                OrderPurpose.EXIT,
                null,
                null,
                Reason.of("STRATEGY_PAUSED", "strategy ema-cross-v1 was paused: positions close on pause"));
    }

    static OrderAccepted orderAccepted() {
        return new OrderAccepted(
                Envelope.causedBy(
                        INTENT_ENVELOPE,
                        ACCEPTED_EVENT_ID,
                        Instant.parse("2023-10-16T09:15:00.934Z"),
                        Instant.parse("2023-10-16T09:15:00.947Z")),
                CLIENT_ORDER_ID,
                INTENT_ID,
                STRATEGY,
                BTCUSDT,
                Side.BUY,
                Quantity.of("0.03650000"),
                "binance-spot");
    }

    static OrderFilled orderFilled() {
        return new OrderFilled(
                Envelope.causedBy(
                        INTENT_ENVELOPE,
                        FILLED_EVENT_ID,
                        Instant.parse("2023-10-16T09:15:01.402Z"),
                        Instant.parse("2023-10-16T09:15:01.416Z")),
                CLIENT_ORDER_ID,
                INTENT_ID,
                STRATEGY,
                BTCUSDT,
                Side.BUY,
                Quantity.of("0.03650000"),
                Price.of("27124.98000000"),
                Money.of("0.00003650", "BTC"),
                "binance-spot",
                "22934871562",
                OrderPurpose.ENTRY);
    }

    static OrderPartiallyFilled orderPartiallyFilled() {
        return new OrderPartiallyFilled(
                Envelope.causedBy(
                        INTENT_ENVELOPE,
                        PARTIAL_EVENT_ID,
                        Instant.parse("2023-10-16T09:15:01.388Z"),
                        Instant.parse("2023-10-16T09:15:01.399Z")),
                CLIENT_ORDER_ID,
                INTENT_ID,
                STRATEGY,
                BTCUSDT,
                Side.BUY,
                OrderPurpose.ENTRY,
                Quantity.of("0.01200000"),
                Price.of("27124.95000000"),
                Money.of("0.00001200", "BTC"),
                Quantity.of("0.01200000"),
                "3213846721",
                "binance-spot",
                "22934871562");
    }

    static OrderCanceled orderCanceled() {
        return new OrderCanceled(
                Envelope.causedBy(
                        INTENT_ENVELOPE,
                        CANCELED_EVENT_ID,
                        Instant.parse("2023-10-16T12:45:02.113Z"),
                        Instant.parse("2023-10-16T12:45:02.120Z")),
                "pg-018b37c468bc7299-sl",
                DerivedIdsSample.STOP_LOSS_INTENT_ID,
                STRATEGY,
                BTCUSDT,
                Side.SELL,
                OrderPurpose.STOP_LOSS,
                Quantity.of("0"),
                Reason.of("CANCELED_FOR_EXIT", "protective pair canceled before the exit of the position"),
                "binance-spot");
    }

    static AccountSnapshot accountSnapshot() {
        return new AccountSnapshot(
                Envelope.root(
                        ACCOUNT_EVENT_ID,
                        Instant.parse("2023-10-16T09:15:01.402Z"),
                        Instant.parse("2023-10-16T09:15:01.421Z")),
                "binance-spot",
                List.of(
                        new AccountSnapshot.AssetBalance("BTC", new BigDecimal("0.03646350"), new BigDecimal("0")),
                        new AccountSnapshot.AssetBalance(
                                "USDT", new BigDecimal("9009.93823000"), new BigDecimal("0"))));
    }

    static PositionChanged positionChanged() {
        return new PositionChanged(
                Envelope.causedBy(
                        INTENT_ENVELOPE,
                        POSITION_EVENT_ID,
                        Instant.parse("2023-10-16T09:15:01.402Z"),
                        Instant.parse("2023-10-16T09:15:01.433Z")),
                POSITION_ID,
                STRATEGY,
                BTCUSDT,
                PositionChanged.PositionStatus.OPEN,
                Quantity.of("0.0364635"),
                Price.of("27124.98"),
                Money.of("0", "USDT"),
                Money.of("0.990062", "USDT"),
                Instant.parse("2023-10-16T09:15:00Z"),
                null,
                CLIENT_ORDER_ID,
                null);
    }

    static PortfolioValued portfolioValued() {
        return new PortfolioValued(
                Envelope.root(
                        VALUED_EVENT_ID,
                        Instant.parse("2023-10-16T09:29:59.999Z"),
                        Instant.parse("2023-10-16T09:30:00.341Z")),
                Money.of("10003.12", "USDT"),
                Money.of("9009.93823", "USDT"),
                Money.of("0", "USDT"),
                Money.of("993.18", "USDT"),
                Money.of("3.12", "USDT"),
                Money.of("10012.40", "USDT"),
                new BigDecimal("0.000927"),
                "ACTIVE",
                false,
                1);
    }

    static RiskControlChanged riskControlChanged() {
        return new RiskControlChanged(
                Envelope.root(
                        CONTROL_EVENT_ID,
                        Instant.parse("2023-10-16T14:00:00Z"),
                        Instant.parse("2023-10-16T14:00:00.219Z")),
                "DAILY_LOSS_BREAKER",
                "REDUCING",
                "HALTED",
                "system",
                Reason.of(
                        "DAILY_LOSS_LIMIT",
                        "daily loss -201.50 USDT is 2.0150% of 10000.00 USDT at 00:00 UTC; " + "limit 2%"),
                Money.of("9798.50", "USDT"),
                Money.of("-201.50", "USDT"),
                new BigDecimal("0.021327"));
    }

    static OrderRejected orderRejected() {
        return new OrderRejected(
                Envelope.causedBy(
                        INTENT_ENVELOPE,
                        REJECTED_EVENT_ID,
                        Instant.parse("2023-10-16T09:15:00.937Z"),
                        Instant.parse("2023-10-16T09:15:00.949Z")),
                CLIENT_ORDER_ID,
                INTENT_ID,
                STRATEGY,
                BTCUSDT,
                Side.BUY,
                Reason.of("INSUFFICIENT_BALANCE", "Account has insufficient balance for requested action."),
                "binance-spot");
    }

    static SignalOutcomeMeasured signalOutcomeMeasured() {
        return new SignalOutcomeMeasured(
                Envelope.causedBy(
                        SIGNAL_ENVELOPE,
                        OUTCOME_EVENT_ID,
                        Instant.parse("2023-10-16T13:29:59.999Z"),
                        Instant.parse("2023-10-16T13:30:00.305Z")),
                SIGNAL_ID,
                STRATEGY,
                BTCUSDT,
                Interval.FIFTEEN_MINUTES,
                Side.BUY,
                Grade.B,
                78,
                0.72,
                RecommendedAction.TRADE,
                true,
                "TRENDING_LOW",
                Duration.ofHours(4),
                Instant.parse("2023-10-16T09:15:00Z"),
                Price.of("27125.10000000"),
                Instant.parse("2023-10-16T13:15:00Z"),
                Price.of("27461.50000000"),
                new BigDecimal("0.01240180"),
                new BigDecimal("0.00200000"),
                new BigDecimal("0.01040180"),
                new BigDecimal("0.01492713"),
                new BigDecimal("-0.00423593"),
                true,
                List.of());
    }

    static PauseStrategy pauseStrategy() {
        return new PauseStrategy(
                PAUSE_ENVELOPE,
                STRATEGY,
                "hit rate 31% over the last 50 signals is below the 40% floor",
                "monitor-service");
    }

    static ResumeStrategy resumeStrategy() {
        return new ResumeStrategy(
                Envelope.root(
                        RESUME_EVENT_ID,
                        Instant.parse("2023-10-17T08:02:11.507Z"),
                        Instant.parse("2023-10-17T08:02:11.507Z")),
                STRATEGY,
                "reviewed: degradation caused by the 2023-10-16 news spike",
                "alice");
    }

    static SetStrategyWeight setStrategyWeight() {
        return new SetStrategyWeight(
                Envelope.root(
                        WEIGHT_EVENT_ID,
                        Instant.parse("2023-10-17T08:02:15.764Z"),
                        Instant.parse("2023-10-17T08:02:15.764Z")),
                STRATEGY,
                0.5,
                "halve exposure for one week after the drawdown",
                "alice");
    }

    static StrategyStateChanged strategyStateChanged() {
        return new StrategyStateChanged(
                Envelope.causedBy(
                        PAUSE_ENVELOPE,
                        STATE_CHANGED_EVENT_ID,
                        Instant.parse("2023-10-16T12:45:01.975Z"),
                        Instant.parse("2023-10-16T12:45:01.975Z")),
                STRATEGY,
                StrategyState.PAUSED,
                1.0,
                "hit rate 31% over the last 50 signals is below the 40% floor",
                "monitor-service");
    }

    static AlertRaised alertRaised() {
        return new AlertRaised(
                Envelope.root(
                        ALERT_EVENT_ID,
                        Instant.parse("2023-10-16T12:45:01.952Z"),
                        Instant.parse("2023-10-16T12:45:01.952Z")),
                Severity.WARNING,
                "monitor-service",
                STRATEGY,
                "STRATEGY_DEGRADED",
                "hit rate 31% over the last 50 signals; pause requested");
    }
}
