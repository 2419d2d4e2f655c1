package io.wenzheng.kit;

/**
 * Tells a database that cannot be reached (down, restarting, in crash recovery) from a fault of the request or the
 * code. The first is waited out: HTTP answers 503 with Retry-After, and consumers retry the event until it passes
 * instead of dead-lettering a good event.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || message.contains("Connection refused") || message.contains("Connection was closed")
                    || message.contains("Pool closed") || message.contains("the database system is")) {
                return true;
            }
        }
        return false;
    }
}
