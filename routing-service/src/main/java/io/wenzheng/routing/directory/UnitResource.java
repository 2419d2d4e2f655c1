package io.wenzheng.routing.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "unit directory")
public class UnitResource {
    @jakarta.inject.Inject
    UnitFeeds feeds;
    @jakarta.inject.Inject
    DirectoryCache cache;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.UNIT_STAFF, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The unit directory")
    public Uni<List<Unit>> list() {
        return Panache.withSession(() -> UnitRow.<UnitRow>listAll()).map(rows -> rows.stream().map(UnitRow::toUnit).toList());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or update units in bulk (idempotent); creates each unit's feed topic")
    public Uni<Map<String, Integer>> upsert(@NotEmpty List<@Valid UnitInput> units) {
        return Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UnitInput input : units) {
                chain = chain.chain(() -> UnitRow.<UnitRow>findById(input.code()).chain(existing -> {
                    UnitRow row = existing == null ? new UnitRow() : existing;
                    row.fill(input.toUnit());
                    return existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                }));
            }
            return chain.chain(DirectoryResource::markEdited);
        }).invoke(cache::invalidate).chain(() -> feeds.ensure(units.stream().map(UnitInput::code).toList()))
                .map(created -> Map.of("units", units.size(), "feedsCreated", created.size()));
    }
}
