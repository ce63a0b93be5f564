package dev.peregrine.execution.adapter.in.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.AccountSnapshot.AssetBalance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserDataDispatchTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID EVENT_ID = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");

    private final RecordingVenueEvents venueEvents = new RecordingVenueEvents();
    private final UserDataDispatch dispatch =
            new UserDataDispatch(venueEvents, () -> EVENT_ID, Clock.fixed(NOW, ZoneOffset.UTC), "binance");

    @Test
    void anOrderUpdateIsALookupOfTheOrdersClientIdEveryTimeItArrives() {
        UserDataEvent.OrderUpdate filled = new UserDataEvent.OrderUpdate("BTCUSDT", "pg-1", "TRADE", "FILLED", 1, 1);

        dispatch.dispatch(filled);
        dispatch.dispatch(filled);

        assertThat(venueEvents.ordersChanged).containsExactly("pg-1", "pg-1");
        assertThat(venueEvents.accounts).isEmpty();
    }

    @Test
    void anAccountPositionIsPublishedAsTheVenuesSnapshotAtTheEventsTime() {
        Instant at = Instant.parse("2026-03-01T11:59:59.500Z");
        List<AssetBalance> balances = List.of(
                new AssetBalance("BTC", new BigDecimal("2.999"), BigDecimal.ZERO),
                new AssetBalance("USDT", new BigDecimal("899.5"), new BigDecimal("100")));

        dispatch.dispatch(new UserDataEvent.AccountPosition(at, balances));

        assertThat(venueEvents.accounts).hasSize(1);
        AccountSnapshot snapshot = venueEvents.accounts.getFirst();
        assertThat(snapshot.venue()).isEqualTo("binance");
        assertThat(snapshot.balances()).isEqualTo(balances);
        assertThat(snapshot.envelope().eventId()).isEqualTo(EVENT_ID);
        assertThat(snapshot.envelope().eventTime()).isEqualTo(at);
        assertThat(snapshot.envelope().processingTime()).isEqualTo(NOW);
    }

    @Test
    void controlFramesAreNotHandedToExecution() {
        dispatch.dispatch(new UserDataEvent.ServerShutdown());
        dispatch.dispatch(new UserDataEvent.Other("balanceUpdate"));
        dispatch.dispatch(new UserDataEvent.Malformed("nonsense"));

        assertThat(venueEvents.ordersChanged).isEmpty();
        assertThat(venueEvents.accounts).isEmpty();
        assertThat(venueEvents.gaps).isEmpty();
        assertThat(UserDataDispatch.carriesData(new UserDataEvent.ServerShutdown()))
                .isFalse();
        assertThat(UserDataDispatch.carriesData(new UserDataEvent.OrderUpdate("S", "c", "NEW", "NEW", 1, -1)))
                .isTrue();
    }

    @Test
    void aGapReconcilesWithItsReason() {
        dispatch.gap("dropped: the connection failed");

        assertThat(venueEvents.gaps).containsExactly("dropped: the connection failed");
    }

    @Test
    void aFailingUseCaseNeverReachesTheStream() {
        venueEvents.failEveryCall();

        assertThatCode(() -> {
                    dispatch.dispatch(new UserDataEvent.OrderUpdate("BTCUSDT", "pg-1", "NEW", "NEW", 1, -1));
                    dispatch.dispatch(new UserDataEvent.AccountPosition(NOW, List.of()));
                    dispatch.gap("start-up");
                })
                .doesNotThrowAnyException();
        assertThat(venueEvents.ordersChanged).containsExactly("pg-1");
        assertThat(venueEvents.gaps).containsExactly("start-up");
    }
}
