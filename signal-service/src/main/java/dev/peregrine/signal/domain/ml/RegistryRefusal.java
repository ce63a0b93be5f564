package dev.peregrine.signal.domain.ml;

/** A registry change that cannot be made in the registry's current state; the message says why and what to do. */
public final class RegistryRefusal extends RuntimeException {

    public RegistryRefusal(String message) {
        super(message);
    }
}
