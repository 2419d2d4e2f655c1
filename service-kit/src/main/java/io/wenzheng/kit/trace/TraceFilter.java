package io.wenzheng.kit.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every HTTP request continues the caller's trace (or starts one) and answers with its own traceparent. */
public class TraceFilter {

    @ServerRequestFilter
    public void continueTrace(ContainerRequestContext request) {
        TraceContext.bind(TraceContext.childOf(request.getHeaderString(TraceContext.HEADER)));
    }

    @ServerResponseFilter
    public void answerWithTrace(ContainerResponseContext response) {
        String current = TraceContext.current();
        if (current != null) {
            response.getHeaders().putSingle(TraceContext.HEADER, current);
        }
    }
}
