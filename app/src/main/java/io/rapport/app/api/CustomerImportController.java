package io.rapport.app.api;

import io.rapport.app.ingest.CustomerImportService;
import io.rapport.app.ingest.ImportReport;
import io.rapport.core.customer.SourceName;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CSV import contract of the product brief, and the import reports it leaves behind. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerImportController {

    private final CustomerImportService imports;

    CustomerImportController(CustomerImportService imports) {
        this.imports = imports;
    }

    /** Streams the body (never held whole in memory) and answers once every accepted row is durably queued. */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportReport importCsv(@RequestParam String source, HttpServletRequest request)
            throws IOException {
        SourceName name = SourceName.of(source);
        // the header, not request.getCharacterEncoding(): Spring Boot forces the latter to UTF-8
        String charset = MediaType.parseMediaType(request.getContentType()).getParameter("charset");
        if (charset != null && !isUtf8(charset)) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the import contract is UTF-8; this body declares charset="
                    + charset + ". Convert it (e.g. iconv -f " + charset + " -t UTF-8) and send it again");
        }
        try (InputStream body = request.getInputStream()) {
            return imports.importCsv(name, body, "api");
        }
    }

    private static boolean isUtf8(String charset) {
        String name = charset.replace("\"", "").strip();
        return "UTF-8".equalsIgnoreCase(name) || StandardCharsets.UTF_8.aliases().stream().anyMatch(name::equalsIgnoreCase);
    }

    @GetMapping(path = "/imports/{importId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ImportReport report(@PathVariable String importId) {
        return imports.find(importId).orElseThrow(() -> new NotFoundException("no import with id " + importId));
    }
}
