package org.soundwave.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text field a member may leave out: at most {@link #max()} characters and no NUL character.
 * Each part reports its own message ("must be at most 200 characters", "must not contain NUL characters").
 * Fields that must be filled in are {@link RequiredText}.
 */
@Documented
@Constraint(validatedBy = {})
@Size
@Pattern(regexp = Text.NO_NUL, message = "must not contain NUL characters")
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {

    /** PostgreSQL cannot store NUL in text: refused as invalid input rather than failing the insert. */
    String NO_NUL = "[^\\x00]*";

    @OverridesAttribute(constraint = Size.class, name = "max")
    int max();

    @OverridesAttribute(constraint = Size.class, name = "message")
    String message() default "must be at most {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
