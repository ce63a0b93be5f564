package dev.peregrine.platform.deadletter;

import dev.peregrine.platform.deadletter.DeadLetterRedrive.Listing;
import dev.peregrine.platform.deadletter.DeadLetterRedrive.Result;
import dev.peregrine.platform.deadletter.DeadLetterRedrive.Selection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dead-letters/{topic}} (VIEWER) lists the dead letters of {@code topic} with their reasons;
 * {@code POST /api/v1/dead-letters/{topic}/redrive} (OPERATOR) re-publishes them to {@code topic}. Both take the same
 * selection: a partition of {@code <topic>.dlt} with an offset range ({@code fromOffset}, {@code toOffset}, both
 * inclusive, either open), or no partition for all of it; at most {@code limit} (default 100) per call.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
public class DeadLetterRedriveController {

    static final int DEFAULT_LIMIT = 100;

    /** A re-drive: why (what was fixed), and which dead letters. */
    public record RedriveRequest(String reason, Integer partition, Long fromOffset, Long toOffset, Integer limit) {}

    private final DeadLetterRedrive redrive;

    public DeadLetterRedriveController(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @GetMapping("/{topic}")
    public Listing list(
            @PathVariable String topic,
            @RequestParam(required = false) Integer partition,
            @RequestParam(required = false) Long fromOffset,
            @RequestParam(required = false) Long toOffset,
            @RequestParam(required = false) Integer limit) {
        return redrive.list(topic, new Selection(partition, fromOffset, toOffset, limitOrDefault(limit)));
    }

    @PostMapping("/{topic}/redrive")
    public Result redrive(@PathVariable String topic, @RequestBody RedriveRequest request) {
        Selection selection = new Selection(
                request.partition(), request.fromOffset(), request.toOffset(), limitOrDefault(request.limit()));
        return redrive.redrive(topic, selection, caller(), request.reason());
    }

    private int limitOrDefault(Integer limit) {
        return limit == null ? Math.min(DEFAULT_LIMIT, redrive.maxBatch()) : limit;
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }
}
