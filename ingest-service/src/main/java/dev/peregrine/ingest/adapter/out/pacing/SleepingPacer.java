package dev.peregrine.ingest.adapter.out.pacing;

import dev.peregrine.ingest.application.port.out.Pacer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Sleeps the replay thread; cancelling or stopping a replay interrupts the sleep. */
@Component
public class SleepingPacer implements Pacer {

    @Override
    public void pause(Duration pause) throws InterruptedException {
        if (pause.isPositive()) {
            Thread.sleep(pause);
        }
    }
}
