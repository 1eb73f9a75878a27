package io.rapport.app.api;

import io.rapport.app.social.SocialAuthorReview;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Review of the links between social authors and customers (docs/social.md, Identity linking). */
@RestController
@RequestMapping("/api/v1/social/authors")
class SocialAuthorController {

    record LinkRequest(String customerId, String note) {
    }

    record RejectRequest(String note) {
    }

    private final SocialAuthorReview review;

    SocialAuthorController(SocialAuthorReview review) {
        this.review = review;
    }

    /** {@code ?status=PROPOSED} is the review queue; LINKED, PROSPECT, or none for every author. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> authors(@RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "100") int limit) {
        return review.list(status == null ? null : status.toUpperCase(java.util.Locale.ROOT), Math.min(limit, 10_000));
    }

    @PostMapping(path = "/{authorKey}/link", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void link(@PathVariable String authorKey, @RequestBody LinkRequest request, Principal steward) {
        if (request.customerId() == null || request.customerId().isBlank()) {
            throw new IllegalArgumentException("customerId is required: the customer this author is");
        }
        review.link(authorKey, request.customerId(), steward.getName(), request.note());
    }

    @PostMapping(path = "/{authorKey}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reject(@PathVariable String authorKey, @RequestBody(required = false) RejectRequest request,
                Principal steward) {
        review.reject(authorKey, steward.getName(), request == null ? null : request.note());
    }
}
