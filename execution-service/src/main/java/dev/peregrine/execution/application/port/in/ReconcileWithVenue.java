package dev.peregrine.execution.application.port.in;

/** Compares Peregrine's orders with the venue's and settles every difference the venue's answers allow. */
public interface ReconcileWithVenue {

    Reconciliation reconcile();
}
