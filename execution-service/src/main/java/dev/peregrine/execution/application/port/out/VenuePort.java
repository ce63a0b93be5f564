package dev.peregrine.execution.application.port.out;

import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;

import java.util.Optional;

/** A trading venue: takes orders and tells whether, and how, it executed them. */
public interface VenuePort {

    /** The venue's name as reports and the orders table carry it, e.g. {@code paper}. */
    String name();

    VenueSubmission submit(Order order);

    /** The execution of a working order, once the venue has one; empty while it is still working. */
    Optional<Fill> executionOf(Order order);
}
