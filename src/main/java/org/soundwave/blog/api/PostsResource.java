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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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

    @Operation(summary = "Posts, newest first, optionally one tag's or one author's")
    @APIResponse(responseCode = "200", description = "A page of posts and the cursor of the next one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Slice.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @GET
    public Response list(@Parameter(description = "only posts with this tag") @QueryParam("tag") String tag,
                                @Parameter(description = "only posts by this username") @QueryParam("author") String author,
                                @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                                @Parameter(description = "posts per page, 1-100") @QueryParam("limit") @DefaultValue("20") int limit) {
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

    @Operation(summary = "One post with its tags, comment count and latest comments")
    @APIResponse(responseCode = "200", description = "The post", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such post")
    @GET
    @Path("{id}")
    public Response post(@PathParam("id") long id) {
        return CachedJson.ok(caches.postJson(id).orElseThrow(() -> new NoSuchPostException(id)));
    }

    /** The post as the database has it now (after a write: not from the cache). */
    private PostView fresh(long id) {
        return posts.find(id).orElseThrow(() -> new NoSuchPostException(id));
    }

    @Operation(summary = "A post's comments, newest first")
    @APIResponse(responseCode = "200", description = "A page of comments and the cursor of the next one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Slice.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor")
    @APIResponse(responseCode = "404", description = "No such post")
    @GET
    @Path("{id}/comments")
    public Slice<CommentView> comments(@PathParam("id") long id,
                                       @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                                       @Parameter(description = "comments per page, 1-100") @QueryParam("limit") @DefaultValue("20") int limit) {
        PageParameters.checkLimit(limit);
        Cursor after = PageParameters.cursor(cursor == null || cursor.isEmpty() ? null : cursor);
        Slice<CommentView> slice = comments.slice(id, after, limit);
        if (slice.items().isEmpty() && after == null && !posts.exists(id)) {
            throw new NoSuchPostException(id);
        }
        return slice;
    }

    @Operation(summary = "Publish a post (members)")
    @APIResponse(responseCode = "201", description = "Published; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @SecurityRequirement(name = RestApplication.BEARER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "admin"})
    public Response publish(@Valid PostForm form) {
        Problem.requireBody(form);
        long id = blog.publish(caller(), form);
        return Response.created(uri.getBaseUriBuilder().path("posts").path(String.valueOf(id)).build())
                .entity(fresh(id)).build();
    }

    @Operation(summary = "Revise a post (its author or an administrator)")
    @APIResponse(responseCode = "200", description = "The revised post", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "Not the author")
    @APIResponse(responseCode = "404", description = "No such post")
    @SecurityRequirement(name = RestApplication.BEARER)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "admin"})
    public PostView revise(@PathParam("id") long id, @Valid PostForm form) {
        Problem.requireBody(form);
        blog.revise(id, caller(), form);
        return fresh(id);
    }

    @Operation(summary = "Delete a post and its comments (its author or an administrator)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "Not the author")
    @APIResponse(responseCode = "404", description = "No such post")
    @SecurityRequirement(name = RestApplication.BEARER)
    @DELETE
    @Path("{id}")
    @RolesAllowed({"member", "admin"})
    public Response delete(@PathParam("id") long id) {
        blog.delete(id, caller());
        return Response.noContent().build();
    }

    @Operation(summary = "Comment on a post (members)")
    @APIResponse(responseCode = "201", description = "The comment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "404", description = "No such post")
    @SecurityRequirement(name = RestApplication.BEARER)
    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"member", "admin"})
    public Response comment(@PathParam("id") long id, @Valid CommentForm form) {
        Problem.requireBody(form);
        CommentView comment = blog.comment(id, caller(), form);
        return Response.created(uri.getBaseUriBuilder().path("posts").path(String.valueOf(id)).path("comments").build())
                .entity(comment).build();
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
