package org.soundwave.platform.api;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps /openapi exactly the contract in {@code META-INF/openapi.yaml}. Payara (6.2025.10) adds a top-level
 * {@code endpoints} key to every document it serves, which is not OpenAPI (linters reject it; Payara's
 * FISH-12303 renames it {@code x-endpoints} in later releases). Its model has no interface method for it,
 * so this filter empties it through the implementation's public setter; an empty map is not written.
 * Installed by {@code mp.openapi.filter}; a runtime without that setter is left alone.
 */
public class OpenApiDocument implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Method method : openAPI.getClass().getMethods()) {
            if (method.getName().equals("setEndpoints") && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isAssignableFrom(HashMap.class)) {
                try {
                    method.invoke(openAPI, new HashMap<>());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.log(Level.WARNING, "could not remove the non-standard endpoints key from /openapi", e);
                }
            }
        }
    }
}
