package org.soundwave.blog.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.soundwave.blog.BlogCaches;
import org.soundwave.blog.BlogService;
import org.soundwave.blog.Caller;
import org.soundwave.blog.CommentForm;
import org.soundwave.blog.CommentRepository;
import org.soundwave.blog.CommentView;
import org.soundwave.blog.NoSuchPostException;
import org.soundwave.blog.PostForm;
import org.soundwave.blog.PostRepository;
import org.soundwave.blog.PostRepository.Filter;
import org.soundwave.blog.PostView;
import org.soundwave.blog.TagRepository;
import org.soundwave.platform.RestApplication;
import org.soundwave.platform.api.CachedJson;
import org.soundwave.platform.api.Created;
import org.soundwave.platform.api.Cursor;
import org.soundwave.platform.api.PageParameters;
import org.soundwave.platform.api.Problem;
import org.soundwave.platform.api.Slice;

/**
 * Posts and their comments. Lists are newest first and walk with a keyset cursor: each response has
 * {@code nextCursor} until the last page, and any page costs what the first one does.
 */
@Path("posts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PostsResource {

    @Inject
    PostRepository posts;

    @Inject
    BlogCaches caches;

    @Inject
    CommentRepository comments;

    @Inject
    TagRepository tags;

    @Inject
    BlogService blog;

    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("tag") String tag,
                                @QueryParam("author") String author,
                                @QueryParam("cursor") String cursor,
                                @QueryParam("limit") @DefaultValue("20") int limit) {
        PageParameters.checkLimit(limit);
        Cursor after = PageParameters.cursor(cursor == null || cursor.isEmpty() ? null : cursor);
        Optional<Filter> filter = filter(tag, author);
        if (filter.isEmpty()) {
            return Response.ok(new Slice<>(List.of(), null)).build();
        }
        // The first page of every list is answered from the listing cache, serialized once.
        return after == null ? CachedJson.ok(caches.firstSliceJson(filter.get(), limit))
                : Response.ok(posts.slice(filter.get(), after, limit)).build();
    }

    @GET
    @Path("{id}")
    public Response post(@PathParam("id") long id) {
        return CachedJson.ok(caches.postJson(id).orElseThrow(() -> new NoSuchPostException(id)));
    }

    /** The post as the database has it now (after a write: not from the cache). */
    private PostView fresh(long id) {
        return posts.find(id).orElseThrow(() -> new NoSuchPostException(id));
    }

    @GET
    @Path("{id}/comments")
    public Slice<CommentView> comments(@PathParam("id") long id,
                                       @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") @DefaultValue("20") int limit) {
        PageParameters.checkLimit(limit);
        Cursor after = PageParameters.cursor(cursor == null || cursor.isEmpty() ? null : cursor);
        Slice<CommentView> slice = comments.slice(id, after, limit);
        if (slice.items().isEmpty() && after == null && !posts.exists(id)) {
            throw new NoSuchPostException(id);
        }
        return slice;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "admin"})
    public Response publish(@Valid PostForm form) {
        Problem.requireBody(form);
        long id = blog.publish(caller(), form);
        return Created.at(uri, fresh(id), "posts", String.valueOf(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "admin"})
    public PostView revise(@PathParam("id") long id, @Valid PostForm form) {
        Problem.requireBody(form);
        blog.revise(id, caller(), form);
        return fresh(id);
    }

    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})   // 204, or a problem: either is acceptable
    @DELETE
    @Path("{id}")
    @RolesAllowed({"member", "admin"})
    public Response delete(@PathParam("id") long id) {
        blog.delete(id, caller());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "admin"})
    public Response comment(@PathParam("id") long id, @Valid CommentForm form) {
        Problem.requireBody(form);
        CommentView comment = blog.comment(id, caller(), form);
        return Created.at(uri, comment, "posts", String.valueOf(id), "comments");
    }

    private Caller caller() {
        return blog.caller().orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"soundwave\""));
    }

    /** The filter for these parameters; empty when the tag or author does not exist (no posts then). */
    private Optional<Filter> filter(String tag, String author) {
        if (tag != null && author != null) {
            throw Problem.invalid("tag", "filter by tag or by author, not both");
        }
        if (tag != null) {
            return tags.byName(tag).map(t -> Filter.tag(t.id()));
        }
        if (author != null) {
            return posts.authorId(author).map(Filter::author);
        }
        return Optional.of(Filter.ALL);
    }

}
