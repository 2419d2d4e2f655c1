package io.wenzheng.routing.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The unit directory as a versioned file (the city's 权责清单 turned into units and rules): load a whole version,
 * read it back, and edit rules one at a time. Units are also edited in bulk through {@code /api/v1/units}.
 */
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "unit directory")
public class DirectoryResource {
    @Inject
    UnitFeeds feeds;
    @Inject
    DirectoryCache cache;
    @Inject
    io.wenzheng.kit.outbox.Outbox outbox;

    public record RuleInput(@NotBlank @Size(max = 100) String name, @Size(max = 100) String category, @Size(max = 200) String place,
                            @NotBlank String unitCode, int priority) {
        RoutingRule toRule() {
            return new RoutingRule(name, blankToNull(category), blankToNull(place), unitCode, priority);
        }
    }

    public record DirectoryFile(@NotBlank @Pattern(regexp = "[A-Za-z0-9._+-]{1,100}") String version, String city,
                                @NotEmpty List<@Valid UnitInput> units, List<@Valid RuleInput> rules) {
    }

    public record Directory(String version, Instant loadedAt, Instant editedAt, List<Unit> units, List<RoutingRule> rules) {
    }

    public record Loaded(String version, int units, int rules, int feedsCreated) {
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.UNIT_STAFF, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The loaded directory: its version, units and routing rules")
    public Uni<Directory> get() {
        return Panache.withSession(() -> DirectoryVersion.<DirectoryVersion>findById(DirectoryVersion.SINGLETON)
                .chain(version -> UnitRow.<UnitRow>listAll().chain(units -> RuleRow.<RuleRow>listAll()
                        .map(rules -> new Directory(version == null ? null : version.version, version == null ? null : version.loadedAt,
                                version == null ? null : version.editedAt, units.stream().map(UnitRow::toUnit).toList(),
                                rules.stream().map(RuleRow::toRule).toList())))));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Load a version of the directory file: it replaces every unit and rule, and creates missing unit feeds")
    public Uni<Loaded> load(@Valid @NotNull DirectoryFile file) {
        List<RoutingRule> rules = file.rules() == null ? List.of() : file.rules().stream().map(RuleInput::toRule).toList();
        check(file.units(), rules);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Unit> loaded = file.units().stream().map(UnitInput::toUnit).toList();
        return Panache.withTransaction(() -> UnitRow.<UnitRow>listAll().chain(unitsBefore -> RuleRow.<RuleRow>listAll().chain(rulesBefore -> {
                    List<io.wenzheng.contracts.DirectoryEvent> changes = DirectoryChanges.between(
                            unitsBefore.stream().map(UnitRow::toUnit).toList(), rulesBefore.stream().map(RuleRow::toRule).toList(),
                            loaded, rules, file.version(), now);
                    return RuleRow.deleteAll()
                        .chain(() -> UnitRow.deleteAll())
                        // The bulk deletes leave the rows read above in the session; the new ones have the same ids.
                        .chain(() -> Panache.getSession().chain(s -> s.flush().invoke(() -> s.clear())))
                        .chain(() -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (UnitInput input : file.units()) {
                                UnitRow row = new UnitRow();
                                row.fill(input.toUnit());
                                chain = chain.chain(() -> row.persist().replaceWithVoid());
                            }
                            for (RoutingRule rule : rules) {
                                chain = chain.chain(() -> RuleRow.of(rule).persist().replaceWithVoid());
                            }
                            return chain;
                        })
                        .chain(() -> DirectoryVersion.<DirectoryVersion>findById(DirectoryVersion.SINGLETON))
                        .chain(existing -> {
                            DirectoryVersion v = existing == null ? new DirectoryVersion() : existing;
                            v.version = file.version();
                            v.loadedAt = now;
                            v.editedAt = null;
                            return existing == null ? v.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                        })
                        .chain(() -> announce(outbox, changes, now));
                })))
                .invoke(cache::invalidate)
                .chain(() -> feeds.ensure(file.units().stream().map(UnitInput::code).toList()))
                .map(created -> new Loaded(file.version(), file.units().size(), rules.size(), created.size()));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/rules/{name}")
    @Operation(summary = "Create or change one routing rule (an override with a place, or a category's lead department)")
    public Uni<RoutingRule> putRule(@PathParam("name") String name, @Valid @NotNull RuleInput input) {
        if (!name.equals(input.name())) {
            throw ProblemException.invalid("name", "must equal the name in the path, " + name);
        }
        return Panache.withTransaction(() -> UnitRow.findById(input.unitCode()).chain(unit -> {
            if (unit == null) {
                throw ProblemException.invalid("unitCode", "no unit " + input.unitCode() + " in the directory");
            }
            return RuleRow.<RuleRow>findById(name).chain(existing -> {
                RuleRow fresh = RuleRow.of(input.toRule());
                RoutingRule before = existing == null ? null : existing.toRule();
                Uni<Void> stored;
                if (existing != null) {
                    existing.category = fresh.category;
                    existing.place = fresh.place;
                    existing.unitCode = fresh.unitCode;
                    existing.priority = fresh.priority;
                    stored = markEdited();
                } else {
                    stored = fresh.persist().chain(() -> markEdited());
                }
                return stored.chain(() -> announceRule(outbox, before, fresh.toRule())).replaceWith(fresh.toRule());
            });
        })).invoke(cache::invalidate);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/rules/{name}")
    @Operation(summary = "Remove one routing rule")
    public Uni<Response> deleteRule(@PathParam("name") String name) {
        return Panache.withTransaction(() -> RuleRow.<RuleRow>findById(name).chain(existing -> {
            if (existing == null) {
                throw ProblemException.notFound("routing rule " + name);
            }
            RoutingRule before = existing.toRule();
            return existing.delete().chain(() -> markEdited()).chain(() -> announceRule(outbox, before, null));
        })).invoke(cache::invalidate).replaceWith(Response.noContent().build());
    }

    /** The directory's changes go out with the edit, in its transaction: the version they belong to is the loaded one. */
    static Uni<Void> announce(io.wenzheng.kit.outbox.Outbox outbox, List<io.wenzheng.contracts.DirectoryEvent> changes, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var change : changes) {
            chain = chain.chain(() -> outbox.append(change, at));
        }
        return chain;
    }

    private static Uni<Void> announceRule(io.wenzheng.kit.outbox.Outbox outbox, RoutingRule before, RoutingRule after) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return loadedVersion().chain(version -> announce(outbox,
                DirectoryChanges.rule(before, after, version, now).stream().toList(), now));
    }

    static Uni<String> loadedVersion() {
        return DirectoryVersion.<DirectoryVersion>findById(DirectoryVersion.SINGLETON).map(v -> v == null ? null : v.version);
    }

    /** Records that the loaded version no longer says everything; called inside the editing transaction. */
    static Uni<Void> markEdited() {
        return DirectoryVersion.<DirectoryVersion>findById(DirectoryVersion.SINGLETON).invoke(v -> {
            if (v != null) {
                v.editedAt = Instant.now();
            }
        }).replaceWithVoid();
    }

    private static void check(List<UnitInput> units, List<RoutingRule> rules) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            if (!codes.add(units.get(i).code())) {
                throw ProblemException.invalid("units[" + i + "].code", "duplicate code " + units.get(i).code());
            }
        }
        for (int i = 0; i < units.size(); i++) {
            String parent = units.get(i).parentCode();
            if (parent != null && !codes.contains(parent)) {
                throw ProblemException.invalid("units[" + i + "].parentCode", "no unit " + parent + " in this file");
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!codes.contains(rules.get(i).unitCode())) {
                throw ProblemException.invalid("rules[" + i + "].unitCode", "no unit " + rules.get(i).unitCode() + " in this file");
            }
            if (!names.add(rules.get(i).name())) {
                throw ProblemException.invalid("rules[" + i + "].name", "duplicate rule " + rules.get(i).name());
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
