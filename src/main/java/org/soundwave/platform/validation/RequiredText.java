package org.soundwave.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A {@link Text} field that must be filled in: not absent, not only blanks ("is required"). */
@Documented
@Constraint(validatedBy = {})
@NotBlank(message = "is required")
@Text(max = Integer.MAX_VALUE)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface RequiredText {

    @OverridesAttribute(constraint = Text.class, name = "max")
    int max();

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
