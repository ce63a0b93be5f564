package dev.peregrine.signal.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.instantOrNull;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.signal.application.port.out.ModelStore;
import dev.peregrine.signal.domain.ml.ModelCatalogue;
import dev.peregrine.signal.domain.ml.ModelEntry;
import dev.peregrine.signal.domain.ml.ModelStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The model registry in {@code signal.ml_models} (the artefact in its row) and its changes in
 * {@code signal.ml_model_audit}. A promotion or rollback is conditional on the state it was computed from, and the
 * one-active index refuses a second active model, so a concurrent change of another replica makes it write nothing.
 */
@Repository
public class JdbcModelStore implements ModelStore {

    private static final String COLUMNS =
            "version, kind, trained_from, trained_to, feature_schema, metrics::text AS metrics, "
                    + "status, created_at, created_by, promoted_at, previous_version";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public JdbcModelStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public List<ModelEntry> loadAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal.ml_models ORDER BY created_at, version")
                .query((rs, row) -> entry(rs))
                .list();
    }

    @Override
    public Optional<ModelEntry> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signal.ml_models WHERE status = 'ACTIVE'")
                .query((rs, row) -> entry(rs))
                .optional();
    }

    @Override
    public Optional<String> artefact(String version) {
        return jdbc.sql("SELECT artefact FROM signal.ml_models WHERE version = :version")
                .param("version", version)
                .query(String.class)
                .optional();
    }

    @Override
    public boolean insert(ModelEntry candidate, String artefact, String reason) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                int inserted = jdbc.sql("""
                                INSERT INTO signal.ml_models (version, kind, trained_from, trained_to, feature_schema, metrics,
                                    artefact, status, created_at, created_by)
                                VALUES (:version, :kind, :trainedFrom, :trainedTo, :featureSchema, CAST(:metrics AS jsonb),
                                    :artefact, :status, :createdAt, :createdBy)
                                ON CONFLICT (version) DO NOTHING
                                """)
                        .param("version", candidate.version())
                        .param("kind", candidate.kind())
                        .param("trainedFrom", timestamptz(candidate.trainedFrom()))
                        .param("trainedTo", timestamptz(candidate.trainedTo()))
                        .param("featureSchema", candidate.featureSchema())
                        .param("metrics", candidate.metrics())
                        .param("artefact", artefact)
                        .param("status", candidate.status().name())
                        .param("createdAt", timestamptz(candidate.createdAt()))
                        .param("createdBy", candidate.createdBy())
                        .update();
                if (inserted == 0) {
                    return false;
                }
                audit("UPLOAD", candidate.version(), null, reason, candidate.createdBy(), candidate.createdAt());
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean apply(
            ModelCatalogue.Transition transition, String action, String changedBy, String reason, Instant at) {
        ModelEntry activated = transition.activated();
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (transition.retired().isPresent()) {
                    int retired = jdbc.sql(
                                    "UPDATE signal.ml_models SET status = 'RETIRED' WHERE version = :version AND status = 'ACTIVE'")
                            .param("version", transition.retired().get().version())
                            .update();
                    if (retired != 1) {
                        status.setRollbackOnly();
                        return false;
                    }
                }
                int promoted = jdbc.sql("""
                                UPDATE signal.ml_models SET status = 'ACTIVE', promoted_at = :promotedAt,
                                    previous_version = :previousVersion
                                WHERE version = :version AND status <> 'ACTIVE'
                                """)
                        .param("promotedAt", timestamptz(activated.promotedAt()))
                        .param("previousVersion", activated.previousVersion())
                        .param("version", activated.version())
                        .update();
                if (promoted != 1) {
                    status.setRollbackOnly();
                    return false;
                }
                audit(
                        action,
                        activated.version(),
                        transition.retired().map(ModelEntry::version).orElse(null),
                        reason,
                        changedBy,
                        at);
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            // The one-active index: another replica activated a model since the transition was computed.
            return false;
        }
    }

    private void audit(String action, String version, String replaced, String reason, String changedBy, Instant at) {
        jdbc.sql("""
                        INSERT INTO signal.ml_model_audit (action, version, replaced, reason, changed_by, changed_at)
                        VALUES (:action, :version, :replaced, :reason, :changedBy, :changedAt)
                        """)
                .param("action", action)
                .param("version", version)
                .param("replaced", replaced)
                .param("reason", reason)
                .param("changedBy", changedBy)
                .param("changedAt", timestamptz(at))
                .update();
    }

    private static ModelEntry entry(ResultSet rs) throws SQLException {
        return new ModelEntry(
                rs.getString("version"),
                rs.getString("kind"),
                instant(rs, "trained_from"),
                instant(rs, "trained_to"),
                rs.getString("feature_schema"),
                rs.getString("metrics"),
                ModelStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instantOrNull(rs, "promoted_at"),
                rs.getString("previous_version"));
    }
}
