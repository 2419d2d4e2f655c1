package io.wenzheng.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every HTTP error of the suite as RFC 7807 {@code application/problem+json}. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .sorted(java.util.Comparator.comparing(m -> m.get("field")))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return Problem.of(400, "Invalid request", detail).with("errors", errors).response();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
        String message = e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                ? "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                : "has the wrong type";
        return Problem.invalid(field, message).response();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return Problem.of(400, "Malformed JSON", e.getOriginalMessage()).response();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().response();
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Problem.invalid(e.parameter(), e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()).response();
    }

    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e) {
        return Response.fromResponse(Problem.of(401, "Unauthorized", "this endpoint needs a bearer token from the wenzheng realm")
                .response()).header("WWW-Authenticate", "Bearer realm=\"wenzheng\"").build();
    }

    @ServerExceptionMapper
    public Response badToken(io.quarkus.security.AuthenticationFailedException e) {
        return Response.fromResponse(Problem.of(401, "Unauthorized", "the bearer token is invalid or expired")
                .response()).header("WWW-Authenticate", "Bearer realm=\"wenzheng\", error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Problem.of(403, "Forbidden", "your role does not allow this").response();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (io.wenzheng.kit.DatabaseOutage.isCause(e)) {
            // Nothing was stored: the caller must retry, and a load balancer may send it elsewhere meanwhile.
            LOG.warnf("database unreachable: %s", e.toString());
            return Response.fromResponse(Problem.of(503, "Service unavailable",
                    "the database cannot be reached; nothing was stored, try again shortly").response()).header("Retry-After", "5").build();
        }
        LOG.error("unexpected failure", e);
        return Problem.of(500, "Internal error", "the request failed; it has been logged").response();
    }


    private static String field(ConstraintViolation<?> v) {
        // "create.request.text" -> "text": clients know fields, not Java method names.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}
