package io.wenzheng.analytics.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import io.wenzheng.devstack.testing.DevStackTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.wenzheng.contracts.Channel;
import io.wenzheng.contracts.EventType;
import io.wenzheng.contracts.PetitionReceived;
import io.wenzheng.kit.inbox.ConsumedEvent;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "tester", roles = {"operator", "unit-staff", "supervisor", "analyst", "admin"})
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "service", value = "analytics"))
class HotspotRebuildTest {
    @Inject
    HotspotWatch watch;

    @Inject
    HotIssueBoard hotIssues;

    /**
     * A batch is read in shares on worker threads: each reading must be its own petition's, in the order read, and
     * the same as reading the petitions one by one.
     */
    @Test
    void aBatchReadInSharesGivesEachPetitionItsOwnReadingInOrder() throws Throwable {
        String[] estates = {"丽发新城", "魅力之城", "恒大城", "锦绣花园", "天心山庄"};
        String[] problems = {"搅拌站噪音扰民", "路灯不亮", "电梯长期故障", "垃圾站臭气熏天", "停车位被占用"};
        List<ConsumedEvent> batch = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            String subject = "A5区" + estates[i % estates.length] + problems[(i / estates.length) % problems.length];
            PetitionReceived received = new PetitionReceived("read-%02d".formatted(i), "RD" + i, Channel.WEB, subject,
                    "小区居民反映" + problems[(i / estates.length) % problems.length] + "，请尽快处理。", null, "citizen-" + i,
                    Instant.parse("2099-05-01T00:00:00Z").plusSeconds(i), null);
            batch.add(new ConsumedEvent("event-" + i, EventType.PETITION_RECEIVED, "test", received.receivedAt(), received, null));
        }

        List<HotspotWatch.Reading> readings = VertxContextSupport.subscribeAndAwait(() -> watch.read(batch));

        assertThat(readings).extracting(HotspotWatch.Reading::event).containsExactlyElementsOf(batch);
        for (HotspotWatch.Reading reading : readings) {
            PetitionReceived petition = (PetitionReceived) reading.event().data();
            var alone = hotIssues.analyse(petition);
            assertThat(reading.document().petitionId()).isEqualTo(petition.petitionId());
            assertThat(reading.analysed().message().subject()).isEqualTo(petition.subject());
            assertThat(reading.analysed().words()).as(petition.subject()).isEqualTo(alone.words()).isNotEmpty();
            assertThat(reading.analysed().place()).as(petition.subject()).isEqualTo(alone.place());
        }
        assertThat(readings.get(0).analysed().place().name()).contains("丽发新城");
    }

    /**
     * At start the detector reads the stored petitions of its horizon again, a page at a time. Two and a half pages
     * received in the same second, the newest stored: a page that ended inside that second must go on after its last
     * petition, not after the second. Petitions older than the horizon (eight days before the newest) are not read.
     */
    @Test
    void theDetectorReadsEveryPetitionOfItsHorizonOnceAPageAtATime() throws Throwable {
        Instant at = Instant.parse("2099-03-04T05:06:07Z");
        List<HotspotDocument> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(HotspotDocument.of(new Document("rebuild-%05d".formatted(i), at, TextFeatures.bigrams("小区噪音扰民 第" + i + "号楼"), null)));
        }
        for (int i = 0; i < 300; i++) {
            Instant old = at.minus(Duration.ofDays(8)).minusSeconds(1 + i * 60L);
            rows.add(HotspotDocument.of(new Document("rebuild-old-%03d".formatted(i), old, TextFeatures.bigrams("路灯不亮 第" + i + "号"), null)));
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> HotspotDocument.persist(rows)));
        try {
            HotspotDetector fresh = new HotspotDetector(new HotspotSettings(Duration.ofDays(1), 7, 5, 3, 0.45));
            assertThat(watch.rememberStored(fresh)).isEqualTo(2_500);
            assertThat(fresh.rememberedCount()).isEqualTo(2_500);
            assertThat(fresh.clusterCount()).isPositive();
        } finally {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> HotspotDocument.delete("petitionId like 'rebuild-%'")));
        }
    }
}
