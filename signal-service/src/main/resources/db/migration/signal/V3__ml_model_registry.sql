-- The ML filter: a registry of models (one active at most), the audit of every change to it, and the filter's
-- result on every validation (docs/signal-validation.md, "ML filter").

CREATE TABLE signal.ml_models (
    version          text PRIMARY KEY,
    kind             text        NOT NULL,
    trained_from     timestamptz NOT NULL,
    trained_to       timestamptz NOT NULL CHECK (trained_to > trained_from),
    feature_schema   text        NOT NULL,
    metrics          jsonb       NOT NULL,
    artefact         text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('CANDIDATE', 'ACTIVE', 'RETIRED')),
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    promoted_at      timestamptz,
    -- The model that was active when this one was last promoted: where a rollback returns to.
    previous_version text REFERENCES signal.ml_models (version)
);

-- At most one active model, whatever several replicas do at once.
CREATE UNIQUE INDEX ml_models_one_active_idx ON signal.ml_models (status) WHERE status = 'ACTIVE';

CREATE TABLE signal.ml_model_audit (
    id         bigserial PRIMARY KEY,
    action     text        NOT NULL CHECK (action IN ('UPLOAD', 'PROMOTE', 'ROLLBACK')),
    version    text        NOT NULL REFERENCES signal.ml_models (version),
    -- The model the change retired (promote, rollback), null if none.
    replaced   text REFERENCES signal.ml_models (version),
    reason     text        NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL
);

CREATE INDEX ml_model_audit_changed_idx ON signal.ml_model_audit (changed_at);

-- The filter's result per validation: NO_MODEL (no probability), PASSED, BELOW_THRESHOLD (the validation is SKIP).
-- Rows written before the filter keep null in all three.
ALTER TABLE signal.signal_validations
    ADD COLUMN ml_state       text CHECK (ml_state IN ('NO_MODEL', 'PASSED', 'BELOW_THRESHOLD')),
    ADD COLUMN ml_probability double precision CHECK (ml_probability BETWEEN 0 AND 1),
    ADD COLUMN model_version  text,
    ADD CONSTRAINT signal_validations_ml_probability_with_model
        CHECK ((ml_probability IS NULL) = (model_version IS NULL));
