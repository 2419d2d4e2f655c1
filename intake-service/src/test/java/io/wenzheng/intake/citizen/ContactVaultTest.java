package io.wenzheng.intake.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContactVaultTest {
    private final ContactVault vault = new ContactVault("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void sealsAndOpensContactData() {
        String sealed = vault.encrypt("{\"name\":\"张三\",\"phone\":\"13800138000\"}");
        assertThat(sealed).doesNotContain("13800138000").doesNotContain("张三");
        assertThat(vault.decrypt(sealed)).isEqualTo("{\"name\":\"张三\",\"phone\":\"13800138000\"}");
        assertThat(vault.encrypt("same")).as("a fresh nonce each time").isNotEqualTo(vault.encrypt("same"));
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        String sealed = vault.encrypt("13800138000");
        char[] chars = sealed.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> vault.decrypt(new String(chars))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void citizenReferenceIsStableOpaqueAndIgnoresFormatting() {
        String ref = vault.citizenRef("13800138000");
        assertThat(ref).matches("c-[0-9a-f]{16}").doesNotContain("138");
        assertThat(vault.citizenRef("+86 138-0013-8000")).isEqualTo(ref);
        assertThat(vault.citizenRef("13800138001")).isNotEqualTo(ref);
        ContactVault otherKey = new ContactVault("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThat(otherKey.citizenRef("13800138000")).isNotEqualTo(ref);
    }
}
