package org.soundwave.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void idsAndNamesBecomePlaceholders() {
        assertEquals("/", Endpoints.of("/", 200));
        assertEquals("/posts", Endpoints.of("/posts", 200));
        assertEquals("/posts/{id}", Endpoints.of("/posts/42", 200));
        assertEquals("/posts/{id}/edit", Endpoints.of("/posts/42/edit", 200));
        assertEquals("/tags/{name}", Endpoints.of("/tags/jazz", 200));
        assertEquals("/authors/{name}", Endpoints.of("/authors/user0005", 200));
        assertEquals("/shop/{name}", Endpoints.of("/shop/vinyl", 200));
        assertEquals("/api/products/{id}/reviews", Endpoints.of("/api/products/7/reviews", 201));
        assertEquals("/api/admin/caches/{name}", Endpoints.of("/api/admin/caches/page", 200));
        assertEquals("/api/admin/caches/{name}/entries", Endpoints.of("/api/admin/caches/page/entries", 204));
        assertEquals("/api/admin/caches/entries", Endpoints.of("/api/admin/caches/entries", 204));
        assertEquals("/resources", Endpoints.of("/jakarta.faces.resource/site.css", 200));
    }

    @Test
    void pathsNothingAnswersOrThatLookInventedAreOneEndpoint() {
        assertEquals(Endpoints.UNMATCHED, Endpoints.of("/no-such-page", 404));
        assertEquals(Endpoints.UNMATCHED, Endpoints.of("/admin/%3Cscript%3E", 302));
        assertEquals(Endpoints.UNMATCHED, Endpoints.of("/a/b/c/d/e/f/g", 403));
        assertEquals(Endpoints.UNMATCHED, Endpoints.of("/admin/" + "x".repeat(60), 403));
    }
}
