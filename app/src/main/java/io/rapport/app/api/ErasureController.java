package io.rapport.app.api;

import io.rapport.app.privacy.ErasureRequests;
import io.rapport.app.privacy.ErasureService;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The right to be forgotten (docs/privacy.md): {@code POST /api/v1/customers/{id}/erase} (admin) erases the customer
 * in the hub at once and queues the deletions in the stores; {@code GET /api/v1/erasures/{requestId}} follows them.
 */
@RestController
class ErasureController {

    private static final int MAX_REASON = 500;
    private static final int MAX_REFERENCE = 200;

    /** The optional body: why, and the ticket it answers. Neither may name the person: both are kept for audit. */
    record ErasureBody(String reason, String reference) {
    }

    private final ErasureService erasures;
    private final ErasureRequests requests;

    ErasureController(ErasureService erasures, ErasureRequests requests) {
        this.erasures = erasures;
        this.requests = requests;
    }

    @PostMapping(path = "/api/v1/customers/{id}/erase", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> erase(@PathVariable String id,
                                              @RequestBody(required = false) ErasureBody body, Principal principal) {
        String reason = body == null ? null : bounded("reason", body.reason(), MAX_REASON);
        String reference = body == null ? null : bounded("reference", body.reference(), MAX_REFERENCE);
        ErasureService.Outcome outcome = erasures.erase(id, principal.getName(), reason, reference)
                .orElseThrow(() -> new NotFoundException("no customer with id " + id
                        + " (a customer merged into another keeps only the surviving id)"));
        ErasureRequests.ErasureRequest request = outcome.request();
        return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/erasures/" + request.requestId()))
                .body(request.view());
    }

    @GetMapping(path = "/api/v1/erasures/{requestId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> erasure(@PathVariable String requestId) {
        return requests.find(requestId).map(ErasureRequests.ErasureRequest::view)
                .orElseThrow(() -> new NotFoundException("no erasure request with id " + requestId));
    }

    private static String bounded(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters");
        }
        return value.strip();
    }
}
