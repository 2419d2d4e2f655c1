package io.wenzheng.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileSummaryTest {

    @Test
    void aLibraryIsNamedByTheFirstThreePartsOfItsPackage() {
        assertEquals("org.hibernate.reactive", ProfileSummary.packagePrefix("org.hibernate.reactive.session.impl.ReactiveSessionImpl", 3));
        assertEquals("io.vertx.core", ProfileSummary.packagePrefix("io.vertx.core.impl.ContextBase", 3));
        assertEquals("a.b", ProfileSummary.packagePrefix("a.b.Type", 3), "a shorter package is named whole");
        assertEquals("Type", ProfileSummary.packagePrefix("Type", 3));
    }

    @Test
    void aLambdaIsChargedToTheMethodThatWroteIt() {
        assertEquals("io.wenzheng.intake.petition.PetitionTimeline.apply",
                ProfileSummary.name("io.wenzheng.intake.petition.PetitionTimeline", "lambda$apply$2"));
        assertEquals("io.wenzheng.x.Y.run", ProfileSummary.name("io.wenzheng.x.Y", "run"));
    }

    @Test
    void generatedFramesAreLeftOutOfTheSuitesPaths() {
        assertTrue(ProfileSummary.generated("io.wenzheng.routing.decision.PetitionRouting_ClientProxy.onLifecycle"));
        assertTrue(ProfileSummary.generated("io.wenzheng.intake.channel.wechat.WeChatResource_Subclass.receive"));
        assertTrue(ProfileSummary.generated("io.wenzheng.kit.sql.MultiRowStatement$$Lambda$3126+0x00007f018cfd1398.1048260164.apply"));
        assertTrue(ProfileSummary.generated("io.wenzheng.intake.petition.PetitionResource$quarkusrestinvoker$submit_f8d4.invoke"));
        assertFalse(ProfileSummary.generated("io.wenzheng.intake.petition.PetitionIntake.submit"));
    }
}
