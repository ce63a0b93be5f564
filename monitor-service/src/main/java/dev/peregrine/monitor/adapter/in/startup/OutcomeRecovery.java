package dev.peregrine.monitor.adapter.in.startup;

import dev.peregrine.monitor.application.port.in.MeasureOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start-up, measures every pending outcome the stored candles already allow and publishes measured outcomes a
 * previous run stored but could not publish. Without it they would wait for the next candle of their symbol.
 */
@Component
public class OutcomeRecovery {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecovery.class);

    private final MeasureOutcomes outcomes;

    public OutcomeRecovery(MeasureOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recover() {
        int measured = outcomes.recover();
        if (measured > 0) {
            log.info("Measured {} outcome(s) left pending by the previous run", measured);
        }
    }
}
