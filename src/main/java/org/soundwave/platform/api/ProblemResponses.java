package org.soundwave.platform.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The API's problem responses, documented once: resources declare which error statuses an operation
 * answers and why ({@code @APIResponse(responseCode = "404", description = "No such post")}); this filter
 * gives every 4xx and 5xx response the {@code application/problem+json} body of the {@code Problem}
 * schema it defines, and every operation its 500. Installed by {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(ProblemResponses::document);
        }
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse("500")) {
            operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse()
                    .description("Unexpected: the problem's detail names an incident id the node's log has"));
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
            if (error && response.getValue().getRef() == null) {
                response.getValue().setContent(problemContent());
            }
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    /** RFC 9457 problem details as {@link Problem} writes them. */
    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING).description("the field or parameter at fault"))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING).description("what is wrong with it"));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail: the body of every error answer")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri")
                        .example("https://soundwave.example/problems/no-such-post"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING).example("Not Found"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32").example(404))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING).example("There is no post 5."))
                .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("for invalid input: one entry per offending field"));
    }
}
