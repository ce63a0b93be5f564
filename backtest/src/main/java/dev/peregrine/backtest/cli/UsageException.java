package dev.peregrine.backtest.cli;

/**
 * A mistake in what the user asked for (an option, a date, a symbol, a configuration key, a missing file): the
 * command line prints its one-line message and exits with code 2, never a stack trace.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
