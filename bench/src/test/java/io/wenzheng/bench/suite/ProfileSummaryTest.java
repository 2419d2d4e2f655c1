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
    @Test
    void collapsedStacksAreChargedByThreadLibraryTopFrameAndTheSuitesMethods(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path stacks = dir.resolve("profile-pid-4711-cpu.collapsed");
        java.nio.file.Files.writeString(stacks, String.join("\n",
                "[vert.x-eventloop-thread-0 tid=101];java/lang/Thread.run;io/wenzheng/kit/inbox/EventConsumer.lambda$consumeBatch$8;"
                        + "com/fasterxml/jackson/databind/ObjectMapper.readValue;java/lang/String.charAt 6",
                "[vert.x-eventloop-thread-1 tid=102];java/lang/Thread.run;io/wenzheng/kit/inbox/EventConsumer.consumeBatch;"
                        + "io/wenzheng/kit/inbox/EventConsumer.consumeBatch;io/wenzheng/kit/inbox/EventConsumer$$Lambda.0x00007f.apply 2",
                "[smallrye-kafka-consumer-thread-3 tid=103];java/lang/Thread.run;org/apache/kafka/clients/consumer/KafkaConsumer.poll;epoll_wait 1",
                "[C2 CompilerThread0 tid=7];thread_native_entry;C2Compiler::compile_method 1",
                ""));
        String summary = ProfileSummary.ofCollapsed(stacks, 10);

        assertTrue(summary.contains("10 CPU samples"), summary);
        assertTrue(summary.contains("| `vert.x-eventloop-thread-N` | 80.0 % |"), "two event-loop threads count as one pool: " + summary);
        assertTrue(summary.contains("| `smallrye-kafka-consumer-thread-N` | 10.0 % |"), summary);
        assertTrue(summary.contains("| `CN CompilerThreadN` | 10.0 % |"), summary);
        assertTrue(summary.contains("| `com.fasterxml.jackson` | 60.0 % |"), "a JDK frame on top is charged to the library that called it: " + summary);
        assertTrue(summary.contains("| `the JVM (JIT compiler, garbage collector, VM) and native code` | 10.0 % |"), summary);
        assertTrue(summary.contains("| `java.lang.String.charAt` | 60.0 % |"), summary);
        assertTrue(summary.contains("| `io.wenzheng.kit.inbox.EventConsumer.consumeBatch` | 80.0 % |"),
                "a method is counted once per stack, and a lambda is charged to the method that wrote it: " + summary);
        assertFalse(summary.substring(summary.indexOf("the suite's code")).contains("$$Lambda"), summary);
    }

    @Test
    void threadsOfOnePoolCountTogether() {
        assertEquals("vert.x-eventloop-thread-N", ProfileSummary.threadGroup("[vert.x-eventloop-thread-1 tid=4711]"));
        assertEquals("kafka-coordinator-heartbeat-thread | intake.lifecycle",
                ProfileSummary.threadGroup("[kafka-coordinator-heartbeat-thread | intake.lifecycle tid=42]"));
        assertEquals("threads without a name (the JVM's own)", ProfileSummary.threadGroup("[tid=17]"));
    }

    @Test
    void onlyFramesNamedByAClassPathAreJava() {
        assertTrue(ProfileSummary.javaFrame("io/vertx/core/impl/ContextBase.runOnContext"));
        assertFalse(ProfileSummary.javaFrame("SymbolTable::do_lookup"));
        assertFalse(ProfileSummary.javaFrame("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13"));
        assertFalse(ProfileSummary.javaFrame("itable stub"));
        assertEquals("io.wenzheng.intake.petition.PetitionTimeline.apply", ProfileSummary.collapsedName("io/wenzheng/intake/petition/PetitionTimeline.lambda$apply$4"));
    }
}
