package dev.peregrine.signal.adapter.in.rest;

import dev.peregrine.signal.application.port.in.ManageModels;
import dev.peregrine.signal.domain.ml.ModelEntry;
import dev.peregrine.signal.domain.ml.ModelStatus;
import dev.peregrine.signal.domain.ml.RegistryRefusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ML model registry for operators: upload a candidate (OPERATOR; the body the trainer writes as
 * {@code candidate.json}), list (VIEWER), promote a version and roll back to the previously active one (OPERATOR).
 * The authenticated principal is recorded in the audit. A candidate whose artefact does not parse or whose feature
 * schema is not the service's is a 400 saying why; a change the registry's state refuses (a version that exists, a
 * rollback with nothing to return to) is a 409.
 */
@RestController
@RequestMapping("/api/v1/ml/models")
public class ModelController {

    private final ManageModels manageModels;
    private final CandidateParser parser = new CandidateParser();

    public ModelController(ManageModels manageModels) {
        this.manageModels = manageModels;
    }

    /**
     * @param body {@code {"version", "kind", "trainedFrom", "trainedTo", "featureSchema", "metrics": {...},
     *             "artefact": {the XGBoost JSON model}}}; read as text so the model's numbers are stored exactly as written
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ModelView upload(@RequestBody String body, Principal principal) {
        return ModelView.of(manageModels.upload(parser.parse(body), principal.getName()), null);
    }

    @GetMapping
    public RegistryView list() {
        String inUse = manageModels.inUse().orElse(null);
        return new RegistryView(
                inUse,
                manageModels.list().stream()
                        .map(entry -> ModelView.of(entry, inUse))
                        .toList());
    }

    @PostMapping("/{version}/promote")
    public ModelView promote(
            @PathVariable String version, @Valid @RequestBody ChangeRequest request, Principal principal) {
        return ModelView.of(
                manageModels.promote(
                        version, principal.getName(), request.reason().trim()),
                version);
    }

    @PostMapping("/rollback")
    public ModelView rollback(@Valid @RequestBody ChangeRequest request, Principal principal) {
        ModelEntry restored =
                manageModels.rollback(principal.getName(), request.reason().trim());
        return ModelView.of(restored, restored.version());
    }

    @ExceptionHandler(RegistryRefusal.class)
    public ProblemDetail refused(RegistryRefusal e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    public record ChangeRequest(
            @NotBlank(message = "must say why the model changes (a non-empty text, e.g. better AUC on 2025-Q2)")
            @Size(max = 500, message = "keep the reason under 500 characters")
            String reason) {}

    /** @param inUse the version the service scores with now, null when none */
    public record RegistryView(String inUse, List<ModelView> models) {}

    /** A registered model without its artefact; {@code metrics} is the trainer's JSON object as text. */
    public record ModelView(
            String version,
            String kind,
            Instant trainedFrom,
            Instant trainedTo,
            String featureSchema,
            String metrics,
            ModelStatus status,
            Instant createdAt,
            String createdBy,
            Instant promotedAt,
            String previousVersion,
            boolean inUse) {

        static ModelView of(ModelEntry e, String inUse) {
            return new ModelView(
                    e.version(),
                    e.kind(),
                    e.trainedFrom(),
                    e.trainedTo(),
                    e.featureSchema(),
                    e.metrics(),
                    e.status(),
                    e.createdAt(),
                    e.createdBy(),
                    e.promotedAt(),
                    e.previousVersion(),
                    e.version().equals(inUse));
        }
    }
}
