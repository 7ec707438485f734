package org.soundwave.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.account.AccountView;
import org.soundwave.account.Credentials;
import org.soundwave.account.ProfileUpdate;
import org.soundwave.account.RefreshRequest;
import org.soundwave.account.Registration;
import org.soundwave.account.TokenPair;
import org.soundwave.blog.CommentForm;
import org.soundwave.blog.CommentView;
import org.soundwave.blog.PostForm;
import org.soundwave.blog.PostView;
import org.soundwave.blog.TagView;
import org.soundwave.market.cart.CartItemForm;
import org.soundwave.market.cart.CartView;
import org.soundwave.market.catalog.CategoryForm;
import org.soundwave.market.catalog.CategoryView;
import org.soundwave.market.catalog.ProductForm;
import org.soundwave.market.catalog.ProductView;
import org.soundwave.market.catalog.ReviewForm;
import org.soundwave.market.catalog.ReviewView;
import org.soundwave.market.order.CheckoutRequest;
import org.soundwave.market.order.OrderView;
import org.soundwave.platform.cache.CacheChange;
import org.soundwave.platform.cache.CacheView;

/**
 * Each object schema of the API contract has exactly the JSON properties of the Java type the API reads
 * or writes for it (record components, or a form's fields, under their JSON-B names), each of the
 * matching JSON type: a field added to a view without its contract, or the other way round, fails here.
 */
class OpenApiSchemasTest {

    /** The contract's object schemas and the types behind them; the pages of a list are Slices. */
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("Account", AccountView.class), Map.entry("TokenPair", TokenPair.class),
            Map.entry("Registration", Registration.class), Map.entry("Credentials", Credentials.class),
            Map.entry("RefreshRequest", RefreshRequest.class), Map.entry("ProfileUpdate", ProfileUpdate.class),
            Map.entry("Post", PostView.class), Map.entry("PostForm", PostForm.class),
            Map.entry("Comment", CommentView.class), Map.entry("CommentForm", CommentForm.class),
            Map.entry("Tag", TagView.class),
            Map.entry("Category", CategoryView.class), Map.entry("CategoryForm", CategoryForm.class),
            Map.entry("Product", ProductView.class), Map.entry("ProductForm", ProductForm.class),
            Map.entry("Review", ReviewView.class), Map.entry("ReviewForm", ReviewForm.class),
            Map.entry("Cart", CartView.class), Map.entry("CartLine", CartView.Line.class),
            Map.entry("CartItemForm", CartItemForm.class),
            Map.entry("CheckoutRequest", CheckoutRequest.class), Map.entry("CheckoutItem", CheckoutRequest.Item.class),
            Map.entry("Order", OrderView.class), Map.entry("OrderLine", OrderView.Line.class),
            Map.entry("CacheLevel", CacheView.class), Map.entry("CacheChange", CacheChange.class),
            Map.entry("Problem", Problem.class), Map.entry("FieldError", Problem.FieldError.class),
            Map.entry("PostPage", Slice.class), Map.entry("CommentPage", Slice.class),
            Map.entry("ProductPage", Slice.class), Map.entry("ReviewPage", Slice.class),
            Map.entry("OrderPage", Slice.class));

    /** Answered as a map, not a type of its own: {"id":..,"url":".."} (ImagesResource). */
    private static final Set<String> MAPS = Set.of("Image");

    private static JsonNode schemas;

    @BeforeAll
    static void read() {
        schemas = ApiContract.read().get("components").get("schemas");
    }

    @Test
    void everyObjectSchemaNamesItsJavaType() {
        schemas.fieldNames().forEachRemaining(name -> {
            if ("object".equals(schemas.get(name).path("type").asText())) {
                assertTrue(TYPES.containsKey(name) || MAPS.contains(name), name + ": which Java type is it?");
            }
        });
    }

    @Test
    void eachSchemaHasExactlyItsTypesPropertiesWithTheirJsonTypes() {
        TYPES.forEach((name, type) -> {
            JsonNode schema = schemas.get(name);
            Map<String, String> documented = new TreeMap<>();
            schema.get("properties").properties().forEach(p -> documented.put(p.getKey(), jsonType(p.getValue())));
            assertEquals(properties(type), documented, name + " against " + type.getSimpleName());
            TreeSet<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertTrue(documented.keySet().containsAll(required), name + ": required " + required + " are properties");
        });
    }

    /** The JSON type a property's schema says: integer, number, string, boolean, array or object. */
    private static String jsonType(JsonNode property) {
        JsonNode resolved = property.has("$ref")
                ? schemas.get(property.get("$ref").asText().substring("#/components/schemas/".length())) : property;
        return resolved.path("type").asText("object");
    }

    /** The JSON properties of a record (its components) or a form class (its fields), by JSON-B name. */
    private static Map<String, String> properties(Class<?> type) {
        Map<String, String> properties = new TreeMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(jsonName(component.getName(), component, component.getAccessor()), jsonType(component.getType()));
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    properties.put(jsonName(field.getName(), field), jsonType(field.getType()));
                }
            }
        }
        return properties;
    }

    private static String jsonName(String name, AnnotatedElement... places) {
        return Stream.of(places).map(p -> Optional.ofNullable(p.getAnnotation(JsonbProperty.class)))
                .flatMap(Optional::stream).map(JsonbProperty::value).findFirst().orElse(name);
    }

    private static String jsonType(Class<?> type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "integer";
        } else if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        } else if (type == String.class || type == OffsetDateTime.class) {
            return "string";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
