package org.soundwave.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** The API's 201 answer: the new resource's address below the API's base, and what it now is. */
public final class Created {

    private Created() {
    }

    /** 201 with {@code Location: <base>/<path...>} and the entity as the body. */
    public static Response at(UriInfo uri, Object entity, String... path) {
        UriBuilder location = uri.getBaseUriBuilder();
        for (String segment : path) {
            location.path(segment);
        }
        return Response.created(location.build()).entity(entity).build();
    }
}
