package io.wenzheng.intake.admission;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.wenzheng.contracts.EventJson;
import io.wenzheng.intake.IntakeConfig;
import io.wenzheng.intake.channel.open311.Open311Format;
import io.wenzheng.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Counts every petition-filing request through the {@link AdmissionGate} as it arrives, ahead of authentication
 * (whose route filters run at priority 200 to 300), and refuses one beyond the limit there: 503 with Retry-After,
 * in the caller's protocol, having read nothing of it.
 */
@ApplicationScoped
public class EarlyAdmission {
    /** Above the security filters (CORS 300, authentication 200): a refused request does not verify its token. */
    static final int PRIORITY = 400;
    public static final String DETAIL = "more petitions are being filed than intake takes at once; nothing was stored, send it again in a moment";
    private static final Buffer PROBLEM = Buffer.buffer(json(Problem.of(503, "Service busy", DETAIL)));
    private static final Buffer OPEN311_JSON = Buffer.buffer(Open311Format.error("json", 503, DETAIL));
    private static final Buffer OPEN311_XML = Buffer.buffer(Open311Format.error("xml", 503, DETAIL));

    @Produces
    @Singleton
    AdmissionGate gate(IntakeConfig config) {
        AdmissionGate gate = new AdmissionGate(config.admissionLimit());
        Metrics.gauge("wenzheng.intake.admission.in.process", gate, AdmissionGate::inProcess);
        return gate;
    }

    void register(@Observes Filters filters, AdmissionGate gate) {
        filters.register(context -> admit(context, gate), PRIORITY);
    }

    private static void admit(RoutingContext context, AdmissionGate gate) {
        String path = context.normalizedPath();
        if (!FilingRequests.files(context.request().method().name(), path)) {
            context.next();
            return;
        }
        AdmissionGate.Ticket ticket = gate.tryEnter();
        if (ticket == null) {
            refuse(context, path);
            return;
        }
        context.addEndHandler(ended -> ticket.release());
        context.next();
    }

    private static void refuse(RoutingContext context, String path) {
        Metrics.counter("wenzheng.intake.shed", "stage", "arrival").increment();
        var response = context.response().setStatusCode(503).putHeader("Retry-After", "1");
        if (FilingRequests.isOpen311(path)) {
            boolean xml = path.endsWith(".xml");
            response.putHeader("Content-Type", xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8")
                    .end(xml ? OPEN311_XML : OPEN311_JSON);
        } else {
            response.putHeader("Content-Type", Problem.MEDIA_TYPE).end(PROBLEM);
        }
    }

    private static String json(Problem problem) {
        try {
            return EventJson.mapper().writeValueAsString(problem.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
