package org.soundwave.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hand-written stand-ins for the few servlet interfaces the pure web code reads (no container, no mocking
 * library): each answers only the methods it is given and fails loudly on any other, so a test shows
 * exactly what the code under test asks of the request.
 */
public final class ServletFakes {

    private ServletFakes() {
    }

    /** An instance of the interface answering the named methods (by name, any arity) and failing on the rest. */
    public static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(ServletFakes.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    Function<Object[], Object> answer = answers.get(method.getName());
                    if (answer != null) {
                        return answer.apply(args == null ? new Object[0] : args);
                    }
                    return switch (method.getName()) {
                        case "toString" -> "fake " + type.getSimpleName();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(
                                type.getSimpleName() + "." + method.getName() + " was not expected");
                    };
                }));
    }

    /** A request that has only these headers (and this peer address). */
    public static HttpServletRequest requestFrom(String remoteAddress, Map<String, String> headers) {
        return fake(HttpServletRequest.class, Map.of(
                "getRemoteAddr", args -> remoteAddress,
                "getHeader", args -> headers.get((String) args[0])));
    }

    /**
     * Runs the filter on a GET of the URI under the context path: the view it forwarded to (with its
     * query), or empty if it passed the request down the chain instead.
     */
    public static Optional<String> forwardOf(ForwardingRoutes filter, String contextPath, String uri) throws Exception {
        List<String> forwards = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        HttpServletRequest request = fake(HttpServletRequest.class, Map.of(
                "getRequestURI", args -> uri,
                "getContextPath", args -> contextPath,
                "getRequestDispatcher", args -> fake(RequestDispatcher.class, Map.of(
                        "forward", forwardArgs -> forwards.add((String) args[0])))));
        HttpServletResponse response = fake(HttpServletResponse.class, Map.of());
        FilterChain chain = (req, res) -> passed.add(uri);
        filter.doFilter(request, response, chain);
        if (forwards.size() + passed.size() != 1) {
            throw new AssertionError("expected exactly one forward or one pass down the chain for " + uri
                    + ", got forwards " + forwards + " and passes " + passed);
        }
        return forwards.stream().findFirst();
    }
}
