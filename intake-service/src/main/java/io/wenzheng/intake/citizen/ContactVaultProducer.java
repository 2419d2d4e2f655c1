package io.wenzheng.intake.citizen;

import io.wenzheng.intake.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Base64;

public class ContactVaultProducer {
    @Produces
    @ApplicationScoped
    ContactVault vault(IntakeConfig config) {
        return new ContactVault(Base64.getDecoder().decode(config.piiKey()));
    }
}
