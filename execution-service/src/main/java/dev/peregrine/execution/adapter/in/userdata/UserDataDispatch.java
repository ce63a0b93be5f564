package dev.peregrine.execution.adapter.in.userdata;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.execution.application.port.in.OnVenueEvents;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the stream's events to {@link OnVenueEvents}: an executionReport becomes {@code orderChanged} of the
 * order's client id (the venue's answer to the lookup settles it, so a duplicated or late report changes nothing),
 * an outboundAccountPosition becomes an {@link AccountSnapshot} of the balances it carries. A use case that throws is
 * logged: the stream goes on, and the next reconciliation catches up.
 */
public final class UserDataDispatch {

    private static final Logger log = LoggerFactory.getLogger(UserDataDispatch.class);

    private final OnVenueEvents venueEvents;
    private final IdGenerator ids;
    private final Clock clock;
    private final String venue;

    public UserDataDispatch(OnVenueEvents venueEvents, IdGenerator ids, Clock clock, String venue) {
        this.venueEvents = Objects.requireNonNull(venueEvents, "venueEvents");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.venue = Objects.requireNonNull(venue, "venue");
    }

    /** Whether this event is one the use case hears of ({@link #dispatch} does something with it). */
    static boolean carriesData(UserDataEvent event) {
        return event instanceof UserDataEvent.OrderUpdate || event instanceof UserDataEvent.AccountPosition;
    }

    void dispatch(UserDataEvent event) {
        try {
            switch (event) {
                case UserDataEvent.OrderUpdate update -> venueEvents.orderChanged(update.clientOrderId());
                case UserDataEvent.AccountPosition position -> venueEvents.accountChanged(snapshot(position));
                default -> log.debug("User data event {} carries nothing for execution", event);
            }
        } catch (RuntimeException e) {
            log.error(
                    "Handling the user data event {} failed; the stream goes on and reconciliation catches up: {}",
                    event,
                    e.getMessage(),
                    e);
        }
    }

    /** Reconciles after a (re)subscription or a silence; a failure is logged, the next schedule retries. */
    void gap(String why) {
        try {
            log.info("User data stream gap ({}): reconciling with the venue: {}", why, venueEvents.streamGap(why));
        } catch (RuntimeException e) {
            log.error("The reconciliation after a user data stream gap ({}) failed: {}", why, e.getMessage(), e);
        }
    }

    private AccountSnapshot snapshot(UserDataEvent.AccountPosition position) {
        return new AccountSnapshot(
                Envelope.root(ids.next(), position.eventTime(), clock.instant()), venue, position.balances());
    }
}
