package io.wenzheng.kit.problem;

import jakarta.ws.rs.WebApplicationException;

/** A query or path parameter that cannot be read as its type: a 400 naming the parameter, never the spec's 404. */
public class InvalidParameterException extends WebApplicationException {
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message, 400);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
