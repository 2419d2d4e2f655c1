package io.wenzheng.contracts;

/** An event that can never be processed, whatever the retry: it belongs in the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
