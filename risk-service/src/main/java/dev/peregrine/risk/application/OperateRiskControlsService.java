package dev.peregrine.risk.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.risk.application.port.in.OperateRiskControls;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.domain.control.CapitalRamp;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.Reservation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Operator commands on the controls. They happen "now" in market terms (the latest candle the book has seen), so
 * the exits a kill switch sends execute on the next candle in a replay as well as live.
 */
public final class OperateRiskControlsService implements OperateRiskControls {

    private final Book book;
    private final BookKeeper keeper;
    private final ControlReactions reactions;
    private final RiskEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    OperateRiskControlsService(
            Book book, BookKeeper keeper, ControlReactions reactions, RiskEvents events, IdGenerator ids, Clock clock) {
        this.book = Objects.requireNonNull(book, "book");
        this.events = Objects.requireNonNull(events, "events");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.reactions = Objects.requireNonNull(reactions, "reactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<ControlTransition> reset(String actor, String reason) {
        return operate(actor, reason, at -> {
            List<ControlTransition> transitions =
                    book.controls().reset(actor, reason, book.portfolio().valuation(), at);
            if (transitions.stream().anyMatch(t -> t.control().equals(ControlTransition.DRAWDOWN_LIMIT))) {
                book.portfolio().rebaseHighWaterMark();
            }
            return transitions;
        });
    }

    /**
     * Also asks execution to cancel every entry still in flight, each time it is called: the kill switch being on
     * already, a second call re-sends the cancels a failed first call may have lost.
     */
    @Override
    public List<ControlTransition> engageKillSwitch(String actor, String reason) {
        List<ControlTransition> transitions = operate(
                actor,
                reason,
                at -> book
                        .controls()
                        .engageKillSwitch(actor, reason, book.portfolio().valuation(), at)
                        .stream()
                        .toList());
        book.locked(() -> {
            for (Reservation entry : book.portfolio().reservations()) {
                if (entry.purpose() == OrderPurpose.ENTRY) {
                    Instant at = book.portfolio().marketTime().orElse(clock.instant());
                    events.publishCancel(new OrderCancelRequested(
                            Envelope.root(ids.next(), at, clock.instant()),
                            entry.clientOrderId(),
                            entry.key().strategyId(),
                            entry.key().symbol(),
                            Reason.of("KILL_SWITCH", "kill switch on by " + actor + ": " + reason)));
                }
            }
            return null;
        });
        return transitions;
    }

    @Override
    public List<ControlTransition> releaseKillSwitch(String actor, String reason) {
        return operate(
                actor,
                reason,
                at -> book
                        .controls()
                        .releaseKillSwitch(actor, reason, book.portfolio().valuation(), at)
                        .stream()
                        .toList());
    }

    @Override
    public CapitalRamp capitalRamp() {
        return book.locked(() -> book.controls().capitalRamp());
    }

    @Override
    public List<ControlTransition> setCapitalRamp(String actor, String reason, CapitalRamp ramp) {
        Objects.requireNonNull(ramp, "ramp");
        return operate(
                actor,
                reason,
                at -> book
                        .controls()
                        .setCapitalRamp(ramp, actor, reason, book.portfolio().valuation(), at)
                        .stream()
                        .toList());
    }

    private List<ControlTransition> operate(
            String actor, String reason, Function<Instant, List<ControlTransition>> command) {
        requireText("actor", actor);
        requireText("reason", reason);
        return book.locked(() -> {
            keeper.announcePending();
            Portfolio portfolio = book.portfolio();
            Instant at = portfolio.marketTime().orElse(clock.instant());
            List<ControlTransition> transitions = new ArrayList<>(command.apply(at));
            if (transitions.isEmpty()) {
                return List.of();
            }
            BookChange change = new BookChange(
                    "operator:" + transitions.getFirst().control() + ":" + clock.instant() + ":"
                            + transitions.getFirst().to(),
                    at);
            reactions.apply(book, change, transitions, at);
            if (keeper.store(change)) {
                keeper.announce(change, null);
            }
            return transitions;
        });
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required, e.g. {\"reason\": \"manual review after alert\"}");
        }
        if (value.length() > 500) {
            throw new IllegalArgumentException(what + " must be at most 500 characters");
        }
    }
}
