package io.wenzheng.intake.channel.open311;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.contracts.PetitionStatus;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.channel.FormBody;
import io.wenzheng.intake.petition.PetitionIds;
import io.wenzheng.intake.petition.PetitionIntake;
import io.wenzheng.intake.petition.PetitionRow;
import io.wenzheng.intake.petition.PetitionSubmission;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the city's service list and its service requests, in
 * JSON and XML. Requests posted here are petitions of the OPEN311 channel; only those are listed, because the other
 * channels' texts were not written for publication.
 */
@Path("/open311/v2")
@Tag(name = "open311")
// Open311 clients authenticate with their api_key, which POST checks.
@jakarta.annotation.security.PermitAll
public class Open311Resource {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final int MAX_RESULTS = 1000;

    @Inject
    IntakeConfig config;
    @Inject
    PetitionIntake intake;

    /** A GeoReport error: answered in the spec's array format, in the format the caller asked for. */
    public static final class Open311Exception extends RuntimeException {
        final int status;
        final String format;

        Open311Exception(int status, String format, String description) {
            super(description);
            this.status = status;
            this.format = format;
        }
    }

    @ServerExceptionMapper
    public Response error(Open311Exception e) {
        return respond(e.format, e.status, Open311Format.error(e.format, e.status, e.getMessage()));
    }

    /** Open311 is public: each endpoint is rate-limited, and a client over the limit is told so in the spec's format. */
    @ServerExceptionMapper
    public Response tooMany(io.smallrye.faulttolerance.api.RateLimitException e, jakarta.ws.rs.core.UriInfo uri) {
        String format = uri.getPath().endsWith(".xml") ? "xml" : "json";
        return Response.fromResponse(respond(format, 429, Open311Format.error(format, 429, "too many requests; try again shortly")))
                .header("Retry-After", "1").build();
    }

    @GET
    @io.smallrye.faulttolerance.api.RateLimit(value = 100, window = 1, windowUnit = java.time.temporal.ChronoUnit.SECONDS)
    @Path("discovery.{format: json|xml}")
    @Operation(summary = "GeoReport v2 discovery")
    public Response discovery(@PathParam("format") String format, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        // The endpoint's absolute URL, as the client reached it (behind the ingress, from its forwarded headers).
        String url = uri.getBaseUri().resolve("open311/v2").toString();
        ObjectNode d = EventJson.mapper().createObjectNode().put("changeset", "2026-11-29T00:00:00+08:00")
                .put("contact", "Wenzheng 12345 platform").put("key_service", "ask the platform operators for an api_key");
        ArrayNode endpoints = d.putArray("endpoints");
        endpoints.addObject().put("specification", "http://wiki.open311.org/GeoReport_v2").put("url", url)
                .put("changeset", "2026-11-29T00:00:00+08:00").put("type", "production")
                .putArray("formats").add("application/json").add("text/xml");
        if ("json".equals(format)) {
            return respond(format, 200, d.toString());
        }
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><discovery><changeset>2026-11-29T00:00:00+08:00</changeset>"
                + "<contact>Wenzheng 12345 platform</contact><key_service>ask the platform operators for an api_key</key_service>"
                + "<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>" + url + "</url>"
                + "<changeset>2026-11-29T00:00:00+08:00</changeset><type>production</type><formats><format>application/json</format>"
                + "<format>text/xml</format></formats></endpoint></endpoints></discovery>";
        return respond(format, 200, xml);
    }

    @GET
    @io.smallrye.faulttolerance.api.RateLimit(value = 100, window = 1, windowUnit = java.time.temporal.ChronoUnit.SECONDS)
    @Path("services.{format: json|xml}")
    @Operation(summary = "GeoReport v2 service list: the first-level categories")
    public Response services(@PathParam("format") String format) {
        ArrayNode list = Open311Format.array();
        for (Open311Service s : Open311Service.ALL) {
            list.addObject().put("service_code", s.code()).put("service_name", s.category()).put("description", s.description())
                    .put("metadata", false).put("type", "realtime").put("keywords", s.keywords()).put("group", s.group());
        }
        return respond(format, 200, Open311Format.render(format, list, "services", "service"));
    }

    @GET
    @io.smallrye.faulttolerance.api.RateLimit(value = 100, window = 1, windowUnit = java.time.temporal.ChronoUnit.SECONDS)
    @Path("services/{code: [a-z0-9-]+}.{format: json|xml}")
    @Operation(summary = "GeoReport v2 service definition (no service has extra attributes)")
    public Response service(@PathParam("code") String code, @PathParam("format") String format) {
        Open311Service.byCode(code).orElseThrow(() -> new Open311Exception(404, format, "no service " + code));
        if ("json".equals(format)) {
            ObjectNode definition = EventJson.mapper().createObjectNode().put("service_code", code);
            definition.putArray("attributes");
            return respond(format, 200, definition.toString());
        }
        return respond(format, 200, "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_definition><service_code>" + code
                + "</service_code><attributes></attributes></service_definition>");
    }

    @POST
    @io.smallrye.faulttolerance.api.RateLimit(value = 100, window = 1, windowUnit = java.time.temporal.ChronoUnit.SECONDS)
    @Path("requests.{format: json|xml}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "GeoReport v2: create a service request (a petition); needs api_key")
    public Uni<Response> create(@PathParam("format") String format, byte[] body) {
        if (body == null || body.length > config.channelMaxBodyBytes()) {
            throw new Open311Exception(body == null ? 400 : 413, format, "the request body must be a form of at most "
                    + config.channelMaxBodyBytes() + " bytes");
        }
        Map<String, String> form = FormBody.parseUtf8(body);
        String apiKey = form.get("api_key");
        if (apiKey == null || !config.open311ApiKeys().contains(apiKey)) {
            throw new Open311Exception(403, format, "api_key missing or not valid");
        }
        Open311Service service = Open311Service.byCode(value(form, "service_code"))
                .orElseThrow(() -> new Open311Exception(400, format, "service_code missing or not in the service list"));
        String description = value(form, "description");
        if (description == null) {
            throw new Open311Exception(400, format, "description is required");
        }
        if (description.length() > 10_000) {
            throw new Open311Exception(400, format, "description is over 10,000 characters");
        }
        Double lat = coordinate(form, "lat", 90, format);
        Double lon = coordinate(form, "long", 180, format);
        String address = value(form, "address_string");
        if ((lat == null) != (lon == null) || (lat == null && address == null)) {
            throw new Open311Exception(400, format, "a location is required: lat and long, or address_string");
        }
        String phone = value(form, "phone");
        if (phone != null && !phone.matches("^\\+?[0-9][0-9 -]{4,19}$")) {
            throw new Open311Exception(400, format, "phone is not a phone number");
        }
        String name = String.join(" ", Arrays.asList(value(form, "last_name"), value(form, "first_name")).stream()
                .filter(s -> s != null).toList());
        String media = value(form, "media_url");
        if (media != null && !media.matches("^https?://\\S{1,1990}$")) {
            throw new Open311Exception(400, format, "media_url is not an http(s) URL");
        }
        PetitionSubmission submission = new PetitionSubmission(Channel.OPEN311, null, description,
                new PetitionSubmission.Place(address, lat, lon),
                phone == null && name.isBlank() ? null : new PetitionSubmission.Contact(name.isBlank() ? null : name, phone),
                media == null ? java.util.List.of() : java.util.List.of(media));
        return intake.submitOnce(submission, null, service.category()).map(receipt -> {
            ObjectNode created = Open311Format.array().addObject().put("service_request_id", receipt.id())
                    .put("token", receipt.trackingCode())
                    .put("service_notice", "受理后 1 小时内（非工作时间 8 小时内）响应。查询码 " + receipt.trackingCode())
                    .putNull("account_id");
            ArrayNode list = Open311Format.array().add(created);
            return respond(format, 201, Open311Format.render(format, list, "service_requests", "request"));
        });
    }

    @GET
    @io.smallrye.faulttolerance.api.RateLimit(value = 100, window = 1, windowUnit = java.time.temporal.ChronoUnit.SECONDS)
    @Path("requests.{format: json|xml}")
    @Operation(summary = "GeoReport v2: service requests, filtered as the spec says (at most 1000, default the last 90 days)")
    public Uni<Response> list(@PathParam("format") String format, @QueryParam("service_request_id") String ids,
                              @QueryParam("service_code") String serviceCode, @QueryParam("start_date") String startDate,
                              @QueryParam("end_date") String endDate, @QueryParam("status") String status) {
        StringBuilder where = new StringBuilder("channel = :channel");
        Map<String, Object> params = new HashMap<>();
        params.put("channel", Channel.OPEN311);
        if (ids != null && !ids.isBlank()) {
            List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(PetitionIds::isValid).toList();
            where.append(" and id in :ids");
            params.put("ids", wanted.isEmpty() ? List.of("-") : wanted);
        } else {
            Instant end = endDate == null ? Instant.now() : instant(endDate, "end_date", format);
            Instant start = startDate == null ? end.minus(90, ChronoUnit.DAYS) : instant(startDate, "start_date", format);
            where.append(" and receivedAt >= :start and receivedAt <= :end");
            params.put("start", start);
            params.put("end", end);
            if (serviceCode != null) {
                Open311Service service = Open311Service.byCode(serviceCode)
                        .orElseThrow(() -> new Open311Exception(400, format, "service_code " + serviceCode + " is not in the service list"));
                where.append(" and category = :category");
                params.put("category", service.category());
            }
            if (status != null) {
                List<PetitionStatus> closed = java.util.Arrays.stream(PetitionStatus.values()).filter(s -> !s.open()).toList();
                switch (status) {
                    case "open" -> where.append(" and status not in :closed");
                    case "closed" -> where.append(" and status in :closed");
                    default -> throw new Open311Exception(400, format, "status is open or closed");
                }
                params.put("closed", closed);
            }
        }
        return Panache.withSession(() -> PetitionRow.<PetitionRow>find(where + " order by receivedAt desc", params).page(0, MAX_RESULTS).list())
                .map(rows -> respond(format, 200, requests(format, rows)));
    }

    @GET
    @io.smallrye.faulttolerance.api.RateLimit(value = 100, window = 1, windowUnit = java.time.temporal.ChronoUnit.SECONDS)
    @Path("requests/{id: [0-9A-Za-z]+}.{format: json|xml}")
    @Operation(summary = "GeoReport v2: one service request")
    public Uni<Response> one(@PathParam("id") String id, @PathParam("format") String format) {
        if (!PetitionIds.isValid(id)) {
            throw new Open311Exception(404, format, "no service request " + id);
        }
        return Panache.withSession(() -> PetitionRow.<PetitionRow>find("id = ?1 and channel = ?2", id, Channel.OPEN311).firstResult())
                .map(row -> {
                    if (row == null) {
                        throw new Open311Exception(404, format, "no service request " + id);
                    }
                    return respond(format, 200, requests(format, List.of(row)));
                });
    }

    @GET
    @io.smallrye.faulttolerance.api.RateLimit(value = 100, window = 1, windowUnit = java.time.temporal.ChronoUnit.SECONDS)
    @Path("tokens/{token: [0-9A-Za-z]+}.{format: json|xml}")
    @Operation(summary = "GeoReport v2: the service request a token (our tracking code) stands for")
    public Uni<Response> token(@PathParam("token") String token, @PathParam("format") String format) {
        return Panache.withSession(() -> PetitionRow.<PetitionRow>find("trackingCode = ?1 and channel = ?2", token, Channel.OPEN311).firstResult())
                .map(row -> {
                    if (row == null) {
                        throw new Open311Exception(404, format, "no service request for token " + token);
                    }
                    ArrayNode list = Open311Format.array();
                    list.addObject().put("service_request_id", row.id).put("token", row.trackingCode);
                    return respond(format, 200, Open311Format.render(format, list, "service_requests", "request"));
                });
    }

    private static String requests(String format, List<PetitionRow> rows) {
        ArrayNode list = Open311Format.array();
        for (PetitionRow r : rows) {
            var service = Open311Service.byCategory(r.category);
            ObjectNode o = list.addObject();
            o.put("service_request_id", r.id)
                    .put("status", r.status.open() ? "open" : "closed")
                    .putNull("status_notes")
                    .put("service_name", service.map(Open311Service::category).orElse(null))
                    .put("service_code", service.map(Open311Service::code).orElse(null))
                    .put("description", r.text)
                    .put("agency_responsible", r.unitName)
                    .putNull("service_notice")
                    .put("requested_datetime", time(r.receivedAt))
                    .put("updated_datetime", time(r.updatedAt))
                    .put("expected_datetime", time(r.firstResponseDue))
                    .put("address", r.address)
                    .putNull("address_id")
                    .putNull("zipcode");
            if (r.latitude != null) {
                o.put("lat", r.latitude).put("long", r.longitude);
            } else {
                o.putNull("lat").putNull("long");
            }
            java.util.List<String> pictures = r.attachmentList();
            if (pictures.isEmpty()) {
                o.putNull("media_url");
            } else {
                o.put("media_url", pictures.get(0));
            }
        }
        return Open311Format.render(format, list, "service_requests", "request");
    }

    /** W3C date-time with seconds always written: {@code OffsetDateTime.toString()} drops ":00" on the minute. */
    private static final java.time.format.DateTimeFormatter W3C = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static String time(Instant t) {
        return t == null ? null : W3C.format(OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), CHINA));
    }

    private static Instant instant(String text, String field, String format) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, format, field + " must be ISO 8601 with an offset, e.g. 2026-11-29T10:00:00+08:00");
        }
    }

    private static String value(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Double coordinate(Map<String, String> form, String name, double bound, String format) {
        String v = value(form, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || d < -bound || d > bound) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, format, name + " must be a number within ±" + (int) bound);
        }
    }

    private static Response respond(String format, int status, String body) {
        return Response.status(status).type("json".equals(format) ? "application/json; charset=utf-8" : "text/xml; charset=utf-8")
                .entity(body).build();
    }
}
