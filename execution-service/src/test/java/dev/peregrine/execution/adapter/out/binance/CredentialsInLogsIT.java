package dev.peregrine.execution.adapter.out.binance;

import static dev.peregrine.execution.adapter.out.binance.SimulatedBinance.API_KEY;
import static dev.peregrine.execution.adapter.out.binance.SimulatedBinance.SECRET_KEY;
import static dev.peregrine.execution.adapter.out.binance.SimulatedBinance.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Neither the API key nor the secret shows in anything logged while calling, nor in the answers. */
class CredentialsInLogsIT {

    @Test
    void noLogLineAndNoAnswerContainsTheKeyOrTheSecret() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (SimulatedBinance binance = SimulatedBinance.start()) {
            BinanceSpotRest rest = binance.rest;
            binance.exchange.faults().rateLimitNextRequests(1, 3);
            Stream<BinanceAnswer<?>> answers = Stream.of(
                    rest.account(),
                    rest.syncClock(),
                    rest.newOrder(NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("1"), "logged-1")),
                    rest.newOrder(NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("0.04"), "refused-1")),
                    rest.queryOrder(SYMBOL, "unknown-1"),
                    rest.account());

            assertThat(answers.map(String::valueOf))
                    .allSatisfy(answer -> assertThat(answer).doesNotContain(API_KEY, SECRET_KEY));
            assertThat(logged.list).as("the connector logs each request").isNotEmpty();
            // The client side only: what the simulator (the venue) logs is not ours.
            assertThat(logged.list)
                    .filteredOn(event -> !event.getLoggerName().startsWith("dev.peregrine.exchangesim"))
                    .allSatisfy(event -> assertThat(event.getFormattedMessage()
                                    + (event.getThrowableProxy() == null
                                            ? ""
                                            : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                            .doesNotContain(API_KEY, SECRET_KEY));
        } finally {
            root.detachAppender(logged);
        }
    }
}
