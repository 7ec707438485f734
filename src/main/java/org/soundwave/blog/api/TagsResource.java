package org.soundwave.blog.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.soundwave.blog.TagRepository;
import org.soundwave.blog.TagView;

/** The blog's tags. */
@Path("tags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {

    @Inject
    TagRepository tags;

    @GET
    public List<TagView> tags() {
        return tags.withPostCounts();
    }
}
