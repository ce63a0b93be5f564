package dev.peregrine.common;

import java.util.List;

/**
 * Every Kafka topic of the suite, in one place. Topics carry their schema major version in the name
 * ({@code .v1}): a breaking contract change gets a new topic, never a silent change of an old one.
 *
 * <p>Message keys: the symbol for market, signal, risk, order and execution topics (the venue for accounts, and {@code account}
 * for account-wide portfolio events) (so one symbol's
 * events stay in order on one partition); the strategy id for strategy topics; the subject for alerts.
 */
public final class Topics {

    public static final String MARKET_CANDLES = "market.candles.v1";
    public static final String MARKET_QUALITY = "market.quality.v1";
    public static final String MARKET_INSTRUMENTS = "market.instruments.v1";
    public static final String SIGNALS_VALIDATED = "signals.validated.v1";
    public static final String RISK_DECISIONS = "risk.decisions.v1";
    public static final String ORDERS_INTENTS = "orders.intents.v1";
    public static final String EXECUTION_REPORTS = "execution.reports.v1";
    public static final String EXECUTION_ACCOUNTS = "execution.accounts.v1";
    public static final String RISK_PORTFOLIO = "risk.portfolio.v1";
    public static final String STRATEGY_COMMANDS = "strategy.commands.v1";
    public static final String STRATEGY_EVENTS = "strategy.events.v1";
    public static final String SIGNALS_OUTCOMES = "signals.outcomes.v1";
    public static final String ALERTS = "alerts.v1";

    /** Suffix of the dead-letter topic that receives a topic's records a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final List<String> ALL = List.of(
            MARKET_CANDLES,
            MARKET_QUALITY,
            MARKET_INSTRUMENTS,
            SIGNALS_VALIDATED,
            RISK_DECISIONS,
            ORDERS_INTENTS,
            EXECUTION_REPORTS,
            EXECUTION_ACCOUNTS,
            RISK_PORTFOLIO,
            STRATEGY_COMMANDS,
            STRATEGY_EVENTS,
            SIGNALS_OUTCOMES,
            ALERTS);

    private Topics() {}

    /** The dead-letter topic of {@code topic}, e.g. {@code market.candles.v1.dlt}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
