package dev.peregrine.ingest.config;

import dev.peregrine.ingest.adapter.in.scheduling.RetentionSchedule;
import dev.peregrine.ingest.application.RetentionSweep;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.RetentionStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention sweep ({@code peregrine.ingest.retention.*}) and the timer that runs it. */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);

    @Bean
    public RetentionSweep retentionSweep(
            RetentionStore store, IngestMetrics metrics, Clock clock, IngestProperties properties) {
        RetentionProperties retention = properties.retention();
        return new RetentionSweep(
                store,
                metrics,
                clock,
                new RetentionSweep.Policy(
                        keptFor(retention.candles()),
                        keptFor(retention.rejections()),
                        keptFor(retention.connectionEvents()),
                        retention.batchSize()));
    }

    /** Closed before the data source, so that a sweep under way can finish its statement. */
    @Bean(destroyMethod = "close")
    public RetentionSchedule retentionSchedule(RetentionSweep sweep, IngestProperties properties) {
        RetentionSchedule schedule =
                new RetentionSchedule(sweep::sweep, properties.retention().sweepInterval());
        if (sweep.enabled()) {
            schedule.start();
        } else {
            log.info("Retention is off: peregrine.ingest.retention keeps every table's rows forever");
        }
        return schedule;
    }

    /** An age left out keeps the rows forever, like 0. */
    private static Duration keptFor(Duration maxAge) {
        return maxAge == null ? Duration.ZERO : maxAge;
    }
}
