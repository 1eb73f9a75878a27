package io.rapport.app.api;

import io.rapport.app.social.SocialEventIntake;
import io.rapport.app.social.SocialEventQueries;
import io.rapport.core.customer.SourceName;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The social events contract of the product brief: one post in, the enriched event out. */
@RestController
@RequestMapping("/api/v1/social/events")
class SocialEventController {

    private final SocialEventIntake intake;
    private final SocialEventQueries queries;

    SocialEventController(SocialEventIntake intake, SocialEventQueries queries) {
        this.intake = intake;
        this.queries = queries;
    }

    /** Answers once the post is durably queued; {@code id} reads it back when it has been enriched. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    SocialEventIntake.Accepted accept(@RequestParam String source, HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return intake.accept(SourceName.of(source), body);
        }
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> event(@PathVariable String id) {
        return queries.event(id).orElseThrow(() -> new NotFoundException("no enriched social event with id " + id
                + " (yet: a post is enriched within moments of being accepted)"));
    }
}
