package org.soundwave.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoint a request's metrics are counted under: its path with ids and names as placeholders. */
class EndpointsTest {

    @ParameterizedTest(name = "{0} ({1}) counts as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /                                | 200 | /
            /posts                           | 200 | /posts
            /posts/42                        | 200 | /posts/{id}
            /posts/42/edit                   | 200 | /posts/{id}/edit
            /tags/jazz                       | 200 | /tags/{name}
            /authors/user0005                | 200 | /authors/{name}
            /shop/vinyl                      | 200 | /shop/{name}
            /api/products/7/reviews          | 201 | /api/products/{id}/reviews
            /api/admin/caches/page           | 200 | /api/admin/caches/{name}
            /api/admin/caches/page/entries   | 204 | /api/admin/caches/{name}/entries
            /api/admin/caches/entries        | 204 | /api/admin/caches/entries
            /jakarta.faces.resource/site.css | 200 | /resources
            """)
    void idsAndNamesBecomePlaceholders(String path, int status, String endpoint) {
        assertEquals(endpoint, Endpoints.of(path, status));
    }

    @ParameterizedTest(name = "{0} ({1}) is unmatched")
    @CsvSource(delimiter = '|', textBlock = """
            /no-such-page       | 404
            /admin/%3Cscript%3E | 302
            /a/b/c/d/e/f/g      | 403
            """)
    void pathsNothingAnswersOrThatLookInventedAreOneEndpoint(String path, int status) {
        assertEquals(Endpoints.UNMATCHED, Endpoints.of(path, status));
    }

    @Test
    void aNameTooLongToBeRealIsUnmatched() {
        assertEquals(Endpoints.UNMATCHED, Endpoints.of("/admin/" + "x".repeat(60), 403));
    }
}
