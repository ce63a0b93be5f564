/**
 * Chart patterns in plain Java: incremental swing-point detection and recognisers for double tops/bottoms,
 * (inverse) head and shoulders and ascending/descending/symmetric triangles, behind the {@link
 * dev.peregrine.signal.domain.pattern.PatternDetector} façade that is fed one closed bar at a time and never
 * looks at a bar it has not been given.
 */
package dev.peregrine.signal.domain.pattern;
