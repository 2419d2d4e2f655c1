package io.wenzheng.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "wenzheng.intake")
public interface IntakeConfig {
    /** Base64 of the 256-bit key that protects citizen contact data. Production takes it from a Kubernetes secret. */
    String piiKey();

    /** WeChat Official Accounts (微信公众号), by the name in their callback URL {@code /channels/wechat/{account}}. */
    Map<String, WeChatAccount> wechatAccounts();

    /** Weibo accounts on the fan-service platform (粉丝服务平台), by the name in {@code /channels/weibo/{account}}. */
    Map<String, WeiboAccount> weiboAccounts();

    interface WeiboAccount {
        /** The app secret that signs pushes. */
        String appSecret();

        /** The account's access token for the reply API. */
        java.util.Optional<String> accessToken();
    }

    /** Alipay life accounts (生活号), by the name in their gateway URL {@code /channels/alipay/{account}}. */
    Map<String, AlipayAccount> alipayAccounts();

    interface AlipayAccount {
        String appId();

        /** Alipay's public key (base64 X.509), to verify what Alipay sends. */
        String alipayPublicKey();

        /** The account's own public key (base64 X.509), returned to Alipay's gateway check. */
        String publicKey();

        /** The account's private key (base64 PKCS#8), to sign responses. A secret in production. */
        String privateKey();
    }

    /** API keys that may post Open311 GeoReport v2 service requests. */
    @WithDefault("wenzheng-demo-key")
    java.util.List<String> open311ApiKeys();

    /** A petition from the same citizen within this many days that reads this alike is flagged as a possible duplicate. */
    @WithDefault("7")
    int duplicateWindowDays();

    @WithDefault("0.6")
    double duplicateSimilarity();

    /** The SMS gateway's API key, for replies to hotline callers. */
    java.util.Optional<String> smsApiKey();

    /** First wait before a failed reply delivery is tried again; it doubles each time. */
    @WithDefault("30s")
    Duration replyRetryDelay();

    /** Attempts after which a reply delivery is given up and marked FAILED (visible in the history). */
    @WithDefault("8")
    int replyMaxAttempts();

    /** How far a platform's signed timestamp may be from our clock before the request counts as stale. */
    @WithDefault("300s")
    Duration channelClockSkew();

    /** The largest platform callback body accepted. */
    @WithDefault("65536")
    int channelMaxBodyBytes();

    /**
     * Where citizens reach the public side of intake (the Ingress in the cluster): replies and acknowledgements link
     * to {@code <base>/track/<code>}, the citizen's page of the petition.
     */
    @WithDefault("https://wenzheng.example.gov.cn")
    String publicBaseUrl();

    /** Units' feeds pushed to their registered endpoints. */
    Webhooks webhooks();

    interface Webhooks {
        /** How long one push may take; a slower endpoint counts as failed and is tried again. */
        @WithDefault("10s")
        Duration timeout();

        /** The wait before the first retry; it doubles up to {@link #longestWait()}. */
        @WithDefault("30s")
        Duration firstRetry();

        @WithDefault("1h")
        Duration longestWait();

        /** Attempts after which a push is parked for an administrator to replay (about 5 hours with the defaults). */
        @WithDefault("10")
        int attempts();

        /** How long a rotated-out secret still signs, so that a unit can switch without losing a request. */
        @WithDefault("24h")
        Duration secretOverlap();

        /** Pushes in flight at once per unit; a slow endpoint holds only its own. */
        @WithDefault("4")
        int inFlightPerUnit();

        /** The origin named in the CloudEvents webhook validation handshake (WebHook-Request-Origin). */
        @WithDefault("wenzheng.intake")
        String origin();

        /** How long delivered pushes are kept for the admin's view; parked ones stay until replayed or the webhook is removed. */
        @WithDefault("7d")
        Duration deliveredKept();

        /** Plain http:// endpoints; development and tests only, production requires https://. */
        @WithDefault("false")
        boolean allowHttp();
    }

    interface WeChatAccount {
        /** The Token set in the WeChat admin console. */
        String token();

        /** The 43-character EncodingAESKey of secure mode. */
        String encodingAesKey();

        String appId();

        /** The AppSecret, for the access token of customer-service replies (客服消息). */
        java.util.Optional<String> appSecret();

        /** Refuse plaintext callbacks (the console's "安全模式" only). */
        @WithDefault("false")
        boolean secureOnly();
    }

    /** Imports of an earlier system's petitions. */
    Imports imports();

    interface Imports {
        /** The city's time zone: times written without an offset are read in it. */
        @WithDefault("Asia/Shanghai")
        java.time.ZoneId zone();

        /**
         * Lines imported in one transaction: a crash loses at most this many to do again (nothing is doubled), and the
         * progress moves in steps of this size.
         */
        @WithDefault("50")
        int chunkSize();
    }
}
