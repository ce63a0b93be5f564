/** Reads model artefacts (XGBoost's JSON model format) into the domain's tree ensemble. */
package dev.peregrine.signal.adapter.out.ml;
