package io.rapport.app.logging;

import java.util.Set;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks personal data in the string values of the structured (JSON) file log: message, stack trace and MDC alike.
 * The members Logback itself fills (time, level, logger, thread) are skipped: they hold no personal data, and
 * a timestamp's digits would only cost a look. Named by {@code logging.structured.json.customizer}; the console is
 * masked by {@link MaskingConverter}.
 */
public class MaskingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final Set<String> WITHOUT_PERSONAL_DATA =
            Set.of("@timestamp", "@version", "level", "level_value", "logger_name", "thread_name");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(new JsonWriter.ValueProcessor<String>() {
            @Override
            public String processValue(JsonWriter.MemberPath path, String value) {
                return path != null && WITHOUT_PERSONAL_DATA.contains(path.name()) ? value : PiiMasker.mask(value);
            }
        }.whenInstanceOf(String.class));
    }
}
