package io.rapport.app.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the input path a fuzz property covers: the name of its report, {@code target/fuzz-reports/<name>.json}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FuzzPath {
    String value();
}
