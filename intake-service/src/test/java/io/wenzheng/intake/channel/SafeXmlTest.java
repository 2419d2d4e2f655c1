package io.wenzheng.intake.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SafeXmlTest {
    private static Map<String, String> fields(String xml) {
        return SafeXml.fields(xml.getBytes(StandardCharsets.UTF_8), 64 * 1024);
    }

    @Test
    void readsEachChildOfTheRootInOrderWithCdataEntitiesAndNestedTextStripped() {
        Map<String, String> fields = fields("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xml>
                  <ToUserName><![CDATA[gh_demo]]></ToUserName>
                  <CreateTime>1733457600</CreateTime>
                  <Content>  <![CDATA[小区门口]]>路灯&amp;井盖&#x574F;了 </Content>
                  <Extra><a>one</a> <b>two</b></Extra>
                  <Empty/>
                </xml>""");

        assertThat(fields).containsExactly(
                Map.entry("ToUserName", "gh_demo"),
                Map.entry("CreateTime", "1733457600"),
                Map.entry("Content", "小区门口路灯&井盖坏了"),
                Map.entry("Extra", "one two"),
                Map.entry("Empty", ""));
    }

    @Test
    void aRepeatedFieldKeepsItsLastValue() {
        assertThat(fields("<xml><MsgType>text</MsgType><MsgType>event</MsgType></xml>")).containsExactly(Map.entry("MsgType", "event"));
    }

    @Test
    void cdataSurvivesItsOwnTerminatorInTheText() {
        String hostile = "a]]>b<c>&d;";
        assertThat(fields("<xml><Content>" + SafeXml.cdata(hostile) + "</Content></xml>")).containsEntry("Content", hostile);
    }

    @Test
    void refusesDoctypesExternalEntitiesAndEntityExpansion() {
        List<String> hostile = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><Content>&xxe;</Content></xml>",
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><xml><Content>&lol2;</Content></xml>",
                "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><Content>x</Content></xml>",
                "<xml><Content>&undeclared;</Content></xml>");
        for (String xml : hostile) {
            assertThatThrownBy(() -> fields(xml)).as(xml).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not well-formed XML without DTDs");
        }
    }

    @Test
    void refusesMalformedEmptyAndOversizedBodies() {
        assertThatThrownBy(() -> fields("<xml><Content>open</xml>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not well-formed XML");
        assertThatThrownBy(() -> fields("not xml at all")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fields("<xml></xml><second/>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeXml.fields(new byte[0], 10)).hasMessage("empty body");
        assertThatThrownBy(() -> SafeXml.fields("<xml><a>123456</a></xml>".getBytes(StandardCharsets.UTF_8), 10))
                .hasMessage("body of 24 bytes is over the limit of 10");
    }

    @Test
    void oneFactoryServesManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> reads = IntStream.range(0, 2_000)
                    .<Callable<Boolean>>mapToObj(i -> () -> fields("<xml><Id>" + i + "</Id><Content><![CDATA[第" + i + "条]]></Content></xml>")
                            .equals(Map.of("Id", String.valueOf(i), "Content", "第" + i + "条")))
                    .toList();
            for (Future<Boolean> read : pool.invokeAll(reads)) {
                assertThat(read.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
