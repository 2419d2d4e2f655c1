package io.wenzheng.intake.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test vectors of WeChat's own documentation. */
class WeChatCryptoTest {
    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";

    @Test
    void urlVerificationSignature() {
        assertThat(io.wenzheng.intake.channel.PlatformSignature.of("pamtest", "1409304348", "xxxxxx")).isEqualTo("76480565cbe296026c53aaacd1ad523a1ddba24f");
    }

    @Test
    void theEnvelopeMatchesTheVectorAndOpensAgain() {
        WeChatCrypto crypto = new WeChatCrypto(KEY, APP_ID);
        String sealed = crypto.encrypt("我是中文abcd123", "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII));
        assertThat(sealed).isEqualTo("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
        assertThat(crypto.decrypt(sealed)).isEqualTo("我是中文abcd123");
    }

    @Test
    void anEnvelopeForAnotherAccountOrTamperedWithDoesNotOpen() {
        String sealed = new WeChatCrypto(KEY, APP_ID).encrypt("你好", "aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new WeChatCrypto(KEY, "wx0000000000000000").decrypt(sealed)).hasMessageContaining("another appid");
        assertThatThrownBy(() -> new WeChatCrypto("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg", APP_ID).decrypt(sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeChatCrypto(KEY, APP_ID).decrypt("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeChatCrypto(KEY, APP_ID).decrypt("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }
}
