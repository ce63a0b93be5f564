package dev.peregrine.ingest.adapter.in.rest;

import dev.peregrine.ingest.application.port.in.CancelResult;
import dev.peregrine.ingest.application.port.in.FindReplays;
import dev.peregrine.ingest.application.port.in.ReplayRequest;
import dev.peregrine.ingest.application.port.in.RunReplays;
import dev.peregrine.ingest.application.port.in.StartResult;
import dev.peregrine.ingest.domain.ReplayFormat;
import dev.peregrine.ingest.domain.ReplayTrigger;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/replays} starts a replay of a kline file or WebSocket capture (OPERATOR),
 * {@code DELETE /api/v1/replays/{id}} cancels a running one (OPERATOR), {@code GET} lists runs or shows one (VIEWER).
 * Roles are enforced by the platform's security; the run records the authenticated caller who started or cancelled it.
 */
@RestController
@RequestMapping(ReplayController.PATH)
public class ReplayController {

    static final String PATH = "/api/v1/replays";
    private static final int MAX_LIMIT = 500;

    private final RunReplays commands;
    private final FindReplays queries;

    public ReplayController(RunReplays commands, FindReplays queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    public ResponseEntity<?> start(@Valid @RequestBody StartReplayBody body, Principal caller) {
        int speed = body.speed() == null ? 0 : body.speed();
        Optional<ReplayFormat> format = Optional.ofNullable(body.format()).map(ReplayFormat::fromCode);
        StartResult result = commands.start(new ReplayRequest(
                body.file(), format, speed, body.symbol(), body.interval(), ReplayTrigger.OPERATOR, caller.getName()));
        return switch (result) {
            case StartResult.Started started ->
                ResponseEntity.accepted()
                        .location(URI.create(PATH + "/" + started.run().id()))
                        .body(ReplayRunView.of(started.run()));
            case StartResult.AlreadyRunning running -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT,
                        "replay run " + running.runningRunId()
                                + " is still running: wait for it or cancel it with DELETE "
                                + PATH + "/" + running.runningRunId());
                problem.setProperty("runningRunId", running.runningRunId());
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            case StartResult.Invalid invalid ->
                ResponseEntity.badRequest()
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.reason()));
        };
    }

    @GetMapping
    public List<ReplayRunView> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return queries.recent(limit).stream().map(ReplayRunView::of).toList();
    }

    @GetMapping("/{id}")
    public ReplayRunView get(@PathVariable UUID id) {
        return queries.find(id)
                .map(ReplayRunView::of)
                .orElseThrow(() -> new NoSuchElementException("no replay run " + id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<?> cancel(@PathVariable UUID id, Principal caller) {
        return switch (commands.cancel(id, caller.getName())) {
            case CancelResult.Cancelling cancelling ->
                ResponseEntity.accepted()
                        .body(queries.find(id).map(ReplayRunView::of).orElseThrow());
            case CancelResult.NotRunning notRunning ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.CONFLICT,
                                "replay run " + id + " is " + notRunning.status() + ", not running in this instance"));
            case CancelResult.Unknown unknown -> throw new NoSuchElementException("no replay run " + id);
        };
    }
}
