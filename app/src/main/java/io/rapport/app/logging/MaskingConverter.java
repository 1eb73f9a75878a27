package io.rapport.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %mask(...)} in a Logback pattern: the enclosed output (message and stack trace) with personal data masked
 * by {@link PiiMasker}. Declared in {@code logback-spring.xml} for the console pattern; the JSON file log is masked
 * by {@link MaskingJsonMembers}.
 */
public class MaskingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return PiiMasker.mask(in);
    }
}
