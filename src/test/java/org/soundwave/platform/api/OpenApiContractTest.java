package org.soundwave.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.RestApplication;

/**
 * The API contract ({@code META-INF/openapi.yaml}, served as is at /openapi) and the JAX-RS resources
 * say the same thing: the same operations, each with the same path, query and header parameters and
 * defaults, a request body exactly where the method reads one, and a bearer-token requirement exactly where
 * the method needs a role. A resource method added without its contract, or a contract operation without
 * its method, fails here.
 */
class OpenApiContractTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode contract;
    private static Map<String, Method> resources;

    @BeforeAll
    static void read() throws IOException {
        contract = ApiContract.read();
        resources = resourceMethods();
    }

    @Test
    void everyResourceMethodIsAnOperationOfTheContractAndNothingElseIs() {
        Set<String> documented = new TreeSet<>();
        contract.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertFalse(resources.isEmpty());
        Set<String> undocumented = new TreeSet<>(resources.keySet());
        undocumented.removeAll(documented);
        documented.removeAll(resources.keySet());
        assertEquals(Set.of(), undocumented, "resource methods the contract does not have");
        assertEquals(Set.of(), documented, "contract operations no resource method answers");
    }

    @Test
    void operationIdsAreUniqueAndEveryOperationHasATagASummaryAndResponses() {
        Set<String> ids = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        contract.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        resources.keySet().forEach(operation -> {
            JsonNode op = operation(operation);
            assertTrue(ids.add(op.get("operationId").asText()), "a second " + op.get("operationId") + ": " + operation);
            assertEquals(1, op.get("tags").size(), operation);
            assertTrue(tags.contains(op.get("tags").get(0).asText()), operation + ": a tag the document defines");
            assertFalse(op.path("summary").asText().isBlank(), operation);
            assertTrue(op.get("responses").has("default"), operation + ": every other error is a problem");
        });
    }

    @Test
    void parametersAndTheirDefaultsAreTheMethodsOwn() {
        resources.forEach((operation, method) -> {
            Map<String, String> declared = new TreeMap<>();   // "in name" -> default ("" without)
            for (Parameter parameter : method.getParameters()) {
                param(parameter).ifPresent(key -> declared.put(key,
                        Optional.ofNullable(parameter.getAnnotation(DefaultValue.class)).map(DefaultValue::value).orElse("")));
            }
            Map<String, String> documented = new TreeMap<>();
            parameters(operation).forEach(p -> documented.put(p.get("in").asText() + " " + p.get("name").asText(),
                    p.path("schema").path("default").asText("")));
            assertEquals(declared, documented, operation);
        });
    }

    @Test
    void aRequestBodyExactlyWhereTheMethodReadsOne() {
        resources.forEach((operation, method) -> {
            boolean readsBody = Stream.of(method.getParameters()).anyMatch(p -> param(p).isEmpty()
                    && !p.isAnnotationPresent(Context.class) && !p.isAnnotationPresent(BeanParam.class));
            JsonNode body = operation(operation).path("requestBody");
            assertEquals(readsBody, !body.isMissingNode(), operation);
            if (readsBody) {
                assertTrue(body.path("required").asBoolean(), operation + ": the body is required");
            }
        });
    }

    @Test
    void aBearerTokenIsRequiredExactlyWhereTheMethodNeedsARole() {
        resources.forEach((operation, method) -> {
            boolean needsRole = method.isAnnotationPresent(RolesAllowed.class)
                    || method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class);
            // Public operations state none (the document has no global requirement): Payara drops "security: []"
            JsonNode security = operation(operation).path("security");
            assertEquals(needsRole ? "[{\"bearer\":[]}]" : "", security.isMissingNode() ? "" : security.toString(), operation);
            assertFalse(contract.has("security"), "no global requirement: an operation without one is public");
        });
    }

    /**
     * A generated client sends the media types of the operation's responses as Accept; for an operation
     * whose success has no body that is only application/problem+json, which the method must accept.
     */
    @Test
    void theMethodProducesWhatTheContractsResponsesAnnounce() {
        resources.forEach((operation, method) -> {
            Produces produces = Optional.ofNullable(method.getAnnotation(Produces.class))
                    .orElse(method.getDeclaringClass().getAnnotation(Produces.class));
            Set<String> produced = produces == null ? Set.of() : Set.of(produces.value());
            Set<String> success = new TreeSet<>();
            operation(operation).get("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("2")) {
                    resolve(response.getValue()).path("content").fieldNames().forEachRemaining(success::add);
                }
            });
            if (success.isEmpty()) {
                assertTrue(produced.contains(Problem.MEDIA_TYPE), operation + " answers no body on success: it must accept "
                        + Problem.MEDIA_TYPE + " (all a client asks for), not only " + produced);
            } else {
                assertTrue(produced.containsAll(success), operation + " produces " + produced + ", the contract announces " + success);
            }
        });
    }

    @Test
    void everyComponentIsUsed() {
        String text = ApiContract.text();
        contract.get("components").properties().forEach(kind -> {
            if (!kind.getKey().equals("securitySchemes")) {
                kind.getValue().fieldNames().forEachRemaining(name -> assertTrue(
                        text.contains("\"#/components/" + kind.getKey() + "/" + name + "\""), kind.getKey() + "/" + name + " is never referenced"));
            }
        });
    }

    private static JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return contract.get("paths").get(parts[1]).get(parts[0].toLowerCase());
    }

    /** The operation's parameters and its path's, references resolved. */
    private static List<JsonNode> parameters(String operation) {
        String path = operation.split(" ", 2)[1];
        List<JsonNode> all = new ArrayList<>();
        Stream.of(contract.get("paths").get(path).path("parameters"), operation(operation).path("parameters"))
                .forEach(list -> list.forEach(p -> all.add(resolve(p))));
        return all;
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = contract;
        for (String part : node.get("$ref").asText().substring(2).split("/")) {
            target = target.get(part);
        }
        return target;
    }

    /** "query limit", "path id", "header Idempotency-Key": how the contract names a parameter. */
    private static Optional<String> param(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            if (a instanceof QueryParam q) {
                return Optional.of("query " + q.value());
            } else if (a instanceof PathParam p) {
                return Optional.of("path " + p.value());
            } else if (a instanceof HeaderParam h) {
                return Optional.of("header " + h.value());
            } else if (a instanceof CookieParam || a instanceof FormParam || a instanceof MatrixParam) {
                throw new AssertionError("the contract test does not know " + a + " yet");
            }
        }
        return Optional.empty();
    }

    /** "POST /api/orders" -> the resource method, for every resource class compiled into the WAR. */
    private static Map<String, Method> resourceMethods() throws IOException {
        String root = "/" + RestApplication.class.getAnnotation(ApplicationPath.class).value();
        java.nio.file.Path classes = Paths.get("target/classes");
        Map<String, Method> methods = new TreeMap<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type == null || !type.isAnnotationPresent(Path.class)) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    httpMethod(method).ifPresent(verb -> {
                        String path = join(root, type.getAnnotation(Path.class).value(),
                                method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
                        Method other = methods.put(verb + " " + path, method);
                        assertTrue(other == null, verb + " " + path + " twice: " + other + ", " + method);
                    });
                }
            }
        }
        return methods;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;   // a class of something the test class path does not have: not a resource
        }
    }

    private static Optional<String> httpMethod(Method method) {
        return Stream.of(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst();
    }

    private static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            String trimmed = segment.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.toString();
    }
}
