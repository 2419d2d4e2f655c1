package io.wenzheng.intake.admission;

import java.util.regex.Pattern;

/** The requests that file a petition: every channel's POST, which the admission gate counts. */
public final class FilingRequests {
    private static final Pattern FILING = Pattern.compile(
            "/api/v1/petitions/?|/api/v1/hotline-calls/?|/channels/(wechat|weibo|alipay)/[^/]+/?|/open311/v2/requests\\.(json|xml)");

    private FilingRequests() {
    }

    public static boolean files(String method, String path) {
        return "POST".equals(method) && path != null && FILING.matcher(path).matches();
    }

    /** Open311 callers are answered in the GeoReport error format; everyone else with a problem document. */
    public static boolean isOpen311(String path) {
        return path.startsWith("/open311/");
    }
}
