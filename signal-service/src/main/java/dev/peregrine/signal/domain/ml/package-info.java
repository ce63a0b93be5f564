/**
 * The ML filter (docs/signal-validation.md, "ML filter"): the versioned feature schema a validation is described by
 * ({@code MlFeatures}, shared by the offline trainer and the service), a pure-Java evaluator of XGBoost's tree
 * ensembles ({@code TreeEnsemble}), the SKIP rule ({@code MlFilter}) and the model registry's rules
 * ({@code ModelCatalogue}: one active model, promote, roll back).
 */
package dev.peregrine.signal.domain.ml;
