package dev.peregrine.signal.config;

import dev.peregrine.signal.adapter.in.kafka.CandleBatchScope;
import dev.peregrine.signal.adapter.out.jdbc.JdbcCandleStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The candle listener's wiring: the candles of a poll are stored in one batch at its end (issue 14). */
@Configuration(proxyBeanMethods = false)
public class SignalKafkaConfiguration {

    @Bean
    public CandleBatchScope candleBatchScope(JdbcCandleStore candles) {
        return candles::inBatch;
    }
}
