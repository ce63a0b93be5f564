package dev.peregrine.execution.application.port.in;

/**
 * What one reconciliation found.
 *
 * @param unresolvedChecked PENDING_SUBMIT and UNKNOWN orders looked up
 * @param stillUnresolved   of those, the ones the venue's answers could not settle yet
 * @param workingChecked    ACCEPTED orders looked up
 * @param differences       differences recorded (fills adopted, orders ended or missing at the venue)
 * @param complete          every order got an answer from the venue (no lookup went unanswered)
 */
public record Reconciliation(
        int unresolvedChecked, int stillUnresolved, int workingChecked, int differences, boolean complete) {}
