package dev.peregrine.monitor.application.alert.port.in;

/** One round of the delivery scheduler: queue due summaries, then send the due deliveries. */
public interface DispatchAlerts {

    Round dispatchDue();

    /** What a round did. */
    record Round(int summaries, int sent, int retried, int failed) {

        public int attempted() {
            return sent + retried + failed;
        }
    }
}
