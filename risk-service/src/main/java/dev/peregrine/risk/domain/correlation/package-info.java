/**
 * Correlation groups for the risk limit on the share of equity held in symbols that move together: daily closes
 * ({@link dev.peregrine.risk.domain.correlation.DailyCloses}), Pearson correlations of their daily log returns
 * ({@link dev.peregrine.risk.domain.correlation.CorrelationMatrix}) and the groups linked above a threshold, with
 * configured groups taking precedence ({@link dev.peregrine.risk.domain.correlation.CorrelationGrouper},
 * {@link dev.peregrine.risk.domain.correlation.CorrelationGroups}). Pure Java, deterministic.
 */
package dev.peregrine.risk.domain.correlation;
