package org.soundwave.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.account.Credentials;
import org.soundwave.account.ProfileUpdate;
import org.soundwave.account.Registration;
import org.soundwave.blog.CommentForm;
import org.soundwave.blog.PostForm;
import org.soundwave.market.catalog.CategoryForm;
import org.soundwave.market.catalog.ProductForm;
import org.soundwave.market.catalog.ReviewForm;

/**
 * The forms' text constraints ({@link Text}, {@link RequiredText}) as Bean Validation applies them, on the
 * same Hibernate Validator as the server: the messages a member reads, and that no text field of any form
 * lets a NUL character through to PostgreSQL.
 */
class FormConstraintsTest {

    private static final List<Class<?>> FORMS = List.of(Registration.class, Credentials.class, ProfileUpdate.class,
            PostForm.class, CommentForm.class, CategoryForm.class, ProductForm.class, ReviewForm.class);

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aRequiredTextIsRefusedWhenAbsentOrBlank() {
        assertEquals(Set.of("is required"), messages(post(null, "Body")));
        assertEquals(Set.of("is required"), messages(post("   ", "Body")));
    }

    @Test
    void aTextLongerThanItsMaximumNamesTheMaximum() {
        assertEquals(Set.of("must be at most 200 characters"), messages(post("t".repeat(201), "Body")));
        assertEquals(Set.of(), messages(post("t".repeat(200), "Body")));
    }

    @Test
    void aTextWithANulCharacterIsRefused() {
        assertEquals(Set.of("must not contain NUL characters"), messages(post("Title", "a\0b")));
    }

    @Test
    void anOptionalTextMayBeLeftOutButIsStillBounded() {
        ProfileUpdate profile = new ProfileUpdate();
        profile.setCity(null);
        assertEquals(Set.of(), messages(profile));
        profile.setCity("c".repeat(101));
        assertEquals(Set.of("must be at most 100 characters"), messages(profile));
    }

    @Test
    void everyViolationOfAFieldIsReportedWithItsOwnMessage() {
        Set<String> messages = messages(new CommentForm("a\0".repeat(CommentForm.MAX_LENGTH / 2 + 1)));
        assertEquals(Set.of("must be at most 2000 characters", "must not contain NUL characters"), messages);
    }

    @Test
    void noTextFieldOfAnyFormAcceptsANulCharacter() throws ReflectiveOperationException {
        for (Class<?> form : FORMS) {
            for (Field field : form.getDeclaredFields()) {
                if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object instance = form.getDeclaredConstructor().newInstance();
                field.setAccessible(true);
                field.set(instance, "x\0y");
                Set<String> refused = validator.validate(instance).stream()
                        .map(v -> v.getPropertyPath().toString()).collect(Collectors.toCollection(TreeSet::new));
                assertTrue(refused.contains(field.getName()), form.getSimpleName() + "." + field.getName()
                        + " accepts a NUL character (refused: " + refused + ")");
            }
        }
    }

    private static PostForm post(String title, String content) {
        PostForm form = new PostForm();
        form.setTitle(title);
        form.setContent(content);
        return form;
    }

    private static Set<String> messages(Object form) {
        return validator.validate(form).stream().map(ConstraintViolation::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
