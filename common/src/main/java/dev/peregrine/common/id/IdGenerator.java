package dev.peregrine.common.id;

import java.util.UUID;

/** Source of new event ids. Injected everywhere an id is minted, never called statically. */
@FunctionalInterface
public interface IdGenerator {

    UUID next();
}
