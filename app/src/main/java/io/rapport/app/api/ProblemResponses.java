package io.rapport.app.api;

import io.rapport.app.ingest.ImportFailedException;
import io.rapport.app.pipeline.DeadLetterReplayer.UnknownDeadLetterQueueException;
import io.rapport.app.resolve.StewardService;
import io.rapport.app.social.SocialAuthorReview;
import io.rapport.app.social.SocialEventIntake;
import io.rapport.app.social.SocialReplies;
import io.rapport.app.social.rules.SocialRulesException;
import io.rapport.app.social.SocialPayloadReader;
import io.rapport.core.ingest.CsvFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an {@code application/problem+json} body (RFC 9457) that says what to fix. Framework errors
 * (missing parameter, wrong media type, ...) come through {@link ResponseEntityExceptionHandler} in the same shape.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(CsvFormatException.class)
    ProblemDetail unreadableFile(CsvFormatException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable CSV file", e.getMessage());
    }

    @ExceptionHandler(SocialPayloadReader.InvalidPayloadException.class)
    ProblemDetail invalidPost(SocialPayloadReader.InvalidPayloadException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid social post", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class})
    ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, UnknownDeadLetterQueueException.class,
            StewardService.UnknownRecordException.class, SocialAuthorReview.UnknownAuthorException.class,
            SocialReplies.UnknownReplyException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(SocialEventIntake.PayloadTooLargeException.class)
    ProblemDetail tooLarge(SocialEventIntake.PayloadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage());
    }

    @ExceptionHandler(SocialReplies.GuardRefusedException.class)
    ProblemDetail guardRefused(SocialReplies.GuardRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Listen more than you talk", e.getMessage());
        problem.setProperty("listened", e.decision().counts().listened());
        problem.setProperty("talked", e.decision().counts().talked());
        problem.setProperty("listensNeeded", e.decision().listensNeeded());
        return problem;
    }

    @ExceptionHandler(SocialReplies.ReplyRefusedException.class)
    ProblemDetail replyRefused(SocialReplies.ReplyRefusedException e) {
        return problem(HttpStatus.BAD_GATEWAY, "The network refused the reply", e.getMessage());
    }

    @ExceptionHandler(SocialRulesException.class)
    ProblemDetail invalidRules(SocialRulesException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid social rules", e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(ImportFailedException.class)
    ProblemDetail importFailed(ImportFailedException e) {
        log.error("{}", e.getMessage(), e);
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Import stopped part-way", e.getMessage());
        problem.setProperty("report", e.report());
        return problem;
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unavailable(IllegalStateException e) {
        log.error("request failed: {}", e.getMessage(), e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Backbone unavailable", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
