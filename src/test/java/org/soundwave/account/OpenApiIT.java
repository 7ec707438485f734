package org.soundwave.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soundwave.platform.TestCluster;

/** The OpenAPI document describes the auth endpoints, their problem responses and the bearer scheme. */
class OpenApiIT {

    @Test
    void theDocumentDescribesTheAuthEndpointsAndTheirErrors() {
        TestCluster cluster = TestCluster.get();
        HttpResponse<String> response = cluster.get(cluster.url("/openapi"));
        assertEquals(200, response.statusCode());
        String document = response.body();
        for (String path : List.of("/api/auth/register:", "/api/auth/token:", "/api/auth/refresh:", "/api/auth/revoke:",
                "/api/me:", "/api/admin/accounts:", "/api/posts:", "/api/posts/{id}:", "/api/posts/{id}/comments:",
                "/api/tags:")) {
            assertTrue(document.contains(path), path + " missing");
        }
        for (String expected : List.of("application/problem+json", "\"409\"", "\"429\"", "\"413\"", "\"415\"",
                "securitySchemes:", "bearerFormat: JWT")) {
            assertTrue(document.contains(expected), expected + " missing");
        }
    }
}
