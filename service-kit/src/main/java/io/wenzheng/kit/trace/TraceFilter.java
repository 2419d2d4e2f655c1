package io.wenzheng.kit.trace;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every HTTP request continues the caller's trace or starts one (OpenTelemetry's server span does that) and answers
 * with its own traceparent, so a client can find its request's trace.
 */
public class TraceFilter {

    @ServerResponseFilter
    public void answerWithTrace(ContainerResponseContext response) {
        String current = TraceContext.current();
        if (current != null) {
            response.getHeaders().putSingle(TraceContext.HEADER, current);
        }
    }
}
