package io.wenzheng.analytics.rebuild;

import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/read-models/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class ReadModelResource {
    @Inject
    ReadModelRebuild rebuild;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Empty the read models and replay every topic from the start; answers at once, then see GET")
    public Uni<Response> start() {
        return rebuild.start().map(p -> Response.accepted(p).build());
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "How far the rebuild has come: events replayed of those on the topics when it began")
    public ReadModelRebuild.Progress progress() {
        return rebuild.progress();
    }
}
