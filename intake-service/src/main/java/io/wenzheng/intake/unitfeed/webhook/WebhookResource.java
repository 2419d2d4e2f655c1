package io.wenzheng.intake.unitfeed.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.intake.citizen.ContactVault;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import io.wenzheng.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrators register a unit's endpoint, rotate its secret, and see and replay what could not be delivered. */
@Path("/api/v1/admin/units/{unit}/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "webhooks")
public class WebhookResource {
    @Inject
    WebhookPushes pushes;
    @Inject
    ContactVault vault;
    @Inject
    Clock clock;

    public record Registration(@NotBlank @Size(max = 2000) String url) {
    }

    /** @param secret shown once, when it is new (a first registration or a rotation) */
    public record EndpointView(String unitCode, String url, Instant validatedAt, String secret, Instant previousSecretValidUntil,
                               long pending, long parked, long delivered) {
    }

    public record DeliveryView(long id, String petitionId, String eventId, String eventType, WebhookDelivery.Status status,
                               int attempts, Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.petitionId, d.eventId, d.eventType, d.status, d.attempts, d.lastStatus, d.lastError,
                    d.createdAt, d.deliveredAt);
        }
    }

    public record Replay(List<Long> ids) {
    }

    public record Forgotten(long forgotten) {
    }

    public record Replayed(int replayed) {
    }

    @PUT
    @Operation(summary = "Register or move a unit's webhook; the endpoint must answer the CloudEvents validation handshake. "
            + "A first registration answers the signing secret, once")
    public Uni<EndpointView> register(@PathParam("unit") String unit, @Valid @NotNull Registration registration) {
        String code = unitCode(unit);
        String url = checkedUrl(registration.url().strip());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pushes.handshake(url)
                .onFailure(IllegalStateException.class).transform(e -> new ProblemException(
                        Problem.of(422, "Endpoint not confirmed", e.getMessage()).with("field", "url")))
                .chain(() -> Panache.withTransaction(() -> WebhookEndpoint.<WebhookEndpoint>findById(code).chain(existing -> {
                    String secret = existing == null ? WebhookSignature.newSecret() : null;
                    WebhookEndpoint endpoint = existing != null ? existing : new WebhookEndpoint();
                    endpoint.unitCode = code;
                    endpoint.url = url;
                    endpoint.validatedAt = now;
                    endpoint.updatedAt = now;
                    if (existing == null) {
                        endpoint.secretSealed = vault.encrypt(secret);
                        endpoint.createdAt = now;
                    }
                    return (existing == null ? endpoint.persist() : Uni.createFrom().item(endpoint))
                            .chain(() -> view(endpoint, secret));
                })));
    }

    @GET
    @Operation(summary = "A unit's webhook: where it points, when it was confirmed, and its pushes pending, parked and delivered")
    public Uni<EndpointView> get(@PathParam("unit") String unit) {
        String code = unitCode(unit);
        return Panache.withSession(() -> WebhookEndpoint.<WebhookEndpoint>findById(code).chain(endpoint -> {
            if (endpoint == null) {
                throw ProblemException.notFound("a webhook of unit " + code);
            }
            return view(endpoint, null);
        }));
    }

    @DELETE
    @Operation(summary = "Remove a unit's webhook; pushes not yet delivered are parked, so a new registration can replay them")
    public Uni<Void> remove(@PathParam("unit") String unit) {
        String code = unitCode(unit);
        return Panache.withTransaction(() -> WebhookEndpoint.<WebhookEndpoint>findById(code).chain(endpoint -> {
            if (endpoint == null) {
                throw ProblemException.notFound("a webhook of unit " + code);
            }
            return WebhookDelivery.update("status = ?1, lastError = ?2 where unitCode = ?3 and status = ?4", WebhookDelivery.Status.PARKED,
                            "the endpoint was removed", code, WebhookDelivery.Status.PENDING)
                    .chain(() -> endpoint.delete());
        }));
    }

    @POST
    @Path("/secret-rotations")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A new signing secret, answered once; the previous one keeps signing alongside for the configured overlap")
    public Uni<EndpointView> rotate(@PathParam("unit") String unit) {
        String code = unitCode(unit);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> WebhookEndpoint.<WebhookEndpoint>findById(code).chain(endpoint -> {
            if (endpoint == null) {
                throw ProblemException.notFound("a webhook of unit " + code);
            }
            String secret = WebhookSignature.newSecret();
            endpoint.previousSecretSealed = endpoint.secretSealed;
            endpoint.previousValidUntil = now.plus(pushes.secretOverlap());
            endpoint.secretSealed = vault.encrypt(secret);
            endpoint.updatedAt = now;
            return view(endpoint, secret);
        }));
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "Pushes of this unit, newest first; status=PARKED lists those given up on")
    public Uni<List<DeliveryView>> deliveries(@PathParam("unit") String unit,
                                              @QueryParam("status") @DefaultValue("PARKED") WebhookDelivery.Status status,
                                              @QueryParam("limit") @DefaultValue("100") int limit) {
        String code = unitCode(unit);
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "must be between 1 and 1000");
        }
        return Panache.withSession(() -> WebhookDelivery.<WebhookDelivery>find("unitCode = ?1 and status = ?2 order by id desc", code, status)
                .page(0, limit).list()).map(list -> list.stream().map(DeliveryView::of).toList());
    }

    @POST
    @Path("/deliveries/replays")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Push parked deliveries again, in their order: those named, or all of the unit's")
    public Uni<Replayed> replay(@PathParam("unit") String unit, Replay replay) {
        String code = unitCode(unit);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean all = replay == null || replay.ids() == null || replay.ids().isEmpty();
        return Panache.withTransaction(() -> WebhookEndpoint.<WebhookEndpoint>findById(code).chain(endpoint -> {
            if (endpoint == null) {
                throw new ProblemException(Problem.of(409, "No endpoint", "unit " + code + " has no webhook to replay to"));
            }
            return all
                    ? WebhookDelivery.update("status = ?1, attempts = 0, nextAttemptAt = ?2 where unitCode = ?3 and status = ?4",
                            WebhookDelivery.Status.PENDING, now, code, WebhookDelivery.Status.PARKED)
                    : WebhookDelivery.update("status = ?1, attempts = 0, nextAttemptAt = ?2 where unitCode = ?3 and status = ?4 and id in ?5",
                            WebhookDelivery.Status.PENDING, now, code, WebhookDelivery.Status.PARKED, replay.ids());
        })).map(Replayed::new);
    }

    @DELETE
    @Path("/deliveries")
    @Operation(summary = "Forget this unit's parked pushes, when the department will not take them (it reads its Kafka feed, or the unit is gone)")
    public Uni<Forgotten> forgetParked(@PathParam("unit") String unit) {
        String code = unitCode(unit);
        return Panache.withTransaction(() -> WebhookDelivery.delete("unitCode = ?1 and status = ?2", code, WebhookDelivery.Status.PARKED))
                .map(Forgotten::new);
    }

    private Uni<EndpointView> view(WebhookEndpoint endpoint, String newSecret) {
        return WebhookDelivery.count("unitCode = ?1 and status = ?2", endpoint.unitCode, WebhookDelivery.Status.PENDING)
                .chain(pending -> WebhookDelivery.count("unitCode = ?1 and status = ?2", endpoint.unitCode, WebhookDelivery.Status.PARKED)
                        .chain(parked -> WebhookDelivery.count("unitCode = ?1 and status = ?2", endpoint.unitCode, WebhookDelivery.Status.DELIVERED)
                                .map(delivered -> new EndpointView(endpoint.unitCode, endpoint.url, endpoint.validatedAt, newSecret,
                                        endpoint.previousSecretSealed == null ? null : endpoint.previousValidUntil, pending, parked, delivered))));
    }

    private static String unitCode(String unit) {
        if (unit == null || !unit.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ProblemException.invalid("unit", "a unit's code: letters, digits, - and _");
        }
        return unit;
    }

    private String checkedUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "not a URL: " + e.getMessage());
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !(https || (http && pushes.allowHttp()))) {
            throw ProblemException.invalid("url", pushes.allowHttp() ? "an http:// or https:// URL with a host" : "an https:// URL with a host");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.invalid("url", "no user name or password in the URL; requests are signed instead");
        }
        return url;
    }
}
