package io.wenzheng.intake.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.PetitionStatus;
import io.wenzheng.intake.petition.HistoryRow;
import io.wenzheng.intake.petition.PetitionRow;
import io.wenzheng.kit.problem.Problem;
import io.wenzheng.kit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a citizen sees with the tracking code: status, the unit that handles the case, and the unit's public replies.
 * Never contact data, never internal notes. Public, so rate-limited here; per-address limits belong at the ingress.
 */
@Path("/api/v1/track")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "citizen tracking")
// Public: the citizen has only the tracking code; rate-limited.
@jakarta.annotation.security.PermitAll
public class TrackingResource {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[0-9A-HJKMNP-TV-Z]{8}");
    /** The lifecycle events whose text the unit addresses to the citizen, and the field that holds it. */
    private static final Map<String, String[]> PUBLIC = Map.of(
            "wenzheng.petition.responded.v1", new String[] {"RESPONSE", "message", "respondedAt"},
            "wenzheng.petition.progress-reported.v1", new String[] {"PROGRESS", "message", "reportedAt"},
            "wenzheng.petition.awaiting-citizen.v1", new String[] {"QUESTION", "question", "askedAt"},
            "wenzheng.petition.resolved.v1", new String[] {"RESOLUTION", "summary", "resolvedAt"});

    public record Reply(String kind, Instant at, String text) {
    }

    /**
     * @param title      the citizen's subject, or the first words of the text when there was none (hotline calls)
     * @param rejection  why the petition was not taken up (SPAM, INVALID, ABUSIVE, OUT_OF_SCOPE), when REJECTED
     * @param mergedInto the tracking code of the petition it is handled with, when MERGED
     * @param rating     the citizen's rating, once given
     */
    public record Tracking(String trackingCode, PetitionStatus status, String title, String category, String unit, Instant receivedAt,
                           Instant firstResponseDue, List<Reply> replies, String rejection, String mergedInto, Integer rating) {
    }

    @GET
    @Path("/{trackingCode}")
    @RateLimit(value = 50, window = 1, windowUnit = ChronoUnit.SECONDS)
    @Operation(summary = "A petition as its citizen may see it, by tracking code")
    @APIResponse(responseCode = "404", description = "no petition with that code")
    @APIResponse(responseCode = "429", description = "too many lookups; try again shortly")
    public Uni<Tracking> track(@PathParam("trackingCode") String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(normalised).matches()) {
            throw ProblemException.notFound("petition with tracking code " + code);
        }
        return Panache.withSession(() -> PetitionRow.<PetitionRow>find("trackingCode", normalised).firstResult()
                .chain(row -> {
                    if (row == null) {
                        throw ProblemException.notFound("petition with tracking code " + normalised);
                    }
                    return HistoryRow.of(row.id).chain(history -> mergedInto(history).map(merged -> new Tracking(row.trackingCode, row.status,
                            title(row), row.category, row.unitName, row.receivedAt, row.firstResponseDue,
                            history.stream().map(TrackingResource::reply).filter(Objects::nonNull).toList(),
                            last(history, "wenzheng.petition.rejected.v1", "reason"), merged,
                            java.util.Optional.ofNullable(last(history, "wenzheng.petition.rated.v1", "rating")).map(Integer::valueOf).orElse(null))));
                }));
    }

    private static String title(PetitionRow row) {
        return io.wenzheng.contracts.PetitionTitle.of(row.subject, row.text);
    }

    /** A field of the latest history entry of a type, or null. */
    private static String last(List<HistoryRow> history, String type, String field) {
        String value = null;
        for (HistoryRow h : history) {
            if (type.equals(h.eventType)) {
                try {
                    JsonNode v = EventJson.mapper().readTree(h.data).get(field);
                    value = v == null || v.isNull() ? null : v.asText();
                } catch (Exception e) {
                    value = null;
                }
            }
        }
        return value;
    }

    /** The original's tracking code, never its internal id. */
    private static Uni<String> mergedInto(List<HistoryRow> history) {
        String original = last(history, "wenzheng.petition.merged.v1", "originalId");
        return original == null ? Uni.createFrom().nullItem()
                : PetitionRow.<PetitionRow>findById(original).map(o -> o == null ? null : o.trackingCode);
    }

    @jakarta.inject.Inject
    io.wenzheng.intake.casework.Casework casework;

    @jakarta.ws.rs.POST
    @Path("/{trackingCode}/rating")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @RateLimit(value = 50, window = 1, windowUnit = ChronoUnit.SECONDS)
    @Operation(summary = "The citizen rates the answer (满意度) with the tracking code; an unsatisfied citizen may reopen the case (重办)")
    @APIResponse(responseCode = "404", description = "no petition with that code")
    @APIResponse(responseCode = "409", description = "not resolved yet, or already rated")
    public Uni<Tracking> rate(@PathParam("trackingCode") String code,
                              @jakarta.validation.Valid @jakarta.validation.constraints.NotNull io.wenzheng.intake.casework.CaseworkResource.Rating rating) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(normalised).matches()) {
            throw ProblemException.notFound("petition with tracking code " + code);
        }
        return Panache.withSession(() -> PetitionRow.<PetitionRow>find("trackingCode", normalised).firstResult())
                .chain(row -> {
                    if (row == null) {
                        throw ProblemException.notFound("petition with tracking code " + normalised);
                    }
                    return casework.rate(row.id, rating);
                })
                .chain(() -> track(normalised));
    }

    private static Reply reply(HistoryRow h) {
        String[] kind = PUBLIC.get(h.eventType);
        if (kind == null) {
            return null;
        }
        try {
            JsonNode data = EventJson.mapper().readTree(h.data);
            return new Reply(kind[0], data.hasNonNull(kind[2]) ? Instant.parse(data.get(kind[2]).asText()) : h.occurredAt,
                    data.path(kind[1]).asText(""));
        } catch (Exception e) {
            return null; // a history entry that is not what its type says is not shown to citizens
        }
    }

    @ServerExceptionMapper
    public Response tooMany(io.smallrye.faulttolerance.api.RateLimitException e) {
        return Response.status(429).type("application/problem+json")
                .entity(Problem.of(429, "Too many requests", "tracking lookups are limited; try again in a moment")).build();
    }
}
