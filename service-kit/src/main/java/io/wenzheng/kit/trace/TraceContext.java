package io.wenzheng.kit.trace;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C trace context (traceparent) carried from an HTTP request or a consumed event to every event it causes, so one
 * petition's events share a trace id across the four services. Each hop keeps the trace id and takes a new span id.
 * The value lives in the Vert.x duplicated context of the request or message being handled.
 */
public final class TraceContext {
    public static final String HEADER = "traceparent";
    private static final String KEY = "wenzheng.traceparent";
    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** A new span in the parent's trace, or the root of a new trace when the parent is absent or malformed. */
    public static String childOf(String parent) {
        var m = parent == null ? null : VALID.matcher(parent.trim().toLowerCase(java.util.Locale.ROOT));
        boolean valid = m != null && m.matches() && !m.group(1).equals("0".repeat(32)) && !m.group(2).equals("0".repeat(16));
        String traceId = valid ? m.group(1) : hex(16);
        String flags = valid ? m.group(3) : "01";
        return "00-" + traceId + "-" + hex(8) + "-" + flags;
    }

    public static String traceId(String traceparent) {
        var m = traceparent == null ? null : VALID.matcher(traceparent);
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** Makes the value current for the request or message handled on this Vert.x context. */
    public static void bind(String traceparent) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(KEY, traceparent);
        }
    }

    /** The current trace context, or null outside a request or message. */
    public static String current() {
        Context context = Vertx.currentContext();
        return context == null ? null : context.getLocal(KEY);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
