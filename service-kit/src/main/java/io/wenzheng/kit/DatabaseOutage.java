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
        return isCause(e, 0);
    }

    private static boolean isCause(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof java.net.SocketException && message.contains("Connection reset")
                    || message.contains("Connection refused") || message.contains("Connection was closed")
                    || message.contains("Pool closed") || message.contains("the database system is")
                    || message.contains("terminating connection due to") || message.contains("Connection is not active")) {
                return true;
            }
            // A failed transaction whose rollback failed too arrives as several failures at once.
            if (t instanceof io.smallrye.mutiny.CompositeException composite) {
                for (Throwable inner : composite.getCauses()) {
                    if (inner != t && isCause(inner, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
