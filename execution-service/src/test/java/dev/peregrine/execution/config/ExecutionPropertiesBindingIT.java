package dev.peregrine.execution.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binds {@code peregrine.execution.*} from execution-service.yml as the service does at startup. */
class ExecutionPropertiesBindingIT {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExecutionProperties.class)
    static class PropertiesOnly {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=execution-service")
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void theShippedDefaultsBind() {
        runner.run(context -> assertThat(context.getBean(ExecutionProperties.class))
                .isEqualTo(new ExecutionProperties(
                        ExecutionProperties.Venue.PAPER,
                        new BigDecimal("100000"),
                        new ExecutionProperties.Paper(new BigDecimal("0.001"), "USDT", new BigDecimal("2")),
                        new ExecutionProperties.VenueOrders(
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(30)),
                        new ExecutionProperties.Binance(
                                "https://api.binance.com",
                                "wss://ws-api.binance.com:443/ws-api/v3",
                                false,
                                "BINANCE",
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(10)))));
    }

    @Test
    void startupFailsWithAClearMessageWhenTheRecvWindowExceedsBinancesMaximum() {
        runner.withPropertyValues("peregrine.execution.venue=BINANCE", "peregrine.execution.binance.recv-window=61s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("peregrine.execution.binance.recv-window must be within 1 ms..60s");
                });
    }

    @Test
    void startupFailsWhenTheSlippageIsOutOfRange() {
        runner.withPropertyValues("peregrine.execution.paper.slippage-bps=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("peregrine.execution.paper.slippage-bps must be within 0..1000");
        });
    }

    @Test
    void startupFailsWhenTheFeeRateIsOutOfRange() {
        runner.withPropertyValues("peregrine.execution.paper.fee-rate=0.05").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("peregrine.execution.paper.fee-rate must be within 0..0.01");
        });
    }
}
