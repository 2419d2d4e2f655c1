package io.wenzheng.intake.tracking;

import io.wenzheng.intake.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The citizen's page of a petition, as its acknowledgements and replies name it. */
@ApplicationScoped
public class TrackingLink {
    private final String base;

    @Inject
    public TrackingLink(IntakeConfig config) {
        String url = config.publicBaseUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String of(String trackingCode) {
        return base + "/track/" + trackingCode;
    }

    /** What a citizen reads after filing: the code, and where to follow it. */
    public String acknowledgement(String trackingCode) {
        return "您的诉求已受理，查询码 " + trackingCode + "，可凭此码查询办理进度：" + of(trackingCode);
    }
}
