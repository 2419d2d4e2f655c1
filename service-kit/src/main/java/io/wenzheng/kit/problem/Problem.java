package io.wenzheng.kit.problem;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 7807 problem document. */
public record Problem(Map<String, Object> body) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        return new Problem(body);
    }

    /** 400 naming one field, in the same shape as bean-validation failures. */
    public static Problem invalid(String field, String message) {
        return of(400, "Invalid request", field + ": " + message)
                .with("errors", java.util.List.of(Map.of("field", field, "message", message)));
    }

    public Problem with(String key, Object value) {
        body.put(key, value);
        return this;
    }

    public int status() {
        return (Integer) body.get("status");
    }

    public Response response() {
        return Response.status(status()).type(MEDIA_TYPE).entity(body).build();
    }
}
