package io.wenzheng.kit.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.wenzheng.kit.security.Caller;
import io.wenzheng.kit.trace.TraceContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Audits every state-changing call of the suite's own API ({@code /api/...}), whether it succeeded or not, before
 * the response leaves. Channel webhooks and Open311 are not here: the platforms' signed messages and the petition's
 * history already record them. Reading contact data is audited where it happens, with {@link #entry}.
 */
public class AuditFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AuditLog log;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    HttpServerRequest http;

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || !path.startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                // A token that failed verification leaves no identity; the attempt is audited all the same.
                .onFailure().recoverWithNull()
                .chain(identity -> log.append(entry(identity, request.getMethod() + " " + path, target(request), response.getStatus(), http)))
                .onFailure().recoverWithItem(e -> {
                    // The action has already happened; losing its audit line is an operational alarm, not the caller's error.
                    // The failure's message only: its stack may quote the request's token.
                    LOG.errorf("AUDIT WRITE FAILED for %s %s: %s", request.getMethod(), path, e.getClass().getName());
                    return null;
                });
    }

    /** The audit line for a reveal of contact data; the caller writes it before the data leaves. */
    public static AuditLog.Record entry(SecurityIdentity identity, String action, String target, int outcome, HttpServerRequest http) {
        String unit = identity == null ? null : Caller.unitOf(identity).orElse(null);
        String forwarded = http.getHeader("X-Forwarded-For");
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        String traceparent = TraceContext.current();
        String actor = identity == null ? "(invalid token)" : identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        return new AuditLog.Record(actor, identity == null ? "" : String.join(",", new TreeSet<>(identity.getRoles())), unit, action, target, outcome,
                forwarded == null ? address : forwarded + " via " + address, http.getHeader("User-Agent"),
                traceparent == null ? null : TraceContext.traceId(traceparent));
    }

    private static String target(ContainerRequestContext request) {
        var params = request.getUriInfo().getPathParameters();
        for (String name : new String[] {"id", "petitionId", "trackingCode", "name", "unit"}) {
            if (params.containsKey(name)) {
                return params.getFirst(name);
            }
        }
        return null;
    }
}
