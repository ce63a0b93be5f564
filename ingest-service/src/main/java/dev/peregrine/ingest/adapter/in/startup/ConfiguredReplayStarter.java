package dev.peregrine.ingest.adapter.in.startup;

import dev.peregrine.ingest.application.port.in.ReplayRequest;
import dev.peregrine.ingest.application.port.in.RunReplays;
import dev.peregrine.ingest.application.port.in.StartResult;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayTrigger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * On start-up: closes runs an earlier process left RUNNING, then starts {@code peregrine.ingest.replay.file}
 * if set. The replay runs on its own thread; a file that cannot be replayed is logged and recorded as a
 * FAILED run, which the {@code replay} health indicator reports, and the service stays up. Registered by
 * {@code config}, which hands it the {@code peregrine.ingest.replay.*} values.
 */
public class ConfiguredReplayStarter {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredReplayStarter.class);

    private final RunReplays commands;
    private final Settings replay;

    public ConfiguredReplayStarter(RunReplays commands, Settings replay) {
        this.commands = commands;
        this.replay = replay;
    }

    /**
     * The configured replay as written ({@code peregrine.ingest.replay.*}): {@code file} empty or null for none,
     * {@code format} empty or null to tell by the file; read only when the service is ready.
     */
    public record Settings(String file, String format, int speed, String symbol, String interval) {}

    @EventListener(ApplicationReadyEvent.class)
    public void startConfiguredReplay() {
        try {
            commands.abandonInterruptedRuns();
            if (replay.file() == null || replay.file().isBlank()) {
                log.info("No replay configured (peregrine.ingest.replay.file is empty)");
                return;
            }
            Optional<ReplayFormat> format =
                    replay.format() == null || replay.format().isBlank()
                            ? Optional.empty()
                            : Optional.of(ReplayFormat.fromCode(replay.format()));
            StartResult result = commands.start(new ReplayRequest(
                    replay.file(), format, replay.speed(), replay.symbol(), replay.interval(), ReplayTrigger.STARTUP));
            if (result instanceof StartResult.Started started) {
                log.info(
                        "Started the configured replay of {} (run {})",
                        replay.file(),
                        started.run().id());
            }
        } catch (RuntimeException e) {
            log.error("Could not start the configured replay of {}: {}", replay.file(), e.getMessage(), e);
        }
    }
}
