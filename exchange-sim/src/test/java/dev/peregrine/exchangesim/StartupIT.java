package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.impl.SpotClientImpl;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Starting on ports that are taken fails loudly and leaves nothing half-started behind. */
class StartupIT {

    @Test
    void aTakenPortIsReportedAndTheRunningSimulatorIsUnaffected() {
        try (ExchangeSimulator first =
                ExchangeSimulator.start(SimulatorConfig.builder().build())) {
            assertThatThrownBy(() -> ExchangeSimulator.start(
                            SimulatorConfig.builder().wsPort(first.wsPort()).build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("WebSocket server could not start");
            assertThatThrownBy(() -> ExchangeSimulator.start(
                            SimulatorConfig.builder().restPort(first.restPort()).build()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("REST server could not bind");

            assertThat(new SpotClientImpl(first.restBaseUrl()).createMarket().ping())
                    .isEqualTo("{}");
            assertThat(first.restBaseUrl()).startsWith("http://127.0.0.1:");
            assertThat(first.wsBaseUrl()).startsWith("ws://127.0.0.1:");
        }
    }
}
