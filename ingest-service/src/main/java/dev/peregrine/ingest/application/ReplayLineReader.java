package dev.peregrine.ingest.application;

/** Reads one line of a replay file's format and hands what it finds to the run's {@link ReplayJudge}. */
sealed interface ReplayLineReader permits KlineCsvLineReader, CaptureLineReader {

    /** Handles line {@code lineNumber}; false if it is not a data line (a header). */
    boolean read(long lineNumber, String line) throws InterruptedException;

    /**
     * A line longer than the source reads: only its start, {@code start}, was read; it is rejected as
     * LINE_TOO_LONG. True, as it counts as a line read.
     */
    boolean tooLong(long lineNumber, String start, long length) throws InterruptedException;
}
