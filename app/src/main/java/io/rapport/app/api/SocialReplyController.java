package io.rapport.app.api;

import io.rapport.app.social.SocialReplies;
import java.util.List;
import java.util.Locale;
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

/** The reply queue: posts the rules queued for an answer, answered through the listen/talk guard. */
@RestController
@RequestMapping("/api/v1/social/replies")
class SocialReplyController {

    record ReplyRequest(String text) {
    }

    private final SocialReplies replies;

    SocialReplyController(SocialReplies replies) {
        this.replies = replies;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> queue(@RequestParam(defaultValue = "QUEUED") String status,
                                    @RequestParam(defaultValue = "100") int limit) {
        return replies.list(status.toUpperCase(Locale.ROOT), Math.min(limit, 10_000));
    }

    /** Sends the reply now, or answers 429 with why the listen/talk guard holds it. */
    @PostMapping(path = "/{id}/send", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> send(@PathVariable String id, @RequestBody ReplyRequest request) {
        return replies.send(id, request.text());
    }

    @PostMapping(path = "/{id}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@PathVariable String id) {
        replies.dismiss(id);
    }
}
