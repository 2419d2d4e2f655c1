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
    @jakarta.inject.Inject
    io.wenzheng.kit.outbox.Outbox outbox;

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
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return Panache.withTransaction(() -> DirectoryResource.loadedVersion().chain(version -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UnitInput input : units) {
                chain = chain.chain(() -> UnitRow.<UnitRow>findById(input.code()).chain(existing -> {
                    List<Unit> before = existing == null ? List.of() : List.of(existing.toUnit());
                    UnitRow row = existing == null ? new UnitRow() : existing;
                    row.fill(input.toUnit());
                    Uni<Void> stored = existing == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                    return stored.chain(() -> DirectoryResource.announce(outbox,
                            DirectoryChanges.units(before, List.of(input.toUnit()), false, version, now), now));
                }));
            }
            return chain.chain(DirectoryResource::markEdited);
        })).invoke(cache::invalidate).chain(() -> feeds.ensure(units.stream().map(UnitInput::code).toList()))
                .map(created -> Map.of("units", units.size(), "feedsCreated", created.size()));
    }
}
