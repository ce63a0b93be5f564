package dev.peregrine.execution.application.port.in;

import dev.peregrine.execution.application.port.in.Reconciliation;

/** Compares Peregrine's orders with the venue's and settles every difference the venue's answers allow. */
public interface ReconcileUseCase {

    Reconciliation reconcile();
}
