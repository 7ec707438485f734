package org.soundwave.blog.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.soundwave.blog.TagRepository;
import org.soundwave.blog.TagView;

/** The blog's tags. */
@Path("tags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {

    @Inject
    TagRepository tags;

    @Operation(summary = "Every tag, by name, with the number of posts carrying it")
    @APIResponse(responseCode = "200", description = "The tags", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TagView.class)))
    @GET
    public List<TagView> tags() {
        return tags.withPostCounts();
    }
}
